package tearnn.file;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tearnn.json.JsonArrays;
import tearnn.json.JsonException;
import tearnn.json.JsonObject;
import tearnn.json.JsonWriter;
import tearnn.math.Rng;
import tearnn.model.Model;
import tearnn.optim.Optimizer;
import tearnn.optim.OptimizerKind;
import tearnn.optim.Schedule;
import tearnn.train.Trainer;

/**
 * The {@code "training"} block of a model file: what a resumed run needs to continue exactly.
 * <pre>
 * "training": {"optimizer": {"type": "adam", "hyperparameters": {...}, "steps": n,
 *                            "state": {"exp_avg": {tensor name: same shape as the tensor}, ...}},
 *              "schedule": {"kind": "constant", "lr": ...}            (or step: every, gamma;
 *                                                                      inverse_time: k; cosine: total, min),
 *              "clip_norm": 0, "clip_value": 0, "truncate": 0,
 *              "generators": {"dropout": [4 ints], ...}, "counters": {...}, "arrays": {...}}
 * </pre>
 */
final class TrainingBlock {
    private TrainingBlock() {
    }

    static void write(JsonWriter w, SavedModel saved, TensorBlock.Sink tensors, boolean optimizerState) {
        Trainer tr = saved.trainer;
        w.beginObject();
        writeOptimizer(w, tr.optimizer(), saved.model, tensors, optimizerState);
        w.name("schedule");
        writeSchedule(w, tr.schedule());
        w.name("clip_norm").value(tr.clipNorm());
        w.name("clip_value").value(tr.clipValue());
        w.name("truncate").value(tr.truncate());
        w.name("generators").beginObject();
        w.name("dropout");
        writeInts(w, (saved.dropout != null ? saved.dropout : saved.model.dropoutRng()).state());
        for (Map.Entry<String, int[]> e : saved.generators().entrySet()) {
            w.name(e.getKey());
            writeInts(w, e.getValue());
        }
        w.endObject();
        w.name("counters").beginObject();
        for (Map.Entry<String, Double> e : saved.counters().entrySet()) {
            w.name(e.getKey()).value(e.getValue());
        }
        w.endObject();
        w.name("arrays").beginObject();
        for (Map.Entry<String, double[]> e : saved.arrays().entrySet()) {
            w.name(e.getKey()).array(e.getValue(), 0, e.getValue().length);
        }
        w.endObject();
        w.endObject();
    }

    /** Without {@code state}, a fresh optimizer of the same kind: no state, 0 steps. */
    private static void writeOptimizer(JsonWriter w, Optimizer o, Model model, TensorBlock.Sink tensors, boolean state) {
        w.name("optimizer").beginObject().name("type").value(o.kind().id);
        w.name("hyperparameters").beginObject();
        for (Map.Entry<String, Double> e : o.hyperparameters().entrySet()) {
            w.name(e.getKey()).value(e.getValue());
        }
        w.endObject();
        w.name("steps").value(state ? o.steps() : 0);
        w.name("state").beginObject();
        if (state) {
            for (Map.Entry<String, double[]> e : o.state().entrySet()) {
                w.name(e.getKey());
                tensors.write(w, model.params(), e.getValue());
            }
        }
        w.endObject().endObject();
    }

    private static void writeSchedule(JsonWriter w, Schedule s) {
        w.beginObject();
        if (s instanceof Schedule.Constant) {
            w.name("kind").value("constant").name("lr").value(s.lr());
        } else if (s instanceof Schedule.StepDecay d) {
            w.name("kind").value("step").name("lr").value(d.lr()).name("every").value(d.every()).name("gamma").value(d.gamma());
        } else if (s instanceof Schedule.InverseTime d) {
            w.name("kind").value("inverse_time").name("lr").value(d.lr()).name("k").value(d.k());
        } else if (s instanceof Schedule.Cosine d) {
            w.name("kind").value("cosine").name("lr").value(d.lr()).name("total").value(d.total()).name("min").value(d.min());
        }
        w.endObject();
    }

