package tearnn.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tearnn.nn.CellType;
import tearnn.optim.OptimizerKind;
import tearnn.settings.Setting;
import tearnn.settings.SettingException;
import tearnn.settings.SettingValues;

/**
 * What a person chooses for a forecasting run (the series is chosen apart). {@link #ALL} describes
 * each setting once; the command line reads its options from it.
 *
 * @param window    L, the steps the model reads before the forecast origin
 * @param horizon   H, the steps forecast after it
 * @param recursive whether one output is fed back H times, rather than H outputs at once (direct)
 * @param change    whether the model reads the changes from step to step and predicts the change from
 *                  the last value, rather than the values themselves (for a series with a trend)
 * @param season    the seasonal naive baseline's season in steps (0: suggested from the training part)
 * @param skipMissing whether windows that hold a missing value are left out, rather than the gaps
 *                  interpolated
 * @param heldOut   the share of the series, after the training part, that checks training
 * @param test      the share at its end that the forecasts are scored on
 */
public record ForecastSettings(int window, int horizon, boolean recursive, boolean change, int season, boolean skipMissing,
        CellType cell, int hidden, int layers, OptimizerKind optimizer, double learningRate, double clip, int batch,
        double heldOut, double test, int seed, Knobs knobs) {
    /** The built-in series (a person's own table is chosen apart); window, horizon and what is predicted follow it. */
    public static final Setting SERIES = series();
    public static final Setting WINDOW = perSeries(Setting.integer("window", "Window L", 24, 1, 1000), ForecastCsv.BuiltIn::window);
    public static final Setting HORIZON = perSeries(Setting.integer("horizon", "Horizon H", 6, 1, 500), ForecastCsv.BuiltIn::horizon);
    public static final Setting MODE = perSeries(Setting.choice("mode", "Forecast", "direct", List.of(
            new Setting.Choice("direct", "direct (H outputs)"), new Setting.Choice("recursive", "recursive (fed back)"))),
            ForecastCsv.BuiltIn::recursive, "recursive", "direct");
    public static final Setting PREDICT = perSeries(Setting.choice("predict", "Predict", "level", List.of(
            new Setting.Choice("level", "the values"), new Setting.Choice("change", "the change from the last value"))),
            ForecastCsv.BuiltIn::change, "change", "level");
    public static final Setting SEASON = Setting.integer("season", "Season (0: suggested)", 0, 0, 10000);
    public static final Setting MISSING = Setting.choice("missing", "Missing values", "interpolate", List.of(
            new Setting.Choice("interpolate", "interpolate"), new Setting.Choice("skip", "skip their windows")));
    public static final Setting CELL = TaskSettings.cell(CellType.LSTM);
    public static final Setting HIDDEN = Setting.integer("hidden", "Hidden size", 32, 1, 1024);
    public static final Setting LAYERS = Setting.integer("layers", "Layers", 1, 1, 4);
    public static final Setting OPTIMIZER = TaskSettings.optimizer(OptimizerKind.ADAM);
    public static final Setting LEARNING_RATE = TaskSettings.learningRate(0.005);
    public static final Setting CLIP = Setting.number("clip", "Clip norm", 1, 0, 1000);
    public static final Setting BATCH = TaskSettings.batch(32, 1024);
    public static final Setting HELD_OUT = Setting.number("heldOut", "Held-out share", 0.15, 0.05, 0.4);
    public static final Setting TEST = Setting.number("test", "Test share", 0.15, 0.05, 0.4);
    public static final Setting SEED = TaskSettings.seed();
    /** In the order a form shows them. */
    public static final List<Setting> ALL = Knobs.after(List.of(SERIES, WINDOW, HORIZON, MODE, PREDICT, SEASON, MISSING, CELL, HIDDEN,
            LAYERS, OPTIMIZER, LEARNING_RATE, CLIP, BATCH, HELD_OUT, TEST, SEED));

    public ForecastSettings {
        if (cell == null || optimizer == null || knobs == null) {
            throw new IllegalArgumentException("a forecaster needs a cell, an optimizer and knobs");
        }
        knobs.check(cell);
        WINDOW.check(window);
        HORIZON.check(horizon);
        SEASON.check(season);
        HIDDEN.check(hidden);
        LAYERS.check(layers);
        LEARNING_RATE.check(learningRate);
        CLIP.check(clip);
        BATCH.check(batch);
        HELD_OUT.check(heldOut);
        TEST.check(test);
        if (season == 1) {
            throw new SettingException("season", "a season of 1 step is the last value; give 2 or more, or 0 to have it suggested");
        }
    }

    private static Setting series() {
        List<Setting.Choice> choices = new java.util.ArrayList<>();
        for (ForecastCsv.BuiltIn b : ForecastCsv.BUILT_IN) {
            choices.add(new Setting.Choice(b.id(), b.label()));
        }
        return Setting.choice("series", "Series", ForecastCsv.BUILT_IN.get(0).id(), choices);
    }

    private static Setting perSeries(Setting plain, java.util.function.ToIntFunction<ForecastCsv.BuiltIn> value) {
        Setting s = plain;
        for (ForecastCsv.BuiltIn b : ForecastCsv.BUILT_IN) {
            s = s.withDefault(SERIES.name(), b.id(), value.applyAsInt(b));
        }
        return s;
    }

    /** A choice whose default follows the series: {@code ifTrue} where the series says so, else {@code ifFalse}. */
    private static Setting perSeries(Setting plain, java.util.function.Predicate<ForecastCsv.BuiltIn> says, String ifTrue, String ifFalse) {
        Setting s = plain;
        for (ForecastCsv.BuiltIn b : ForecastCsv.BUILT_IN) {
            s = s.withDefault(SERIES.name(), b.id(), says.test(b) ? ifTrue : ifFalse);
        }
        return s;
    }

    /** The settings {@code v} gives (the series among them chooses the defaults of window, horizon and predict). */
    public static ForecastSettings read(SettingValues v) {
        return new ForecastSettings(WINDOW.integer(v), HORIZON.integer(v), MODE.choice(v).equals("recursive"),
                PREDICT.choice(v).equals("change"), SEASON.integer(v), MISSING.choice(v).equals("skip"),
                CellType.parse(CELL.choice(v)), HIDDEN.integer(v), LAYERS.integer(v), OptimizerKind.parse(OPTIMIZER.choice(v)),
                LEARNING_RATE.number(v), CLIP.number(v), BATCH.integer(v), HELD_OUT.number(v), TEST.number(v), SEED.integer(v),
                Knobs.read(v));
    }

    public static ForecastSettings defaults() {
        return read(SettingValues.NONE);
    }

    /** The model's outputs: H (direct) or 1 (recursive). */
    public int outputs() {
        return recursive ? 1 : horizon;
    }

    /** Each setting's value as text, by name. */
    public Map<String, String> asText() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(WINDOW.name(), Setting.format(window));
        m.put(HORIZON.name(), Setting.format(horizon));
        m.put(MODE.name(), recursive ? "recursive" : "direct");
        m.put(PREDICT.name(), change ? "change" : "level");
        m.put(SEASON.name(), Setting.format(season));
        m.put(MISSING.name(), skipMissing ? "skip" : "interpolate");
        m.put(CELL.name(), cell.id);
        m.put(HIDDEN.name(), Setting.format(hidden));
        m.put(LAYERS.name(), Setting.format(layers));
        m.put(OPTIMIZER.name(), optimizer.id);
        m.put(LEARNING_RATE.name(), Setting.format(learningRate));
        m.put(CLIP.name(), Setting.format(clip));
        m.put(BATCH.name(), Setting.format(batch));
        m.put(HELD_OUT.name(), Setting.format(heldOut));
        m.put(TEST.name(), Setting.format(test));
        m.put(SEED.name(), Setting.format(seed));
        knobs.putText(m);
        return m;
    }
}
