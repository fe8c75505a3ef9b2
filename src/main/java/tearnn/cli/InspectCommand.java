package tearnn.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import tearnn.file.SavedModel;
import tearnn.json.JsonWriter;
import tearnn.model.Connectivity;
import tearnn.model.GradientFlow;
import tearnn.model.GradientPass;
import tearnn.model.Model;
import tearnn.model.Trace;
import tearnn.sample.Sampler;
import tearnn.task.TokenStreams;
import tearnn.text.Vocabulary;

/**
 * {@code inspect}: looks inside a saved word or character model and prints one JSON object.
 * <ul>
 *   <li>{@code --prime TEXT --connectivity [--target TOKEN]}: which prompt tokens the prediction of
 *       the target (the most probable next token unless named) leans on: ||d log p / d x_t|| each;</li>
 *   <li>{@code --prime TEXT --trace}: h, c (LSTM) and every gate of every layer at every token;</li>
 *   <li>{@code --gradient-flow --text FILE [--bptt 20 --batch 8]}: for the first batch of that
 *       text, the mean over the batch of ||dL/dh_t|| for every layer and step, and the global
 *       gradient norm (before any clipping).</li>
 * </ul>
 */
final class InspectCommand {
    private InspectCommand() {
    }

    static void run(Args a, PrintStream out) throws IOException {
        String file = a.string("model", null);
        String prime = a.string("prime", null);
        String target = a.string("target", null);
        String text = a.string("text", null);
        int bptt = a.integer("bptt", 20);
        int batch = a.integer("batch", 8);
        boolean connectivity = a.isSet("connectivity");
        boolean trace = a.isSet("trace");
        boolean flow = a.isSet("gradient-flow");
        a.done();
        if (file == null) {
            throw new IllegalArgumentException("inspect needs --model FILE.json");
        }
        if (!connectivity && !trace && !flow) {
            throw new IllegalArgumentException("inspect needs --connectivity, --trace or --gradient-flow");
        }
        if (target != null && !connectivity) {
            throw new IllegalArgumentException("--target goes with --connectivity");
        }
        SavedModel saved;
        try {
            saved = Main.readModel(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the model: " + e.getMessage());
        }
        if (saved.vocabulary == null) {
            throw new IllegalArgumentException(file + " has no vocabulary: it is not a word or character model");
        }
        JsonWriter json = new JsonWriter().beginObject();
        if (connectivity || trace) {
            if (prime == null) {
                throw new IllegalArgumentException("--connectivity and --trace read --prime TEXT");
            }
            List<String> tokens = saved.tokenizer.tokenize(prime);
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException("the prompt has no tokens");
            }
            int[] ids = saved.vocabulary.encode(tokens);
            json.name("tokens").beginArray();
            for (int id : ids) {
                json.value(saved.vocabulary.token(id));
            }
            json.endArray();
            if (connectivity) {
                connectivity(saved, ids, target, json);
            }
            if (trace) {
                trace(Trace.ofTokens(saved.model, ids), json);
            }
        }
        if (flow) {
            if (text == null) {
                throw new IllegalArgumentException("--gradient-flow reads --text FILE");
            }
            gradientFlow(saved, Main.readText(text), bptt, batch, json);
        }
        out.println(json.endObject());
    }

    private static void connectivity(SavedModel saved, int[] ids, String target, JsonWriter json) {
        Vocabulary v = saved.vocabulary;
        int y;
        if (target == null) {
            Sampler s = new Sampler(saved.model);
            s.prime(ids);
            y = Sampler.topK(s.distribution(1), 1)[0];
        } else {
            if (!v.contains(target)) {
                throw new IllegalArgumentException("'" + target + "' is not in the model's vocabulary of " + v.size() + " tokens");
            }
            y = v.indexOf(target);
        }
        Connectivity.Result r = new Connectivity(saved.model).ofTokens(ids, y);
        json.name("target").value(v.token(y)).name("target_id").value(y).name("log_probability").value(r.logProbability());
        json.name("connectivity").array(r.norms(), 0, r.norms().length);
    }

    private static void trace(Trace tr, JsonWriter json) {
        int h = tr.hidden();
        json.name("trace").beginObject().name("hidden").value(h).name("layers").beginArray();
        String[] names = tr.gateNames();
        for (int l = 0; l < tr.layers(); l++) {
            Trace.Layer layer = tr.layer(l);
            json.beginObject();
            steps(json.name("h"), layer.h(), tr.steps(), h);
            if (layer.c() != null) {
                steps(json.name("c"), layer.c(), tr.steps(), h);
            }
            json.name("gates").beginObject();
            for (int g = 0; g < names.length; g++) {
                steps(json.name(names[g]), layer.gates()[g], tr.steps(), h);
            }
            json.endObject().endObject();
        }
        json.endArray().endObject();
    }

    /** [T][H] as an array of T arrays. */
    private static void steps(JsonWriter json, double[] values, int steps, int h) {
        json.beginArray();
        for (int t = 0; t < steps; t++) {
            json.array(values, t * h, h);
        }
        json.endArray();
    }

    private static void gradientFlow(SavedModel saved, String text, int bptt, int batch, JsonWriter json) {
        int[] ids = saved.vocabulary.encode(saved.tokenizer.tokenize(text));
        TokenStreams streams = new TokenStreams(ids, batch, bptt);
        streams.next();
        Model m = saved.model;
        GradientPass pass = m.beginPass(streams.batch(), null, 0);
        pass.advance(Double.POSITIVE_INFINITY);
        GradientFlow f = new GradientFlow();
        pass.gradientFlow(f);
        double squares = 0;
        for (double g : m.params().grad) {
            squares += g * g;
        }
        json.name("gradient_flow").beginObject().name("steps").value(bptt).name("batch").value(batch)
                .name("loss").value(pass.loss()).name("grad_norm").value(Math.sqrt(squares));
        json.name("layers").beginArray();
        for (int l = 0; l < f.layers(); l++) {
            double[] means = new double[f.steps()];
            for (int t = 0; t < means.length; t++) {
                means[t] = f.mean(l, t);
            }
            json.array(means, 0, means.length);
        }
        json.endArray().endObject();
    }
}