    private static void writeInts(JsonWriter w, int[] v) {
        w.beginArray();
        for (int x : v) {
            w.value(x);
        }
        w.endArray();
    }

    static void read(JsonObject tr, SavedModel saved, List<double[]> packed) {
        Model model = saved.model;
        Optimizer opt = readOptimizer(tr.object("optimizer"), model, packed);
        Schedule schedule = ModelFile.checked("training", () -> readSchedule(tr.object("schedule")));
        Trainer trainer = new Trainer(model, opt, schedule);
        ModelFile.checked("training", () -> {
            trainer.setClipNorm(tr.number("clip_norm", 0));
            trainer.setClipValue(tr.number("clip_value", 0));
            trainer.setTruncate(tr.integer("truncate", 0));
            return trainer;
        });
        saved.trainer = trainer;
        if (tr.has("generators")) {
            readGenerators(tr.object("generators"), saved);
        }
        if (tr.has("counters")) {
            JsonObject c = tr.object("counters");
            for (String k : c.map().keySet()) {
                saved.putCounter(k, c.number(k));
            }
        }
        if (tr.has("arrays")) {
            JsonObject c = tr.object("arrays");
            for (String k : c.map().keySet()) {
                Object v = c.get(k);
                if (!(v instanceof List<?> l)) {
                    throw new JsonException("model file: training array \"" + k + "\" must be an array of numbers");
                }
                saved.arrays().put(k, JsonArrays.read(v, new int[] {l.size()}, "training array " + k));
            }
        }
    }

    private static Optimizer readOptimizer(JsonObject o, Model model, List<double[]> packed) {
        Map<String, Double> hyper = new LinkedHashMap<>();
        JsonObject h = o.object("hyperparameters");
        for (String k : h.map().keySet()) {
            hyper.put(k, h.number(k));
        }
        Optimizer opt = ModelFile.checked("training",
                () -> OptimizerKind.parse(o.string("type")).create(hyper, model.params().size()));
        Map<String, double[]> state = new LinkedHashMap<>();
        JsonObject st = o.object("state");
        for (String k : st.map().keySet()) {
            double[] values = new double[model.params().size()];
            TensorBlock.read(st.get(k), model.params(), values, "optimizer state " + k + " tensor", packed);
            state.put(k, values);
        }
        int steps = o.integer("steps");
        if (steps == 0 && state.isEmpty()) {
            // a fresh optimizer (its state was left out)
            return opt;
        }
        ModelFile.checked(null, () -> {
            opt.restore(steps, state);
            return opt;
        });
        return opt;
    }

    /** Reads a schedule; keys a kind does not use are ignored (files of earlier builds hold them all). */
    private static Schedule readSchedule(JsonObject s) {
        String kind = s.string("kind");
        return switch (kind) {
            case "constant" -> Schedule.constant(s.number("lr"));
            case "step" -> Schedule.step(s.number("lr"), s.integer("every"), s.number("gamma"));
            case "inverse_time" -> Schedule.inverseTime(s.number("lr"), s.number("k"));
            case "cosine" -> Schedule.cosine(s.number("lr"), s.integer("total"), s.number("min"));
            default -> throw new IllegalArgumentException("unknown schedule '" + kind
                    + "' (expected constant, step, inverse_time or cosine)");
        };
    }

    private static void readGenerators(JsonObject g, SavedModel saved) {
        for (String k : g.map().keySet()) {
            double[] v = g.array(k, 4);
            int[] s = new int[4];
            for (int i = 0; i < 4; i++) {
                if (v[i] != Math.rint(v[i]) || Math.abs(v[i]) > Integer.MAX_VALUE + 1.0) {
                    throw new JsonException("model file: generator \"" + k + "\" must hold 4 integers");
                }
                s[i] = (int) v[i];
            }
            Rng rng = ModelFile.checked("generator \"" + k + "\"", () -> Rng.fromState(s));
            if (k.equals("dropout")) {
                saved.model.setDropoutRng(rng);
            } else {
                saved.generators().put(k, s);
            }
        }
    }
}
