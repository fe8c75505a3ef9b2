package tearnn.lab;

import tearnn.bench.Timing;
import tearnn.bench.Workloads;
import tearnn.json.JsonException;
import tearnn.json.JsonObject;
import tearnn.json.JsonWriter;
import tearnn.model.Architecture;
import tearnn.model.InputKind;
import tearnn.model.ModelFile;
import tearnn.model.SavedModel;
import tearnn.optim.Schedule;
import tearnn.train.DivergedException;
import tearnn.train.Trainer;

/**
 * What the page asks of the engine, as JSON text in and JSON text out, so the browser glue is a
 * message pipe and every behaviour here is tested on the JVM. Each command does bounded work: the
 * caller sizes {@code steps} (training), {@code windows} ({@code word.validate}) and {@code pairs}
 * ({@code adder.accuracy}) so that one call takes a few tens of milliseconds; a validation or check
 * left unfinished continues on the next call, or starts over if the model has trained since.
 *
 * <p>Replies are {@code {"ok": true, ...}} or {@code {"ok": false, "error": message}} with
 * {@code "field"} naming the setting at fault, and {@code "diverged": true} when training produced
 * a non-finite loss (the weights of the last good step are kept).
 */
public final class Lab {
    private final Timing.Clock clock;
    private AdderSession adder;
    private WordSession word;
    private Workloads.Workload benchmark;
    private final java.util.List<Double> benchTimes = new java.util.ArrayList<>();

    /** A lab whose benchmark command reads time from {@code clock}. */
    public Lab(Timing.Clock clock) {
        this.clock = clock;
    }

    public String handle(String request) {
        JsonWriter out = new JsonWriter().beginObject();
        try {
            JsonObject r = JsonObject.parse(request, "request");
            JsonWriter body = new JsonWriter();
            body.beginObject();
            dispatch(r, body);
            String b = body.endObject().toString();
            // splice: {"ok":true, ...body}
            return b.length() == 2 ? "{\"ok\":true}" : "{\"ok\":true," + b.substring(1);
        } catch (FieldException e) {
            out.name("ok").value(false).name("error").value(e.getMessage()).name("field").value(e.field);
        } catch (DivergedException e) {
            out.name("ok").value(false).name("error").value(e.getMessage()).name("diverged").value(true);
        } catch (IllegalArgumentException | IllegalStateException e) {
            out.name("ok").value(false).name("error").value(e.getMessage());
        } catch (RuntimeException e) {
            out.name("ok").value(false).name("error").value("internal error: " + e);
        }
        return out.endObject().toString();
    }

    private void dispatch(JsonObject r, JsonWriter out) {
        String cmd = r.string("cmd");
        switch (cmd) {
            case "adder.new" -> {
                adder = new AdderSession(r.object("settings"));
                out.name("parameters").value(adder.model.params().size());
            }
            case "adder.train" -> adder().train(Fields.integer(r, "steps", 1, 1, 100_000), out);
            case "adder.accuracy" -> adder().accuracy(Fields.integer(r, "pairs", Integer.MAX_VALUE, 1, Integer.MAX_VALUE), out);
            case "adder.longer" -> adder().longer(Fields.integer(r, "bits", 16, 2, 30), out);
            case "adder.trace" -> {
                AdderSession s = adder();
                int limit = s.adder.operandLimit() - 1;
                adder().trace(Fields.integer(r, "a", 0, 0, limit), Fields.integer(r, "b", 0, 0, limit), out);
            }
            case "adder.tune" -> tune(adder().trainer, r.object("settings"), false, out);
            case "adder.save" -> out.name("model").value(ModelFile.write(adderSaved()));
            case "adder.load" -> loadAdder(r, out);
            case "word.new" -> {
                word = new WordSession(r.object("settings"), text(r));
                word.describe(out);
            }
            case "word.load" -> loadWord(r, out);
            case "word.train" -> word().train(Fields.integer(r, "steps", 1, 1, 100_000), out);
            case "word.validate" -> word().validate(Fields.integer(r, "windows", Integer.MAX_VALUE, 1, Integer.MAX_VALUE), out);
            case "word.predict" -> word().predict(r.has("prompt") ? r.string("prompt") : "", Fields.integer(r, "k", 5, 1, 50), out);
            case "word.generate" -> word().generate(r.has("prompt") ? r.string("prompt") : "",
                    Fields.integer(r, "length", 30, 1, 1000), Fields.number(r, "temperature", 1, 0.01, 100),
                    Fields.integer(r, "topK", 0, 0, 100_000), Fields.bool(r, "greedy", false),
                    Fields.integer(r, "seed", 1, Integer.MIN_VALUE, Integer.MAX_VALUE), out);
            case "word.tune" -> tune(word().task.trainer(), r.object("settings"), true, out);
            case "word.save" -> out.name("model").value(ModelFile.write(word().saved()));
            case "bench" -> out.name("line").value(bench(r.string("workload")));
            case "bench.setup" -> {
                benchmark = Workloads.create(r.string("workload"));
                benchTimes.clear();
            }
            case "bench.step" -> {
                if (benchmark == null) {
                    throw new IllegalStateException("no benchmark set up");
                }
                double t0 = clock.seconds();
                benchmark.step().run();
                double s = clock.seconds() - t0;
                benchTimes.add(s);
                out.name("seconds").value(s);
            }
            case "bench.report" -> {
                // the last TIMED steps are timed; all before them were warm-up
                int n = Workloads.TIMED;
                if (benchmark == null || benchTimes.size() < Workloads.WARMUP + n) {
                    throw new IllegalStateException("run at least " + (Workloads.WARMUP + n) + " benchmark steps first");
                }
                double[] timed = new double[n];
                for (int i = 0; i < n; i++) {
                    timed[i] = benchTimes.get(benchTimes.size() - n + i);
                }
                out.name("line").value(benchmark.report(new Timing(timed)));
            }
            default -> throw new IllegalArgumentException("unknown command '" + cmd + "'");
        }
    }

