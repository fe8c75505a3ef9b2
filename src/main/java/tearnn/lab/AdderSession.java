package tearnn.lab;

import java.util.List;
import tearnn.file.SavedModel;
import tearnn.json.JsonObject;
import tearnn.json.JsonWriter;
import tearnn.settings.Setting;
import tearnn.settings.SettingException;
import tearnn.task.Adder;
import tearnn.task.AdderCheck;
import tearnn.task.AdderSettings;
import tearnn.task.AdderTask;
import tearnn.task.TrainingRun;

/** The page's binary-adder panel: an {@link AdderTask}, and the check over all pairs in short calls. */
final class AdderSession implements TrainingSession {
    private static final Setting PAIRS = Setting.integer("pairs", "pairs", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
    private static final Setting LONGER_BITS = Setting.integer("bits", "bits", 16, 2, 30);

    /** The binary-adder panel: its settings, the learning rate tunable in training, and its own verbs (all reads). */
    static final Panel PANEL = new Panel("adder", "adder-panel.js", AdderSettings.ALL, List.of(AdderSettings.LEARNING_RATE),
            List.of("settings"), Panel.verbs("accuracy", Verb.READ, "trace", Verb.READ, "longer", Verb.READ), AdderSession::start,
            out -> { });

    private final AdderTask task;
    /** The check under way and the training call it checks the weights after. */
    private AdderCheck check;
    private int checkCall;

    AdderSession(AdderTask task) {
        this.task = task;
    }

    /** A new adder from the request's settings, or the {@code loaded} one (null: none) continued. */
    static AdderSession start(JsonObject request, SavedModel loaded) {
        if (loaded == null) {
            return new AdderSession(new AdderTask(AdderSettings.read(JsonSettings.of(request, "settings"))));
        }
        try {
            return new AdderSession(AdderTask.resume(loaded));
        } catch (IllegalArgumentException e) {
            throw new SettingException("model", e.getMessage());
        }
    }

    @Override
    public void trained(JsonWriter out) {
        out.name("sampleAccuracy").value(task.sampleAccuracy());
    }

    @Override
    public void progress(JsonWriter out) {
        AdderTask.Progress p = task.progress();
        out.name("steps").value(p.steps()).name("examples").value((double) p.examples());
    }

    @Override
    public TrainingRun<?> run() {
        return task;
    }

    @Override
    public void describe(JsonWriter out) {
        AdderSettings s = task.settings();
        out.name("parameters").value(task.model().params().size())
                .name("bits").value(s.bits()).name("cell").value(s.cell().id).name("hidden").value(s.hidden())
                .name("steps").value(task.progress().steps());
        JsonSettings.values(s.asText(), out);
    }

    @Override
    public void handle(String command, JsonObject r, Budget budget, JsonWriter out) {
        JsonSettings v = new JsonSettings(r);
        switch (command) {
            case "accuracy" -> accuracy(PAIRS.integer(v), out);
            case "longer" -> {
                int bits = LONGER_BITS.integer(v);
                out.name("bits").value(bits).name("accuracy").value(task.accuracyOn(bits, 2000));
            }
            case "trace" -> {
                int limit = task.adder().operandLimit() - 1;
                trace(Setting.integer("a", "a", 0, 0, limit).integer(v), Setting.integer("b", "b", 0, 0, limit).integer(v), out);
            }
            default -> throw new IllegalArgumentException("unknown command 'adder." + command + "'");
        }
    }

    /**
     * Checks up to {@code pairs} more pairs (starting over if the model has trained since the check
     * began); when the check is complete, reports the accuracy.
     */
    private void accuracy(int pairs, JsonWriter out) {
        if (check == null || checkCall != task.revision()) {
            check = task.newCheck();
            checkCall = task.revision();
        }
        boolean done = check.advance(pairs);
        out.name("done").value(done).name("fraction").value(check.fraction())
                .name("pairs").value((double) check.total()).name("exhaustive").value(check.exhaustive());
        if (done) {
            out.name("accuracy").value(check.accuracy());
            check = null;
        }
    }

    private void trace(int a, int b, JsonWriter out) {
        Adder.Trace t = task.trace(a, b);
        out.name("a").value(a).name("b").value(b).name("sum").value(t.predicted()).name("correct").value(t.correct());
        out.name("probabilities").array(t.probabilities(), 0, t.probabilities().length);
        out.name("hidden").beginArray();
        for (double[] h : t.hidden()) {
            out.array(h, 0, h.length);
        }
        out.endArray();
        out.name("gates").beginArray();
        for (int g = 0; g < t.gateNames().length; g++) {
            out.beginObject().name("name").value(t.gateNames()[g]).name("values").beginArray();
            for (double[] row : t.gates()[g]) {
                out.array(row, 0, row.length);
            }
            out.endArray().endObject();
        }
        out.endArray();
    }
}
