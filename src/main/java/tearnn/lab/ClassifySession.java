package tearnn.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tearnn.file.SavedModel;
import tearnn.json.JsonObject;
import tearnn.json.JsonWriter;
import tearnn.model.Trace;
import tearnn.settings.Setting;
import tearnn.settings.SettingException;
import tearnn.task.ClassificationCsv;
import tearnn.task.ClassificationData;
import tearnn.task.ClassificationMetrics;
import tearnn.task.ClassificationSettings;
import tearnn.task.ClassificationTask;
import tearnn.task.Mistake;
import tearnn.task.TrainingRun;

/**
 * The page's classification panel: a {@link ClassificationTask} on a data set the site ships (the
 * digits row by row or pixel by pixel, the Seattle weather from the last days), whose text the page
 * sends with a new model ({@code text}); the held-out accuracy against the majority baseline, and the
 * confusion matrix ({@code heldout}); the held-out examples it gets wrong ({@code mistakes}).
 */
final class ClassifySession implements TrainingSession {
    static final String DIGITS_ROWS = "digits-rows";
    static final String DIGITS_PIXELS = "digits-pixels";
    static final String WEATHER = "weather";
    /** A person's own table, pasted or opened. */
    static final String OWN = "own";
    /** How an own table's rows become sequences: each row's numbers, the rows of an id, or a text column. */
    static final String BY_ROW = "row";
    static final String BY_ID = "id";
    static final String BY_TEXT = "text";
    /** The characters of a text a mistake or a cell's example shows at most. */
    static final int TEXT_SHOWN = 400;
    /** Days of weather a sequence holds. */
    static final int WEATHER_DAYS = 3;
    /** Which of the site's data sets (its file: data/digits.csv.gz, data/seattle-weather.csv; the page reads it). */
    static final Setting DATA = Setting.choice("data", "Data", DIGITS_ROWS, List.of(
            new Setting.Choice(DIGITS_ROWS, "handwritten digits, row by row (8 steps of 8 pixels)"),
            new Setting.Choice(DIGITS_PIXELS, "handwritten digits, pixel by pixel (64 steps of 1)"),
            new Setting.Choice(WEATHER, "Seattle weather: tomorrow's from the last " + WEATHER_DAYS + " days"),
            new Setting.Choice(OWN, "your own table (CSV or TSV): numbers or text")));

    static final Panel PANEL = new Panel("classify", "classify-panel.js", settings(),
            List.of(ClassificationSettings.LEARNING_RATE, ClassificationSettings.CLIP), List.of("settings", "text", "textName", "label", "input", "id", "textColumn", "tokens", "columns"),
            Panel.verbs("heldout", Verb.READ, "mistakes", Verb.READ, "cell", Verb.READ, "explain", Verb.READ,
                    "units", Verb.READ), ClassifySession::start,
            out -> { });
    /** The most misclassified examples a reply shows. */
    static final int MISTAKES_SHOWN = 60;

    private final ClassificationTask task;
    private final String data;

    private ClassifySession(ClassificationTask task, String data) {
        this.task = task;
        this.data = data;
    }

    private static List<Setting> settings() {
        List<Setting> all = new ArrayList<>();
        all.add(DATA);
        all.addAll(ClassificationSettings.ALL);
        return List.copyOf(all);
    }

    /**
     * A person's own table ({@code text}, named {@code textName}): {@code label} names the class column;
     * {@code input} says how rows become sequences: {@code row} (each row's number columns in order),
     * {@code id} (the rows of each value of the column {@code id}, a step a row) or {@code text} (the
     * column {@code textColumn}, split into {@code tokens}: words or characters). {@code columns}
     * (comma-separated; empty: every number column) says which numbers are read.
     */
    static ClassificationData own(JsonObject request) {
        String text = request.string("text", "");
        if (text.isBlank()) {
            throw new SettingException("data", "paste a table, or open a CSV or TSV file: a header line, then a row an example");
        }
        String label = request.string("label", "");
        if (label.isEmpty()) {
            throw new SettingException("label", "choose the column that holds the classes");
        }
        String name = orElse(request.string("textName", ""), "your table");
        String input = orElse(request.string("input", ""), BY_ROW);
        String columnList = request.string("columns", "");
        List<String> columns = columnList.isEmpty() ? List.of() : List.of(columnList.split(","));
        switch (input) {
            case BY_TEXT -> {
                String column = request.string("textColumn", "");
                String tokens = orElse(request.string("tokens", ""), "words");
                if (column.isEmpty()) {
                    throw new SettingException("textColumn", "choose the column that holds the texts");
                }
                if (!tokens.equals("words") && !tokens.equals("characters")) {
                    throw new SettingException("tokens", "a text is read as words or characters, not '" + tokens + "'");
                }
                return ClassificationCsv.texts(text, name + ", " + column + " by " + tokens, label, column, tokens.equals("characters"));
            }
            case BY_ID -> {
                String id = request.string("id", "");
                if (id.isEmpty()) {
                    throw new SettingException("id", "choose the column whose rows make one sequence");
                }
                return ClassificationCsv.table(text, name + ", the rows of each " + id, label, columns, id, 0);
            }
            case BY_ROW -> {
                return ClassificationCsv.table(text, name, label, columns, null, 0);
            }
            default -> throw new SettingException("input", "a sequence is a row's numbers (row), the rows of an id (id) or a text"
                    + " (text), not '" + input + "'");
        }
    }