    private String bench(String workload) {
        if (workload.equals("SOL-MM")) {
            return Workloads.matmulCeiling(clock);
        }
        return Workloads.run(workload, clock);
    }

    /** Changes the learning rate (and, for word models, the clipping norm) of a model in training. */
    private static void tune(Trainer trainer, JsonObject s, boolean clip, JsonWriter out) {
        if (s.has("lr")) {
            trainer.setSchedule(Schedule.constant(Fields.number(s, "lr", 0, 1e-6, 10)));
        }
        if (clip && s.has("clip")) {
            trainer.setClipNorm(Fields.number(s, "clip", 0, 0, 1000));
        }
        out.name("lr").value(trainer.currentRate()).name("clip").value(trainer.clipNorm());
    }

    private static String text(JsonObject r) {
        if (!r.has("text") || r.get("text") == null) {
            return null;
        }
        return r.string("text");
    }

    private AdderSession adder() {
        if (adder == null) {
            throw new IllegalStateException("no adder model yet: start one first");
        }
        return adder;
    }

    private WordSession word() {
        if (word == null) {
            throw new IllegalStateException("no word model yet: start one first");
        }
        return word;
    }

    private SavedModel adderSaved() {
        AdderSession s = adder();
        SavedModel saved = new SavedModel(s.model);
        saved.trainer = s.trainer;
        saved.counters.put("bits", (double) s.adder.bits());
        saved.counters.put("steps", (double) s.steps);
        saved.counters.put("examples", (double) s.examples);
        saved.generators.put("data", s.data.state());
        return saved;
    }

    private static SavedModel readModel(JsonObject r) {
        try {
            return ModelFile.read(r.string("model"));
        } catch (JsonException e) {
            throw new FieldException("model", e.getMessage());
        }
    }

    private void loadAdder(JsonObject r, JsonWriter out) {
        SavedModel saved = readModel(r);
        Architecture a = saved.model.architecture();
        if (a.input() != InputKind.DENSE || a.inputSize() != 2 || a.outputs() != 1 || !a.loss().equals("sigmoid_bce")) {
            throw new FieldException("model", "this model file is not a binary adder (it reads " + a.input().id + " input of size "
                    + a.inputSize() + " and predicts " + a.outputs() + " outputs with " + a.loss() + ")");
        }
        AdderSession s = AdderSession.restore(saved);
        adder = s;
        out.name("bits").value(s.adder.bits()).name("cell").value(a.cell().id).name("hidden").value(a.hidden())
                .name("steps").value(s.steps);
    }

    private void loadWord(JsonObject r, JsonWriter out) {
        SavedModel saved = readModel(r);
        if (saved.vocabulary == null) {
            throw new FieldException("model", "this model file has no vocabulary: it is not a word or character model");
        }
        WordSession s = new WordSession(r.has("settings") ? r.object("settings") : new JsonObject(
                new java.util.LinkedHashMap<String, Object>(), "settings"), text(r), saved);
        word = s;
        s.describe(out);
    }

}
