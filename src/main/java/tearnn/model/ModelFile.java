package tearnn.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tearnn.json.JsonArrays;
import tearnn.json.JsonException;
import tearnn.json.JsonObject;
import tearnn.json.JsonWriter;
import tearnn.math.Rng;
import tearnn.nn.CellType;
import tearnn.nn.Params;
import tearnn.nn.Tensor;
import tearnn.optim.Optimizer;
import tearnn.optim.Schedule;
import tearnn.text.Tokenizer;
import tearnn.text.Vocabulary;
import tearnn.train.Trainer;

/**
 * The model file, JSON, format {@code tearnn-model/1}:
 * <pre>
 * {
 *   "format": "tearnn-model/1",
 *   "architecture": {"input": "embedding"|"one_hot"|"dense", "input_size": V, "embedding_size": E,
 *                    "cell": "rnn_tanh"|"rnn_relu"|"lstm"|"gru", "hidden_size": H, "num_layers": L,
 *                    "bias": true, "peephole": false, "output_size": O,
 *                    "loss": "softmax_ce"|"sigmoid_bce"|"mse", "last_step_only": false, "dropout": 0.0},
 *   "tensors": {"embedding.weight": [V][E], "rnn.weight_ih_l0": [G*H][in], "rnn.weight_hh_l0": [G*H][H],
 *               "rnn.bias_ih_l0": [G*H], "rnn.bias_hh_l0": [G*H], ..., "fc.weight": [O][H], "fc.bias": [O]},
 *   "vocabulary": {"level": "word"|"char", "lowercase": true, "tokens": ["&lt;unk&gt;", ...]},      (optional)
 *   "training": {"optimizer": {"type": "adam", "hyperparameters": {...}, "steps": n,
 *                              "state": {"exp_avg": {tensor name: same shape as the tensor}, ...}},
 *                "schedule": {"kind": ..., "lr": ..., "gamma": ..., "every": ..., "k": ..., "total": ..., "min": ...},
 *                "clip_norm": 0, "clip_value": 0, "truncate": 0,
 *                "generators": {"dropout": [4 ints], ...}, "counters": {...}, "arrays": {...}}        (optional)
 * }
 * </pre>
 * Tensor names and shapes are PyTorch's ({@code state_dict()} of a module with submodules
 * {@code embedding}, {@code rnn}, {@code fc}). Reading rejects, naming the problem: another format
 * version, missing or extra tensors, wrong shapes, non-finite numbers, a vocabulary whose size is not
 * the input size.
 */
public final class ModelFile {
    public static final String FORMAT = "tearnn-model/1";

    private ModelFile() {
    }

    public static String write(SavedModel saved) {
        Model model = saved.model;
        Architecture a = model.architecture();
        JsonWriter w = new JsonWriter();
        w.beginObject();
        w.name("format").value(FORMAT);
        w.name("architecture").beginObject()
                .name("input").value(a.input().id)
                .name("input_size").value(a.inputSize())
                .name("embedding_size").value(a.embedding())
                .name("cell").value(a.cell().id)
                .name("hidden_size").value(a.hidden())
                .name("num_layers").value(a.layers())
                .name("bias").value(a.bias())
                .name("peephole").value(a.peephole())
                .name("output_size").value(a.outputs())
                .name("loss").value(a.loss())
                .name("last_step_only").value(a.lastStepOnly())
                .name("dropout").value(a.dropout())
                .endObject();
        w.name("tensors");
        writeTensors(w, model.params(), model.params().value);
        if (saved.vocabulary != null) {
            Tokenizer tok = saved.tokenizer == null ? new Tokenizer(false, true) : saved.tokenizer;
            w.name("vocabulary").beginObject()
                    .name("level").value(tok.characterLevel() ? "char" : "word")
                    .name("lowercase").value(tok.lowercase())
                    .name("tokens").beginArray();
            for (String t : saved.vocabulary.tokens()) {
                w.value(t);
            }
            w.endArray().endObject();
        }
        if (saved.trainer != null) {
            Trainer tr = saved.trainer;
            Optimizer o = tr.optimizer();
            w.name("training").beginObject();
            w.name("optimizer").beginObject().name("type").value(o.id());
            w.name("hyperparameters").beginObject();
            for (Map.Entry<String, Double> e : o.hyperparameters().entrySet()) {
                w.name(e.getKey()).value(e.getValue());
            }
            w.endObject();
            w.name("steps").value(o.steps());
            w.name("state").beginObject();
            for (Map.Entry<String, double[]> e : o.state().entrySet()) {
                w.name(e.getKey());
                writeTensors(w, model.params(), e.getValue());
            }
            w.endObject().endObject();
            Schedule s = tr.schedule();
            w.name("schedule").beginObject().name("kind").value(s.kind()).name("lr").value(s.lr())
                    .name("gamma").value(s.gamma()).name("every").value(s.every()).name("k").value(s.k())
                    .name("total").value(s.total()).name("min").value(s.min()).endObject();
            w.name("clip_norm").value(tr.clipNorm());
            w.name("clip_value").value(tr.clipValue());
            w.name("truncate").value(tr.truncate());
            w.name("generators").beginObject();
            w.name("dropout");
            writeInts(w, model.dropoutRng().state());
            for (Map.Entry<String, int[]> e : saved.generators.entrySet()) {
                w.name(e.getKey());
                writeInts(w, e.getValue());
            }
            w.endObject();
            w.name("counters").beginObject();
            for (Map.Entry<String, Double> e : saved.counters.entrySet()) {
                w.name(e.getKey()).value(e.getValue());
            }
            w.endObject();
            w.name("arrays").beginObject();
            for (Map.Entry<String, double[]> e : saved.arrays.entrySet()) {
                w.name(e.getKey()).array(e.getValue(), 0, e.getValue().length);
            }
            w.endObject();
            w.endObject();
        }
        w.endObject();
        return w.toString();
    }

