package tearnn.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tearnn.bench.Timing;
import tearnn.file.ModelFile;
import tearnn.file.PackedModel;
import tearnn.file.SavedModel;
import tearnn.json.JsonObject;
import tearnn.json.JsonWriter;
import tearnn.math.Readable;
import tearnn.optim.Schedule;
import tearnn.sample.GenerationSettings;
import tearnn.settings.Setting;
import tearnn.settings.SettingException;
import tearnn.settings.SettingValues;
import tearnn.task.AdderSettings;
import tearnn.task.LanguageModelSettings;
import tearnn.task.TrainingRun;
import tearnn.train.DivergedException;
import tearnn.train.Trainer;

/**
 * What the page asks of the engine, as JSON text in and JSON text out, so the browser glue is a
 * message pipe and every behaviour here is tested on the JVM. A command is {@code panel.verb}:
 * every panel ({@code adder}, {@code word}) answers {@code new}, {@code load}, {@code train},
 * {@code save} and {@code tune} the same way, here, and its own verbs in its session; {@code settings}
 * describes every panel's settings, from which the page builds its forms; {@code bench.*} runs the
 * benchmarks.
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

    /** A panel: its settings, those that change a model in training (the rest need a new model), how it starts. */
    private record Panel(List<Setting> settings, List<Setting> tunable, TrainingSession.Starter starter) {
    }

    private static final Map<String, Panel> PANELS = new LinkedHashMap<>();

    static {
        PANELS.put("adder", new Panel(AdderSettings.ALL, List.of(AdderSettings.LEARNING_RATE), AdderSession::start));
        PANELS.put("word", new Panel(LanguageModelSettings.ALL,
                List.of(LanguageModelSettings.LEARNING_RATE, LanguageModelSettings.CLIP), WordSession::new));
    }

    private final BenchSession bench;
    private final Timing.Clock clock;
    private final Map<String, TrainingSession> sessions = new LinkedHashMap<>();

    /** A lab whose benchmarks read time from {@code clock}. */
    public Lab(Timing.Clock clock) {
        this.bench = new BenchSession(clock);
        this.clock = clock;
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
     * Loads a kept model: {@code request} is {@code {"cmd": "panel.load", ...}} as for a model file
     * (with the corpus and settings a word panel needs), the model itself {@code packed}.
     */
    public String loadPacked(String request, PackedModel packed) {
        return answer(out -> {
            JsonObject r = JsonObject.parse(request, "request");
            String cmd = r.string("cmd");
            String panel = cmd.endsWith(".load") ? cmd.substring(0, cmd.length() - 5) : "";
            Panel p = PANELS.get(panel);
            if (p == null) {
                throw new IllegalArgumentException("unknown command '" + cmd + "' for a kept model");
            }
            SavedModel saved;
            try {
                saved = ModelFile.unpack(packed);
            } catch (IllegalArgumentException e) {
                throw new SettingException("model", e.getMessage());
            }
            start(panel, p.starter().start(r, saved), out);
        });
    }

    private static JsonWriter failure(String message) {
        return new JsonWriter().beginObject().name("ok").value(false).name("error").value(message);
    }

    private void dispatch(JsonObject r, JsonWriter out) {
        String cmd = r.string("cmd");
        int dot = cmd.indexOf('.');
        String panel = dot < 0 ? cmd : cmd.substring(0, dot);
        String verb = dot < 0 ? "" : cmd.substring(dot + 1);
        if (cmd.equals("settings")) {
            describeSettings(out);
            return;
        }
        if (panel.equals("bench")) {
            bench.handle(verb, r, out);
            return;
        }
        Panel p = PANELS.get(panel);
        if (p == null) {
            throw new IllegalArgumentException("unknown command '" + cmd + "'");
        }
        switch (verb) {
            case "new" -> start(panel, p.starter().start(r, null), out);
            case "load" -> start(panel, p.starter().start(r, readModel(r)), out);
            case "train" -> {
                JsonSettings v = new JsonSettings(r);
                if (r.has("ms")) {
                    trainFor(panel, session(panel), MS.number(v) / 1000, r.has("steps") ? STEPS.integer(v) : Integer.MAX_VALUE, out);
                } else {
                    train(session(panel), STEPS.integer(v), out);
                    reported.put(panel, session(panel).run().steps());
                }
            }
            case "save" -> out.name("model").value(ModelFile.write(session(panel).run().saved()));
            case "tune" -> tune(session(panel).run().trainer(), p.tunable(), JsonSettings.of(r, "settings"), out);
            default -> session(panel).handle(verb, r, r.has("ms") ? new Budget(pace(panel), MS.number(new JsonSettings(r)) / 1000)
                    : null, out);
        }
    }

    /**
     * Trains; a blow-up is replied as {@code diverged}, with the step the model went back to and its
     * progress there; a model whose loss stays above where it started gets a {@code warning}.
     */
    private static void train(TrainingSession s, int steps, JsonWriter out) {
        try {
            s.train(steps, out);
        } catch (DivergedException e) {
            JsonWriter w = failure(e.getMessage()).name("diverged").value(true);
            s.progress(w);
            throw new Reply(w.endObject().toString());
        }
        warn(s.run().trainer(), out);
    }

    /**
     * Trains for about {@code seconds}, finishing at most {@code maxSteps} steps, in parts of steps
     * so that even a big model's call ends in time (see {@link tearnn.model.TrainingPass}): the work
     * is sized by the speed measured on this panel's earlier calls. Replies the progress, the steps
     * finished ({@code done}) with their mean {@code loss}, and {@code stepPart}, how far the step
     * under way has come. A blow-up is replied as in {@link #train}.
     */
    private void trainFor(String panel, TrainingSession s, double seconds, int maxSteps, JsonWriter out) {
        // a step finished outside training calls (a save finishes an update under way) counts here
        int missed = s.run().steps() - reported.getOrDefault(panel, s.run().steps());
        int[] done = {missed};
        double[] loss = {missed * s.run().trainer().lastLoss()};
        try {
            pace(panel).fill(seconds, flops -> {
                TrainingRun.Work w = s.run().work(flops, maxSteps - done[0]);
                if (w.steps() > 0) {
                    done[0] += w.steps();
                    loss[0] += w.loss() * w.steps();
                }
                return w.flops();
            }, () -> done[0] < maxSteps);
        } catch (DivergedException e) {
            JsonWriter w = failure(e.getMessage()).name("diverged").value(true);
            s.progress(w);
            throw new Reply(w.endObject().toString());
        }
        reported.put(panel, s.run().steps());
        s.progress(out);
        out.name("done").value(done[0]).name("stepPart").value(s.run().trainer().stepFraction());
        if (done[0] > 0) {
            out.name("loss").value(loss[0] / done[0]);
            s.trained(out);
        }
        warn(s.run().trainer(), out);
    }

    /** The panel's pace (see {@link Pace}), measured on its earlier calls. */
    Pace pace(String panel) {
        return paces.computeIfAbsent(panel, k -> new Pace(clock));
    }

    private static final Setting MS = Setting.number("ms", "ms", 30, 1, 60_000);
    private final Map<String, Pace> paces = new LinkedHashMap<>();
    /** Per panel, the steps the last training reply reported. */
    private final Map<String, Integer> reported = new LinkedHashMap<>();

    /** A word when the loss stays above where it started. */
    private static void warn(Trainer t, JsonWriter out) {
        if (t.optimizer().steps() >= STALL_STEPS && t.recentLoss() > t.firstLoss()) {
            out.name("warning").value("Not learning: after " + Readable.count(t.optimizer().steps()) + " steps the loss ("
                    + Readable.number(t.recentLoss()) + ") is still above where it started (" + Readable.number(t.firstLoss())
                    + "). The learning rate (" + Setting.format(t.currentRate()) + ") may be too high: try "
                    + Setting.format(t.currentRate() / 10) + ".");
        }
    }

    /** Steps after which a loss still above the first one means the model is not learning. */
    private static final int STALL_STEPS = 300;

    /** A reply written before the dispatch finished (a failure that carries more than a message). */
    private static final class Reply extends RuntimeException {
        final String text;

        Reply(String text) {
            super(null, null, false, false);
            this.text = text;
        }
    }

    private void start(String panel, TrainingSession s, JsonWriter out) {
        sessions.put(panel, s);
        reported.put(panel, s.run().steps());
        s.describe(out);
    }

    private TrainingSession session(String panel) {
        TrainingSession s = sessions.get(panel);
        if (s == null) {
            throw new IllegalStateException("no " + panel + " model yet: start one first");
        }
        return s;
    }

    /**
     * Changes the learning rate or the clipping norm (those of {@code tunable} given) of a model in
     * training, without starting a new one; replies with both as they now are.
     */
    private static void tune(Trainer trainer, List<Setting> tunable, SettingValues given, JsonWriter out) {
        for (Setting t : tunable) {
            if (!given.has(t.name())) {
                continue;
            }
            if (t.name().equals(LanguageModelSettings.CLIP.name())) {
                trainer.setClipNorm(t.number(given));
            } else {
                trainer.setSchedule(Schedule.constant(t.number(given)));
            }
        }
        out.name("lr").value(trainer.currentRate()).name("clip").value(trainer.clipNorm());
    }

    private static SavedModel readModel(JsonObject r) {
        try {
            return ModelFile.read(r.string("model"));
        } catch (IllegalArgumentException e) {
            throw new SettingException("model", e.getMessage());
        }
    }

    /**
     * {"panels": {name: {"settings": [...], "tunable": [names]}}, "generate": [...], "limits":
     * {"textCharacters": n}}: what the page's forms show and the limits it checks before sending.
     */
    private static void describeSettings(JsonWriter out) {
        out.name("panels").beginObject();
        for (Map.Entry<String, Panel> e : PANELS.entrySet()) {
            out.name(e.getKey()).beginObject().name("settings");
            JsonSettings.describe(e.getValue().settings(), out);
            out.name("tunable").beginArray();
            for (Setting t : e.getValue().tunable()) {
                out.value(t.name());
            }
            out.endArray().endObject();
        }
        out.endObject();
        out.name("generate");
        JsonSettings.describe(GenerationSettings.ALL, out);
        out.name("limits").beginObject().name("textCharacters").value(WordSession.MAX_TEXT).endObject();
    }
}
