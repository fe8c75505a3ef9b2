package tearnn.lab;

import java.util.List;
import tearnn.file.SavedModel;
import tearnn.json.JsonObject;
import tearnn.json.JsonWriter;
import tearnn.settings.Setting;
import tearnn.task.MemoryProblem;
import tearnn.task.MemorySettings;
import tearnn.task.MemoryTask;
import tearnn.task.TrainingRun;

/**
 * The page's memory panel: a {@link MemoryTask} (adding problem, copy memory, temporal order), its
 * held-out measure against the memoryless baseline, and one held-out sequence with what the model
 * makes of it.
 */
final class MemorySession implements TrainingSession {
    private static final Setting SEQUENCE = Setting.integer("sequence", "sequence", 0, 0, MemoryTask.HELD_OUT - 1);

    /** The memory panel: its settings, the learning rate and clipping tunable in training, and its own verbs (reads). */
    static final Panel PANEL = new Panel("memory", "memory-panel.js", MemorySettings.ALL,
            List.of(MemorySettings.LEARNING_RATE, MemorySettings.CLIP), List.of("settings"),
            Panel.verbs("heldout", Verb.READ, "example", Verb.READ), MemorySession::start, out -> { });

    private final MemoryTask task;

    private MemorySession(MemoryTask task) {
        this.task = task;
    }

    /** A new run from the request's settings, or the {@code loaded} one (null: none) continued. */
    static MemorySession start(JsonObject request, SavedModel loaded) {
        return new MemorySession(loaded == null ? new MemoryTask(MemorySettings.read(JsonSettings.of(request, "settings")))
                : MemoryTask.resume(loaded));
    }

    @Override
    public void progress(JsonWriter out) {
        MemoryTask.Progress p = task.progress();
        out.name("steps").value(p.steps()).name("sequences").value((double) p.sequences());
    }

    @Override
    public TrainingRun<?> run() {
        return task;
    }

    @Override
    public void describe(JsonWriter out) {
        MemorySettings s = task.settings();
        MemoryProblem p = task.problem();
        out.name("parameters").value(task.model().params().size())
                .name("task").value(p.id()).name("length").value(p.length()).name("sequenceSteps").value(p.steps())
                .name("cell").value(s.cell().id).name("hidden").value(s.hidden())
                .name("baseline").value(p.baseline()).name("measure").value(p.measureName())
                .name("steps").value(task.steps());
        JsonSettings.values(s.asText(), out);
    }

    @Override
    public void handle(String command, JsonObject r, Budget budget, JsonWriter out) {
        switch (command) {
            case "heldout" -> {
                double measure = task.heldOutMeasure();
                out.name("measure").value(measure).name("loss").value(task.heldOutLoss())
                        .name("solved").value(task.problem().solved(measure)).name("steps").value(task.steps())
                        .name("sequences").value((double) task.progress().sequences());
            }
            case "example" -> example(task.example(SEQUENCE.integer(new JsonSettings(r))), out);
            default -> throw new IllegalArgumentException("unknown command 'memory." + command + "'");
        }
    }

    private static void example(MemoryProblem.Example e, JsonWriter out) {
        out.name("task").value(e.task());
        if (e.inputs() != null) {
            out.name("inputs").beginArray();
            for (double[] step : e.inputs()) {
                out.array(step, 0, step.length);
            }
            out.endArray();
            out.name("target").array(e.target(), 0, e.target().length).name("output").array(e.output(), 0, e.output().length);
        } else {
            strings(out.name("symbols"), e.symbols());
            strings(out.name("targetSymbols"), e.targetSymbols());
            strings(out.name("outputSymbols"), e.outputSymbols());
        }
    }

    private static void strings(JsonWriter out, String[] values) {
        out.beginArray();
        for (String v : values) {
            out.value(v);
        }
        out.endArray();
    }
}