    private static void writeInts(JsonWriter w, int[] v) {
        w.beginArray();
        for (int x : v) {
            w.value(x);
        }
        w.endArray();
    }

    private static void writeTensors(JsonWriter w, Params p, double[] values) {
        w.beginObject();
        for (Tensor t : p.tensors()) {
            w.name(t.name());
            if (t.vector()) {
                w.array(values, t.offset(), t.cols());
            } else {
                w.beginArray();
                for (int r = 0; r < t.rows(); r++) {
                    w.array(values, t.offset() + r * t.cols(), t.cols());
                }
                w.endArray();
            }
        }
        w.endObject();
    }

    /** Reads a model file; any problem raises an IllegalArgumentException that names it. */
    public static SavedModel read(String text) {
        JsonObject root = JsonObject.parse(text, "model file");
        if (!root.has("format")) {
            throw new JsonException("model file: no \"format\" key; this is not a tearnn model file");
        }
        String format = root.string("format");
        if (!format.equals(FORMAT)) {
            throw new JsonException("model file: unknown format version '" + format + "' (this build reads " + FORMAT + ")");
        }
        Architecture arch = readArchitecture(root.object("architecture"));
        Model model = new Model(arch);
        Params params = model.params();
        readTensors(root.object("tensors"), params, params.value, "tensor");
        SavedModel saved = new SavedModel(model);
        if (root.has("vocabulary")) {
            JsonObject v = root.object("vocabulary");
            String level = v.string("level");
            if (!level.equals("word") && !level.equals("char")) {
                throw new JsonException("model file: vocabulary level must be \"word\" or \"char\", got \"" + level + "\"");
            }
            List<String> tokens = new ArrayList<>();
            for (Object o : v.list("tokens")) {
                if (!(o instanceof String s)) {
                    throw new JsonException("model file: vocabulary tokens must be strings");
                }
                tokens.add(s);
            }
            saved.vocabulary = new Vocabulary(tokens);
            saved.tokenizer = new Tokenizer(level.equals("char"), v.bool("lowercase"));
            if (saved.vocabulary.size() != arch.inputSize()) {
                throw new JsonException("model file: vocabulary size mismatch: the vocabulary has "
                        + saved.vocabulary.size() + " tokens but the model's input size is " + arch.inputSize());
            }
            if (arch.outputs() != arch.inputSize() && arch.loss().equals("softmax_ce") && !arch.lastStepOnly()) {
                throw new JsonException("model file: vocabulary size mismatch: the vocabulary has "
                        + saved.vocabulary.size() + " tokens but the model predicts " + arch.outputs() + " classes");
            }
        }
        if (root.has("training")) {
            readTraining(root.object("training"), saved);
        }
        return saved;
    }

