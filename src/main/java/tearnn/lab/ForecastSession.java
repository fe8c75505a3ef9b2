package tearnn.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tearnn.file.ModelFile;
import tearnn.file.SavedModel;
import tearnn.json.JsonObject;
import tearnn.json.JsonWriter;
import tearnn.settings.Setting;
import tearnn.settings.SettingException;
import tearnn.settings.SettingValues;
import tearnn.task.ForecastCsv;
import tearnn.task.ForecastData;
import tearnn.task.ForecastMetrics;
import tearnn.task.ForecastSeries;
import tearnn.task.ForecastSettings;
import tearnn.task.ForecastTask;
import tearnn.task.TrainingRun;

/**
 * The page's forecasting panel: a {@link ForecastTask} on a series the site ships (its file's text
 * comes with a new model, {@code text}). Its own verbs: {@code heldout}, the held-out forecasts'
 * error (a check: the best one's model is kept, of those at multiples of {@link ForecastTask#CHECK_EVERY}
 * steps) and the test part's metrics against the baselines
 * (not with {@code "test": false}, the page's frequent light check); {@code view}, the whole series with the
 * model's one-step fit and its forecasts chained over the held-out and test parts, beside the
 * baselines'; {@code from}, the forecast from one origin (the point a person drags); {@code best}, the
 * model file of the best held-out check so far (the page opens it to go back there).
 */
final class ForecastSession implements TrainingSession {
    /** A person's own table, rather than a built-in series. */
    static final String OWN = "own";
    /** The built-in series and a person's own table; window, horizon, mode and target follow it as ForecastSettings says. */
    static final Setting SERIES = series();

    static final Panel PANEL = new Panel("forecast", "forecast-panel.js", settings(),
            List.of(ForecastSettings.LEARNING_RATE, ForecastSettings.CLIP),
            List.of("settings", "text", "textName", "column", "dateColumn", "inputs"),
            Panel.verbs("heldout", Verb.READ, "view", Verb.READ, "from", Verb.READ, "best", Verb.READ), ForecastSession::start,
            ForecastSession::builtInInputs);

    private final ForecastTask task;
    private final String series;
    /** The model file of the check with the lowest held-out MAE so far, its step and held-out MASE. */
    private String best;
    private int bestStep;
    private double bestMae = Double.POSITIVE_INFINITY;
    private double bestMase;

    private ForecastSession(ForecastTask task, String series) {
        this.task = task;
        this.series = series;
    }

    private static Setting series() {
        List<Setting.Choice> choices = new ArrayList<>(ForecastSettings.SERIES.choices());
        choices.add(new Setting.Choice(OWN, "your own table (CSV or TSV)"));
        return Setting.choice(ForecastSettings.SERIES.name(), ForecastSettings.SERIES.label(), ForecastSettings.SERIES.defaultText(),
                choices);
    }

    private static List<Setting> settings() {
        List<Setting> all = new ArrayList<>(ForecastSettings.ALL);
        all.set(all.indexOf(ForecastSettings.SERIES), SERIES);
        return List.copyOf(all);
    }

    /**
     * The series of a request: a built-in one from its file's {@code text}, or a person's table
     * ({@code text}, named {@code textName}) whose {@code column} is forecast, with {@code dateColumn}
     * (none: row order); either with {@code inputs} (extra input columns, comma-separated).
     */
    static ForecastSeries series(JsonObject request, String id) {
        String text = request.string("text", null);
        boolean own = OWN.equals(id);
        if (text == null || text.isEmpty()) {
            throw own ? new SettingException("data", "paste a table, or open a CSV or TSV file")
                    : new SettingException("series", "no series came with the request (the page sends the file's text)");
        }
        String inputText = request.string("inputs", null);
        List<String> inputs = inputText == null || inputText.isEmpty() ? List.of() : List.of(inputText.split(","));
        if (!own) {
            return ForecastCsv.read(ForecastCsv.builtIn(id), text, inputs);
        }
        String column = request.string("column", null);
        if (column == null || column.isEmpty()) {
            throw new SettingException("column", "choose the column to forecast");
        }
        String date = request.string("dateColumn", null);
        String name = request.string("textName", null);
        return ForecastCsv.table(text, (name != null ? name : "your table") + ", " + column, column, inputs,
                date == null || date.isEmpty() ? null : date);
    }

