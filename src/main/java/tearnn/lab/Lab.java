package tearnn.lab;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tearnn.bench.Timing;
import tearnn.file.ModelFile;
import tearnn.file.PackedModel;
import tearnn.file.SafeTensors;
import tearnn.file.SavedModel;
import tearnn.json.JsonObject;
import tearnn.json.JsonWriter;
import tearnn.optim.TimeBudget;
import tearnn.settings.Setting;
import tearnn.settings.SettingException;
import tearnn.train.Trainer;

/**
 * What the page asks of the engine, as JSON text in and JSON text out, so the browser glue is a
 * message pipe and every behaviour here is tested on the JVM. The whole protocol, verb by verb, is
 * {@code docs/protocol.md}. A command is {@code panel.verb} ({@link Command}): every panel of
 * {@link Panels} answers the {@linkplain Verb#common common verbs} ({@code new}, {@code load},
 * {@code train}, {@code status}, {@code tune}, {@code save}) the same way, here, and its own verbs in
 * its session; {@code describe} describes every panel (its settings, its verbs and how the page sends
 * them, its script), from which the page builds its tabs and forms; {@code bench.*} runs the benchmarks.
 *
 * <p>Each command does bounded work: the caller sizes {@code steps} (training), {@code windows}
 * ({@code word.validate}) and {@code pairs} ({@code adder.accuracy}) so that one call takes a few
 * tens of milliseconds; a validation or check left unfinished continues on the next call, or starts
 * over if the model has trained since.
 *
 * <p>Replies are {@code {"ok": true, ...}} or {@code {"ok": false, "error": message}} with
 * {@code "field"} naming the setting at fault, and {@code "diverged": true} when training produced
 * a non-finite loss (the weights of the last good step are kept).
 */
public final class Lab {
    private static final Setting STEPS = Setting.integer("steps", "steps", 1, 1, 100_000);
    /** A worker's share of every step, when several workers train one model (see {@link #gather}). */
    private static final Setting SHARES = Setting.integer("shares", "shares", 1, 1, 256);
    private static final Setting SHARE = Setting.integer("share", "share", 0, 0, 255);
    /** The share of a time budget spent so far (0 to 1; more than 1: over). */
    private static final Setting BUDGET = Setting.number("budget", "budget", 0, 0, 1000);

    private final BenchSession bench;
    private final PanelTraining training;
    private final Map<String, TrainingSession> sessions = new LinkedHashMap<>();

    /** A lab whose benchmarks read time from {@code clock}. */
    public Lab(Timing.Clock clock) {
        this.bench = new BenchSession(clock);
        this.training = new PanelTraining(clock);
    }

    public String handle(String request) {
        return answer(out -> dispatch(JsonObject.parse(request, "request"), out));
    }

    /** Runs {@code work} on a reply that begins {@code ok: true}; a failure is replied instead as {@code ok: false} and its error. */
    private static String answer(Consumer<JsonWriter> work) {
        JsonWriter out = new JsonWriter().beginObject().name("ok").value(true);
        try {
            work.accept(out);
            return out.endObject().toString();
        } catch (Reply e) {
            return e.text;
        } catch (SettingException e) {
            return failure(e.getMessage()).name("field").value(e.field).endObject().toString();
        } catch (IllegalArgumentException | IllegalStateException e) {
            return failure(e.getMessage()).endObject().toString();
        } catch (RuntimeException e) {
            return failure("internal error: " + e).endObject().toString();
        }
    }

    /**
     * The panel's model packed (its text, and its weights and optimizer state as arrays) for the
     * browser to keep; without {@code optimizerState}, the optimizer's running state is left out.
     * Null if the panel has no model.
     */
    public PackedModel pack(String panel, boolean optimizerState) {
        TrainingSession s = sessions.get(panel);
        return s == null ? null : ModelFile.pack(s.run().saved(), optimizerState);
    }

    /**
     * The steps the panel's model has finished (-1: no model). Packing it finishes a step whose update
     * was under way (see {@link tearnn.task.TrainingRun#saved}): after {@link #pack}, this is the
     * packed model's.
     */
    public int steps(String panel) {
        TrainingSession s = sessions.get(panel);
        return s == null ? -1 : s.run().steps();
    }

    /**
     * Loads a kept model: {@code request} is {@code {"cmd": "panel.load", ...}} as for a model file
     * (with the corpus and settings a word panel needs), the model itself {@code packed}.
     */
    public String loadPacked(String request, PackedModel packed) {
        return load(request, "a kept model", () -> ModelFile.unpack(packed));
    }

    /**
     * The panel's model as a {@code .safetensors} file (see {@link SafeTensors}), with its optimizer's
     * state so that training goes on from it exactly; null if the panel has no model.
     */
    public byte[] safeTensors(String panel) {
        TrainingSession s = sessions.get(panel);
        return s == null ? null : SafeTensors.write(s.run().saved(), true);
    }

    /**
     * The panel's model file (JSON, as {@code save} replies it) handed to {@code pieces} about
     * {@code pieceChars} characters at a time; false if the panel has no model.
     */
    public boolean modelFile(String panel, int pieceChars, ModelFile.Pieces pieces) {
        TrainingSession s = sessions.get(panel);
        if (s == null) {
            return false;
        }
        ModelFile.write(s.run().saved(), pieceChars, pieces);
        return true;
    }

    /** Loads a model from a {@code .safetensors} file's bytes; {@code request} as for {@link #loadPacked}. */
    public String loadSafeTensors(String request, byte[] bytes) {
        return load(request, "a .safetensors file", () -> SafeTensors.read(bytes));
    }