    private static Architecture readArchitecture(JsonObject a) {
        try {
            return new Architecture(InputKind.parse(a.string("input")), a.integer("input_size"),
                    a.integer("embedding_size", 0), CellType.parse(a.string("cell")), a.integer("hidden_size"),
                    a.integer("num_layers"), a.bool("bias", true), a.bool("peephole", false), a.integer("output_size"),
                    a.string("loss"), a.bool("last_step_only", false), a.number("dropout", 0));
        } catch (JsonException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new JsonException("model file: architecture: " + e.getMessage());
        }
    }

    private static void readTensors(JsonObject given, Params params, double[] into, String what) {
        for (Tensor t : params.tensors()) {
            if (!given.has(t.name())) {
                throw new JsonException("model file: missing " + what + " \"" + t.name() + "\" (shape " + t.shapeText() + ")");
            }
        }
        for (String name : given.map().keySet()) {
            if (params.find(name) == null) {
                throw new JsonException("model file: unexpected " + what + " \"" + name
                        + "\": the architecture has no such tensor");
            }
        }
        for (Tensor t : params.tensors()) {
            Object v = given.get(t.name());
            double[] values;
            try {
                values = JsonArrays.read(v, t.shape(), t.name());
            } catch (JsonException e) {
                throw new JsonException("model file: " + what + " \"" + t.name() + "\" has shape " + JsonArrays.shapeOf(v)
                        + ", expected " + t.shapeText() + " (" + e.getMessage() + ")");
            }
            System.arraycopy(values, 0, into, t.offset(), t.size());
        }
    }

    private static void readTraining(JsonObject tr, SavedModel saved) {
        Model model = saved.model;
        JsonObject o = tr.object("optimizer");
        Map<String, Double> hyper = new LinkedHashMap<>();
        JsonObject h = o.object("hyperparameters");
        for (String k : h.map().keySet()) {
            hyper.put(k, h.number(k));
        }
        Optimizer opt;
        Schedule schedule;
        try {
            opt = Optimizer.create(o.string("type"), hyper, model.params().size());
            JsonObject s = tr.object("schedule");
            schedule = new Schedule(s.string("kind"), s.number("lr"), s.number("gamma"), s.integer("every"),
                    s.number("k"), s.integer("total"), s.number("min"));
        } catch (JsonException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new JsonException("model file: training: " + e.getMessage());
        }
        Map<String, double[]> state = new LinkedHashMap<>();
        JsonObject st = o.object("state");
        for (String k : st.map().keySet()) {
            double[] values = new double[model.params().size()];
            readTensors(st.object(k), model.params(), values, "optimizer state " + k + " tensor");
            state.put(k, values);
        }
        try {
            opt.restore(o.integer("steps"), state);
        } catch (IllegalArgumentException e) {
            throw new JsonException("model file: " + e.getMessage());
        }
        Trainer trainer = new Trainer(model, opt, schedule);
        try {
            trainer.setClipNorm(tr.number("clip_norm", 0));
            trainer.setClipValue(tr.number("clip_value", 0));
            trainer.setTruncate(tr.integer("truncate", 0));
        } catch (JsonException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new JsonException("model file: training: " + e.getMessage());
        }
        saved.trainer = trainer;
        if (tr.has("generators")) {
            JsonObject g = tr.object("generators");
            for (String k : g.map().keySet()) {
                double[] v = g.array(k, 4);
                int[] s = new int[4];
                for (int i = 0; i < 4; i++) {
                    if (v[i] != Math.rint(v[i]) || Math.abs(v[i]) > Integer.MAX_VALUE + 1.0) {
                        throw new JsonException("model file: generator \"" + k + "\" must hold 4 integers");
                    }
                    s[i] = (int) v[i];
                }
                Rng rng;
                try {
                    rng = Rng.fromState(s);
                } catch (IllegalArgumentException e) {
                    throw new JsonException("model file: generator \"" + k + "\": " + e.getMessage());
                }
                if (k.equals("dropout")) {
                    model.setDropoutRng(rng);
                } else {
                    saved.generators.put(k, s);
                }
            }
        }
        if (tr.has("counters")) {
            JsonObject c = tr.object("counters");
            for (String k : c.map().keySet()) {
                saved.counters.put(k, c.number(k));
            }
        }
        if (tr.has("arrays")) {
            JsonObject c = tr.object("arrays");
            for (String k : c.map().keySet()) {
                Object v = c.get(k);
                int n = v instanceof List<?> l ? l.size() : -1;
                if (n < 0) {
                    throw new JsonException("model file: training array \"" + k + "\" must be an array of numbers");
                }
                saved.arrays.put(k, JsonArrays.read(v, new int[] {n}, "training array " + k));
            }
        }
    }
}