    /**
     * The description's extras: {@code checkEvery}, the steps between held-out checks that count, and
     * {@code builtInInputs}, each built-in series' other columns a model may read beside it.
     */
    private static void builtInInputs(JsonWriter out) {
        out.name("checkEvery").value(ForecastTask.CHECK_EVERY).name("builtInInputs").beginObject();
        for (ForecastCsv.BuiltIn b : ForecastCsv.BUILT_IN) {
            out.name(b.id()).beginArray();
            b.inputs().forEach(out::value);
            out.endArray();
        }
        out.endObject();
    }

    /** A new run from the request's settings and series, or the {@code loaded} one continued on it. */
    static ForecastSession start(JsonObject request, SavedModel loaded) {
        SettingValues settings = JsonSettings.of(request, "settings");
        String id = SERIES.choice(settings);
        ForecastSeries s = series(request, id);
        return new ForecastSession(loaded == null ? new ForecastTask(s, ForecastSettings.read(settings)) : ForecastTask.resume(s, loaded),
                id);
    }

    @Override
    public void progress(JsonWriter out) {
        out.name("steps").value(task.steps()).name("examples").value((double) task.progress().examples());
    }

    @Override
    public TrainingRun<?> run() {
        return task;
    }

    @Override
    public void describe(JsonWriter out) {
        ForecastData d = task.data();
        ForecastSeries s = d.series;
        ForecastSettings fs = task.settings();
        out.name("parameters").value(task.model().params().size()).name("seriesName").value(s.name())
                .name("length").value(s.length()).name("missing").value(s.missing(0)).name("skipped").value(d.skipped)
                .name("trainEnd").value(d.trainEnd).name("heldOutEnd").value(d.heldOutEnd).name("window").value(d.window)
                .name("horizon").value(d.horizon).name("season").value(d.season).name("seasonSuggested").value(d.seasonSuggested)
                .name("train").value(d.trainWindows().length).name("inputs").beginArray();
        s.extras().forEach(out::value);
        out.endArray().name("cell").value(fs.cell().id).name("hidden").value(fs.hidden())
                .name("steps").value(task.steps());
        Map<String, String> values = new LinkedHashMap<>();
        values.put(SERIES.name(), series);
        values.putAll(fs.asText());
        JsonSettings.values(values, out);
    }

    @Override
    public void handle(String command, JsonObject r, Budget budget, JsonWriter out) {
        switch (command) {
            case "heldout" -> heldOut(r.bool("test", true), out);
            case "view" -> view(out);
            case "from" -> from(r.integer("origin"), out);
            case "best" -> {
                if (best == null) {
                    throw new SettingException("model", "no held-out check yet: the first is at step " + ForecastTask.CHECK_EVERY);
                }
                out.name("model").value(best).name("step").value(bestStep).name("mase");
                orNull(out, bestMase);
            }
            default -> throw new IllegalArgumentException("unknown command 'forecast." + command + "'");
        }
    }

    /** The held-out check (keeping the best check's model), and the test part's metrics unless {@code withTest} is false. */
    private void heldOut(boolean withTest, JsonWriter out) {
        ForecastMetrics held = task.heldOut();
        // a check counts at the steps the command line checks at (a pause's check between them does not)
        boolean counts = task.steps() > 0 && task.steps() % ForecastTask.CHECK_EVERY == 0;
        if (counts && held.mae(ForecastMetrics.MODEL) < bestMae) {
            bestMae = held.mae(ForecastMetrics.MODEL);
            bestMase = held.mase(ForecastMetrics.MODEL);
            bestStep = task.steps();
            best = ModelFile.write(task.saved());
        }
        // a MASE is null where the seasonal naive is exact (nothing to measure against)
        out.name("steps").value(task.steps()).name("examples").value((double) task.progress().examples())
                .name("mae").value(held.mae(ForecastMetrics.MODEL)).name("mase");
        orNull(out, held.mase(ForecastMetrics.MODEL));
        out.name("baselines").beginObject();
        for (int m = 1; m < ForecastMetrics.METHODS.length; m++) {
            out.name(ForecastMetrics.METHODS[m]);
            orNull(out, held.mase(m));
        }
        out.endObject().name("best");
        if (best == null) {
            out.value((String) null);
        } else {
            out.beginObject().name("step").value(bestStep).name("mase");
            orNull(out, bestMase);
            out.endObject();
        }
        if (withTest) {
            ForecastMetrics test = task.test();
            out.name("test").beginArray();
            for (int m = 0; m < ForecastMetrics.METHODS.length; m++) {
                out.beginObject().name("method").value(ForecastMetrics.METHODS[m]).name("mae").value(test.mae(m))
                        .name("rmse").value(test.rmse(m)).name("mase");
                orNull(out, test.mase(m));
                out.endObject();
            }
            out.endArray().name("scored").value(test.count());
        }
    }