    /** A field's value, or {@code fallback} where the page left it empty. */
    private static String orElse(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }

    /** The data set chosen, read from the text the page sent (its file's), or a person's own table. */
    static ClassificationData data(String kind, JsonObject request) {
        if (kind.equals(OWN)) {
            return own(request);
        }
        String text = request.has("text") ? request.string("text") : null;
        if (text == null || text.isEmpty()) {
            throw new SettingException("data", "no data came with the request (the page sends the file's text)");
        }
        return switch (kind) {
            case DIGITS_ROWS -> ClassificationCsv.digits(text, false);
            case DIGITS_PIXELS -> ClassificationCsv.digits(text, true);
            default -> ClassificationCsv.table(text, "Seattle weather, " + WEATHER_DAYS + " days a sequence", "weather", List.of(), null,
                    WEATHER_DAYS);
        };
    }

    /** A new run from the request's settings and text, or the {@code loaded} one continued on it. */
    static ClassifySession start(JsonObject request, SavedModel loaded) {
        String kind = DATA.choice(JsonSettings.of(request, "settings"));
        ClassificationData d = data(kind, request);
        return new ClassifySession(loaded == null
                ? new ClassificationTask(d, ClassificationSettings.read(JsonSettings.of(request, "settings")))
                : ClassificationTask.resume(d, loaded), kind);
    }

    @Override
    public void progress(JsonWriter out) {
        ClassificationTask.Progress p = task.progress();
        out.name("steps").value(p.steps()).name("examples").value((double) p.examples());
    }

    @Override
    public TrainingRun<?> run() {
        return task;
    }

    @Override
    public void describe(JsonWriter out) {
        ClassificationSettings s = task.settings();
        ClassificationData d = task.data();
        out.name("parameters").value(task.model().params().size()).name("dataName").value(d.name())
                .name("text").value(d.isText()).name("inputs").value(d.inputs()).name("maxSteps").value(d.maxSteps())
                .name("train").value(task.split().train().length).name("heldOut").value(task.split().heldOut().length)
                .name("classes").beginArray();
        for (String c : d.classes()) {
            out.value(c);
        }
        out.endArray().name("cell").value(s.cell().id).name("hidden").value(s.hidden()).name("steps").value(task.steps());
        Map<String, String> values = new LinkedHashMap<>();
        values.put(DATA.name(), data);
        values.putAll(s.asText());
        JsonSettings.values(values, out);
    }

    @Override
    public void handle(String command, JsonObject r, Budget budget, JsonWriter out) {
        switch (command) {
            case "heldout" -> heldOut(out);
            case "mistakes" -> examples(task.mistakes(limit(r)), out);
            case "cell" -> examples(task.examples(r.integer("label", 0), r.integer("said", 0), limit(r)), out);
            case "explain" -> explain(r.has("values") ? task.explain(r.array("values", r.list("values").size()))
                    : r.has("text") ? task.explain(r.string("text")) : task.explain(r.integer("example", 0)), out);
            case "units" -> units(r.integer("example", 0), r.integer("layer", 1) - 1, r.has("show") ? r.string("show") : "h",
                    r.integer("unit", 0), out);
            default -> throw new IllegalArgumentException("unknown command 'classify." + command + "'");
        }
    }

    /**
     * Held-out examples (those the model gets wrong, or a cell's of the confusion matrix), the most
     * confident first: each with its index, true class, the three likeliest classes said with their
     * probabilities, its values and (with attention pooling) its weights by step.
     */
    private static int limit(JsonObject r) {
        int limit = r.integer("limit", 12);
        if (limit < 1 || limit > MISTAKES_SHOWN) {
            throw new SettingException("limit", "between 1 and " + MISTAKES_SHOWN + " examples, not " + limit);
        }
        return limit;
    }

