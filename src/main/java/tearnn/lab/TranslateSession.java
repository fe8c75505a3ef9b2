package tearnn.lab;

import java.util.List;
import tearnn.file.SavedModel;
import tearnn.json.JsonObject;
import tearnn.json.JsonWriter;
import tearnn.settings.Setting;
import tearnn.task.TranslationMetrics;
import tearnn.task.TranslationPairs;
import tearnn.task.TranslationSettings;
import tearnn.task.TranslationTask;
import tearnn.task.TrainingRun;

/**
 * The page's translator panel: a {@link TranslationTask} (dates to ISO, or digits reversed), its
 * held-out exact match and per-character accuracy, and a translation (a held-out example's, or a
 * person's own text) with where its attention looked.
 */
final class TranslateSession implements TrainingSession {
    private static final Setting EXAMPLE = Setting.integer("example", "held-out example", 0, 0, TranslationTask.HELD_OUT - 1);
    private static final Setting BEAM = Setting.integer("beam", "beam width", 1, 1, 16);
    private static final Setting EXAMPLES = Setting.integer("examples", "held-out pairs", TranslationTask.HELD_OUT, 1,
            TranslationTask.HELD_OUT);

    /** The translator panel: its settings, the learning rate and clipping tunable in training, and its own verbs (reads). */
    static final Panel PANEL = new Panel("translate", "translate-panel.js", TranslationSettings.ALL,
            List.of(TranslationSettings.LEARNING_RATE, TranslationSettings.CLIP), List.of("settings"),
            Panel.verbs("heldout", Verb.READ, "translate", Verb.READ), TranslateSession::start, out -> { });

    private final TranslationTask task;

    private TranslateSession(TranslationTask task) {
        this.task = task;
    }

    /** A new run from the request's settings, or the {@code loaded} one (null: none) continued. */
    static TranslateSession start(JsonObject request, SavedModel loaded) {
        return new TranslateSession(loaded == null
                ? new TranslationTask(TranslationSettings.read(JsonSettings.of(request, "settings")))
                : TranslationTask.resume(loaded));
    }

    @Override
    public void progress(JsonWriter out) {
        out.name("steps").value(task.steps()).name("sequences").value((double) task.progress().sequences());
    }

    @Override
    public TrainingRun<?> run() {
        return task;
    }

    @Override
    public void describe(JsonWriter out) {
        TranslationSettings s = task.settings();
        TranslationPairs p = task.pairs();
        out.name("parameters").value(task.model().params().size()).name("task").value(p.id())
                .name("example").value(p.example()).name("alphabet").value(p.sourceAlphabet())
                .name("longest").value(p.maxSourceLength()).name("heldOut").value(TranslationTask.HELD_OUT)
                .name("cell").value(s.cell().id).name("hidden").value(s.hidden())
                .name("attention").value(s.attention() == null ? TranslationSettings.NO_ATTENTION : s.attention().id)
                .name("steps").value(task.steps());
        JsonSettings.values(s.asText(), out);
    }

    @Override
    public void handle(String command, JsonObject r, Budget budget, JsonWriter out) {
        switch (command) {
            case "heldout" -> {
                TranslationMetrics m = task.heldOut(EXAMPLES.integer(new JsonSettings(r)));
                out.name("exactMatch").value(m.exactMatch()).name("perCharacter").value(m.perCharacter())
                        .name("loss").value(m.loss()).name("steps").value(task.steps())
                        .name("sequences").value((double) task.progress().sequences());
                // [length, exact match] of each source length the held-out set has
                out.name("exactByLength").beginArray();
                for (int n = 0; n < m.exactByLength().length; n++) {
                    if (!Double.isNaN(m.exactByLength()[n])) {
                        out.beginArray().value(n).value(m.exactByLength()[n]).endArray();
                    }
                }
                out.endArray();
            }
            case "translate" -> translate(r, out);
            default -> throw new IllegalArgumentException("unknown command 'translate." + command + "'");
        }
    }

    /** A person's {@code text}, or held-out pair {@code example}, translated by a beam of {@code beam}. */
    private void translate(JsonObject r, JsonWriter out) {
        JsonSettings v = new JsonSettings(r);
        String target = null;
        String text;
        if (r.has("text")) {
            text = r.string("text");
        } else {
            String[] pair = task.heldOutPair(EXAMPLE.integer(v));
            text = pair[0];
            target = pair[1];
        }
        TranslationTask.Translated t = task.translate(text, BEAM.integer(v));
        out.name("source").value(t.source()).name("output").value(t.output());
        if (target != null) {
            out.name("target").value(target);
        }
        if (t.attention() != null) {
            out.name("attention").beginArray();
            for (double[] row : t.attention()) {
                out.array(row, 0, row.length);
            }
            out.endArray();
        }
    }
}