    private static void orNull(JsonWriter out, double v) {
        if (v == v) {
            out.value(v);
        } else {
            out.value((String) null);
        }
    }

    private static void series(JsonWriter out, String name, double[] v) {
        out.name(name).beginArray();
        for (double x : v) {
            orNull(out, x);
        }
        out.endArray();
    }

    /**
     * The series (null where missing) and its time labels; the one-step fit at every step a window fits
     * before; and, from the training part's end on, forecasts of H steps chained one after the other
     * (origins H apart), with the seasonal naive's and the last value's from the same origins.
     */
    private void view(JsonWriter out) {
        ForecastData d = task.data();
        int n = d.series.length();
        int first = d.firstOrigin();
        double[] values = new double[n];
        double[] fit = new double[n];
        double[] chained = new double[n];
        double[] seasonal = new double[n];
        double[] last = new double[n];
        Arrays.fill(fit, Double.NaN);
        Arrays.fill(chained, Double.NaN);
        Arrays.fill(seasonal, Double.NaN);
        Arrays.fill(last, Double.NaN);
        out.name("times").beginArray();
        for (int t = 0; t < n; t++) {
            values[t] = d.series.value(t);
            out.value(d.series.time(t));
        }
        out.endArray();
        int[] every = new int[n - first];
        for (int k = 0; k < every.length; k++) {
            every[k] = first + k;
        }
        double[][] one = task.forecast(every, 1);
        for (int k = 0; k < every.length; k++) {
            fit[every[k]] = one[k][0];
        }
        int from = Math.max(first, d.trainEnd);
        int[] origins = new int[(n - from + d.horizon - 1) / d.horizon];
        for (int k = 0; k < origins.length; k++) {
            origins[k] = from + k * d.horizon;
        }
        double[][] f = task.forecast(origins);
        for (int k = 0; k < origins.length; k++) {
            for (int h = 0; h < d.horizon && origins[k] + h < n; h++) {
                chained[origins[k] + h] = f[k][h];
                seasonal[origins[k] + h] = d.seasonalValue(origins[k], h);
                last[origins[k] + h] = d.lastValue(origins[k]);
            }
        }
        series(out, "values", values);
        series(out, "fit", fit);
        series(out, "forecast", chained);
        series(out, "seasonal", seasonal);
        series(out, "last", last);
        out.name("origins").beginArray();
        for (int o : origins) {
            out.value(o);
        }
        out.endArray().name("trainEnd").value(d.trainEnd).name("heldOutEnd").value(d.heldOutEnd).name("first").value(first)
                .name("steps").value(task.steps());
    }

    /** The H-step forecast from {@code origin} (up to the series' end: the future), with the baselines'. */
    private void from(int origin, JsonWriter out) {
        ForecastData d = task.data();
        if (origin < d.firstOrigin() || origin > d.series.length()) {
            throw new SettingException("origin", "a forecast starts from step " + d.firstOrigin() + " to " + d.series.length()
                    + " (its window reads the " + d.window + " steps before it), not " + origin);
        }
        double[] f = task.forecast(new int[] {origin})[0];
        double[] seasonal = new double[d.horizon];
        for (int h = 0; h < d.horizon; h++) {
            seasonal[h] = d.seasonalValue(origin, h);
        }
        out.name("origin").value(origin);
        series(out, "forecast", f);
        series(out, "seasonal", seasonal);
        out.name("last").value(d.lastValue(origin));
    }
}