    private void examples(ClassificationTask.Mistakes m, JsonWriter out) {
        List<String> classes = task.data().classes();
        out.name("count").value(m.count()).name("of").value(task.split().heldOut().length).name("inputs").value(task.data().inputs())
                .name("mistakes").beginArray();
        for (Mistake x : m.shown()) {
            out.beginObject().name("example").value(x.example()).name("label").value(classes.get(x.label())).name("top").beginArray();
            for (int i = 0; i < x.top().length; i++) {
                out.beginObject().name("class").value(classes.get(x.top()[i])).name("p").value(x.probabilities()[i]).endObject();
            }
            out.endArray();
            if (x.values() != null) {
                out.name("values").array(x.values(), 0, x.values().length);
            } else {
                out.name("text").value(shown(task.data().text(x.example())));
            }
            if (x.attention() != null) {
                out.name("attention").array(x.attention(), 0, x.attention().length);
            }
            out.endObject();
        }
        out.endArray();
    }

    /** Why and when the model names one held-out example as it does (see {@link ClassificationTask#explain}). */
    private void explain(ClassificationTask.Explained e, JsonWriter out) {
        List<String> classes = task.data().classes();
        if (e.label() >= 0) {
            out.name("example").value(e.example()).name("label").value(classes.get(e.label()));
        }
        double[] last = e.afterEachStep()[e.afterEachStep().length - 1];
        out.name("said").value(classes.get(e.said())).name("probabilities").beginArray();
        for (int c = 0; c < classes.size(); c++) {
            out.beginObject().name("class").value(classes.get(c)).name("p").value(last[c]).endObject();
        }
        out.endArray().name("inputs").value(task.data().inputs());
        if (e.values() != null) {
            out.name("values").array(e.values(), 0, e.values().length);
        } else {
            out.name("tokens").beginArray();
            for (String t : e.tokens()) {
                out.value(t);
            }
            out.endArray().name("characters").value(task.data().tokenizer().characterLevel());
        }
        out.name("connectivity").array(e.connectivity(), 0, e.connectivity().length);
        // p(the class said) and p(the true class) after each step
        double[] said = new double[e.afterEachStep().length];
        double[] truth = new double[said.length];
        for (int t = 0; t < said.length; t++) {
            said[t] = e.afterEachStep()[t][e.said()];
            truth[t] = e.label() >= 0 ? e.afterEachStep()[t][e.label()] : 0;
        }
        out.name("saidAfter").array(said, 0, said.length);
        if (e.label() >= 0) {
            out.name("labelAfter").array(truth, 0, truth.length);
        }
        if (e.attention() != null) {
            out.name("attention").array(e.attention(), 0, e.attention().length);
        }
    }

    /**
     * The units-and-gates view (see {@link UnitsReport}) over one held-out example: {@code tokens}, each
     * step's label (a text's tokens; else the step's number from 1).
     */
    private void units(int example, int layer, String show, int unit, JsonWriter out) {
        Trace tr = task.trace(example);
        String[] tokens = task.heldOutTokens(example);
        out.name("tokens").beginArray();
        for (int t = 0; t < tr.steps(); t++) {
            out.value(tokens != null ? tokens[t] : Integer.toString(t + 1));
        }
        out.endArray();
        UnitsReport.write(tr, layer, show, unit, out);
    }

    /** A text as a mistake shows it: its first {@link #TEXT_SHOWN} characters. */
    private static String shown(String text) {
        return text.length() <= TEXT_SHOWN ? text : text.substring(0, TEXT_SHOWN) + "\u2026";
    }

    private void heldOut(JsonWriter out) {
        ClassificationMetrics m = task.heldOut();
        out.name("accuracy").value(m.accuracy()).name("baseline").value(m.majorityBaseline()).name("steps").value(task.steps())
                .name("examples").value((double) task.progress().examples()).name("confusion").beginArray();
        for (int[] row : m.confusion()) {
            out.beginArray();
            for (int v : row) {
                out.value(v);
            }
            out.endArray();
        }
        out.endArray();
        if (m.attention() != null) {
            // where the attention looked: by true class, the mean weight of every step
            out.name("attention").beginArray();
            for (double[] row : m.attention()) {
                out.array(row, 0, row.length);
            }
            out.endArray();
        }
    }
}