    private String load(String request, String what, Supplier<SavedModel> read) {
        return answer(out -> {
            JsonObject r = JsonObject.parse(request, "request");
            Command c = Command.parse(r.string("cmd"));
            Panel p = c.verb().equals("load") ? Panels.get(c.panel()) : null;
            if (p == null) {
                throw new IllegalArgumentException("unknown command '" + c + "' for " + what);
            }
            SavedModel saved;
            try {
                saved = read.get();
            } catch (IllegalArgumentException e) {
                throw new SettingException("model", e.getMessage());
            }
            start(p.name(), p.starter().start(r, saved), out);
        });
    }

    static JsonWriter failure(String message) {
        return new JsonWriter().beginObject().name("ok").value(false).name("error").value(message);
    }

    private void dispatch(JsonObject r, JsonWriter out) {
        Command c = Command.parse(r.string("cmd"));
        String panel = c.panel();
        String verb = c.verb();
        if (c.toString().equals("describe")) {
            describe(out);
            return;
        }
        if (panel.equals("bench") && BenchSession.VERBS.contains(verb)) {
            bench.handle(verb, r, out);
            return;
        }
        Panel p = Panels.get(panel);
        if (p == null) {
            throw new IllegalArgumentException("unknown command '" + c + "'");
        }
        if (!p.verbs().containsKey(verb)) {
            throw new IllegalArgumentException("unknown command '" + c + "'");
        }
        switch (verb) {
            case "new" -> start(panel, p.starter().start(r, null), out);
            case "load" -> start(panel, p.starter().start(r, readModel(r)), out);
            case "train" -> {
                JsonSettings v = new JsonSettings(r);
                // a time budget's share spent (the page's clock): the learning rate's warm-up and decay
                session(panel).run().trainer().setRateScale(r.has("budget") ? TimeBudget.scale(BUDGET.number(v)) : 1);
                if (r.has("ms")) {
                    PanelTraining.share(session(panel).run().trainer(), SHARE.integer(v), SHARES.integer(v));
                    training.trainFor(panel, session(panel), MS.number(v) / 1000,
                            r.has("steps") ? STEPS.integer(v) : Integer.MAX_VALUE, out);
                } else {
                    training.train(panel, session(panel), STEPS.integer(v), out);
                }
            }
            case "save" -> out.name("model").value(ModelFile.write(session(panel).run().saved()));
            case "status" -> {
                session(panel).progress(out);
                out.name("stepPart").value(session(panel).run().trainer().stepFraction());
            }
            case "tune" -> PanelTraining.tune(session(panel).run().trainer(), p.tunable(), JsonSettings.of(r, "settings"), out);
            default -> session(panel).handle(verb, r, r.has("ms") ? new Budget(training.pace(panel), MS.number(new JsonSettings(r)) / 1000)
                    : null, out);
        }
    }

    /**
     * Several workers training one model, each holding all of it (see {@code train.SharedStep}): the
     * panel's contribution to the step under way, once its share is done (a train reply says
     * {@code waiting}); null if it does not wait.
     */
    public double[] contribution(String panel) {
        if (panel.equals("bench")) {
            return bench.contribution();
        }
        TrainingSession s = sessions.get(panel);
        return s == null || !s.run().trainer().waiting() ? null : s.run().trainer().contribution();
    }

    /**
     * Gives the panel every worker's contribution to the step under way, in share order (its own may
     * be null or empty); it adds them in that order and the step goes on with the next training call
     * ({@code bench.gather}: see {@link BenchSession#gather}). {@code request} is
     * {@code {"cmd": "panel.gather", "settings": {...}}} with the settings a model in training takes
     * (the learning rate, clipping) as the first worker has them, so that every worker's update is
     * the same.
     */
    public String gather(String request, double[][] contributions) {
        return answer(out -> {
            JsonObject r = JsonObject.parse(request, "request");
            Command c = Command.parse(r.string("cmd"));
            boolean gather = c.verb().equals("gather");
            if (gather && c.panel().equals("bench")) {
                bench.gather(contributions, r.bool("next", false), out);
                return;
            }
            Panel p = gather ? Panels.get(c.panel()) : null;
            if (p == null) {
                throw new IllegalArgumentException("unknown command '" + c + "' for the sum of the shares");
            }
            Trainer t = session(p.name()).run().trainer();
            t.gatherShares(contributions);
            PanelTraining.tune(t, p.tunable(), JsonSettings.of(r, "settings"), out);
        });
    }

    private static final Setting MS = Setting.number("ms", "ms", 30, 1, 60_000);
    /** A reply written before the dispatch finished (a failure that carries more than a message). */
    static final class Reply extends RuntimeException {
        final String text;

        Reply(String text) {
            super(null, null, false, false);
            this.text = text;
        }
    }

    private void start(String panel, TrainingSession s, JsonWriter out) {
        sessions.put(panel, s);
        training.started(panel, s);
        out.name("stepFlops").value(s.run().stepFlops());
        s.describe(out);
    }

    BenchSession bench() {
        return bench;
    }

    private TrainingSession session(String panel) {
        TrainingSession s = sessions.get(panel);
        if (s == null) {
            throw new IllegalStateException("no " + panel + " model yet: start one first");
        }
        return s;
    }

    private static SavedModel readModel(JsonObject r) {
        try {
            return ModelFile.read(r.string("model"));
        } catch (IllegalArgumentException e) {
            throw new SettingException("model", e.getMessage());
        }
    }

    /**
     * {"panels": [each panel's description (see {@link Panel#describe}), in the order of the page's
     * tabs]}: what the page builds its tabs, forms and sharing from.
     */
    private static void describe(JsonWriter out) {
        out.name("panels").beginArray();
        for (Panel p : Panels.ALL) {
            p.describe(out);
        }
        out.endArray();
    }
}
