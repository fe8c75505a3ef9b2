package tearnn.task;

import java.util.Arrays;
import tearnn.file.SavedModel;
import tearnn.loss.LossKind;
import tearnn.model.Architecture;
import tearnn.model.Batch;
import tearnn.model.Initialization;
import tearnn.model.Model;
import tearnn.settings.SettingException;
import tearnn.train.Trainer;

/**
 * One forecasting run ({@link ForecastData}): a recurrent stack reads a window of L steps and a
 * dense head at its last step gives the next H values at once (direct), or the next one, fed back
 * H times (recursive); the loss is the squared error on the scaled targets. Training goes through
 * the training part's windows in an order shuffled every epoch. It saves itself to a model file (with
 * the scaling and the window, so the file forecasts as it was trained) and resumes from one on the
 * same series exactly where it stopped.
 */
public final class ForecastTask extends EpochRun {
    /**
     * The held-out check's period in steps, the command's and the page's: both keep the best of the
     * checks at its multiples, so that at equal steps they pick the same model (the held-out part of a
     * short series is small, and a check at any step the clock gives finds minima that do not hold on
     * the test part: sunspots, seed 1, a check at step 53 scored test MASE 1.01).
     */
    public static final int CHECK_EVERY = 50;
    private static final int ORDER_SEED = 6000;
    /** Windows forecast per pass of the model. */
    private static final int MEASURE_BATCH = 256;

    private final ForecastSettings settings;
    private final Initialization init;
    private final ForecastData data;
    private final Batch batch;

    /** A new run: weights from the seed, as its knobs' initialization says (chrono's T_max: the window). */
    public ForecastTask(ForecastSeries series, ForecastSettings s) {
        this(new ForecastData(series, s), s);
    }

    private ForecastTask(ForecastData data, ForecastSettings s) {
        this(data, s, s.knobs().newModel(architecture(data, s), s.seed(), s.window()), null, null);
    }

    private ForecastTask(ForecastData data, ForecastSettings s, Model model, Trainer trainer, SavedModel saved) {
        super(model, trainer != null ? trainer : s.knobs().newTrainer(model, s.optimizer(), s.learningRate(), s.clip()), s.batch(),
                data.train, s.seed() + ORDER_SEED, saved);
        this.settings = s;
        this.init = saved != null ? saved.init : s.knobs().initialization(s.window());
        this.data = data;
        this.batch = newBatch(s.batch());
    }

    private static Architecture architecture(ForecastData data, ForecastSettings s) {
        return Architecture.ofVectors(data.inputs(), s.cell(), s.hidden()).withLayers(s.layers())
                .withOutputs(data.outputs, LossKind.MSE).withLastStepOnly(true);
    }

    private Batch newBatch(int size) {
        return new Batch(data.window, size, null, new double[data.window * size * data.inputs()], null,
                new double[size * data.outputs], null);
    }

    /** Puts windows {@code which} into batch b: their scaled inputs, and their training targets unless only forecast. */
    private void fill(Batch b, int[] which, boolean targets) {
        for (int k = 0; k < which.length; k++) {
            data.inputs(which[k], b.inputs, k, b.size);
            if (targets) {
                data.targets(which[k], b.values, k);
            }
        }
    }

    @Override
    protected Batch fillStep(int[] which) {
        fill(batch, which, true);
        return batch;
    }

    /**
     * The H-step forecasts from each origin, in the series' units: [window][h]. A recursive model's
     * output is fed back as the next step's input (its scaled form is exactly that input).
     */
    public double[][] forecast(int[] origins) {
        return forecast(origins, data.horizon);
    }

    /** The first {@code steps} (at most H) steps of each origin's forecast (a recursive model: fed back that often). */
    public double[][] forecast(int[] origins, int steps) {
        if (steps < 1 || steps > data.horizon) {
            throw new IllegalArgumentException("a forecast of 1 to " + data.horizon + " steps, not " + steps);
        }
        for (int o : origins) {
            if (o < data.firstOrigin() || o > data.series.length()) {
                throw new IllegalArgumentException("a forecast from step " + data.firstOrigin() + " to " + data.series.length()
                        + " (the window reads the steps before it), not " + o);
            }
        }
        double[][] out = new double[origins.length][steps];
        for (int from = 0; from < origins.length; from += MEASURE_BATCH) {
            int[] part = Arrays.copyOfRange(origins, from, Math.min(origins.length, from + MEASURE_BATCH));
            Batch b = newBatch(part.length);
            fill(b, part, false);
            if (!settings.recursive()) {
                double[] y = model.predict(b, null);
                for (int k = 0; k < part.length; k++) {
                    for (int h = 0; h < steps; h++) {
                        out[from + k][h] = data.unscaled(part[k], h, y[k * data.horizon + h]);
                    }
                }
                continue;
            }
            int row = part.length * data.inputs();
            double[] level = new double[part.length];
            for (int k = 0; k < part.length; k++) {
                level[k] = data.lastValue(part[k]);
            }
            for (int h = 0; h < steps; h++) {
                double[] y = model.predict(b, null);
                System.arraycopy(b.inputs, row, b.inputs, 0, (data.window - 1) * row);
                for (int k = 0; k < part.length; k++) {
                    b.inputs[(data.window - 1) * row + k] = y[k];
                    // a step's value: the scaled output unscaled (level), or the last value moved by the step's change
                    level[k] = data.change ? level[k] + y[k] * data.deviation[0] + data.mean[0] : data.unscaled(part[k], 0, y[k]);
                    out[from + k][h] = level[k];
                }
            }
        }
        return out;
    }

    /** The held-out part's forecasts scored against the baselines. */
    public ForecastMetrics heldOut() {
        return new ForecastMetrics(data, data.heldOut, forecast(data.heldOut));
    }

    /** The test part's forecasts scored against the baselines. */
    public ForecastMetrics test() {
        return new ForecastMetrics(data, data.test, forecast(data.test));
    }

    /** The loss on the held-out windows, as training measures its loss (scaled squared error). */
    public double heldOutLoss() {
        double sum = 0;
        for (int from = 0; from < data.heldOut.length; from += MEASURE_BATCH) {
            int[] part = Arrays.copyOfRange(data.heldOut, from, Math.min(data.heldOut.length, from + MEASURE_BATCH));
            Batch b = newBatch(part.length);
            fill(b, part, true);
            sum += model.evaluate(b, null) * part.length;
        }
        return sum / data.heldOut.length;
    }

    @Override
    public SavedModel saved() {
        SavedModel s = savedModel();
        s.init = init;
        saveProgress(s);
        s.putCounter("window", data.window);
        s.putCounter("horizon", data.horizon);
        s.putCounter("recursive", settings.recursive() ? 1 : 0);
        s.putCounter("change", data.change ? 1 : 0);
        s.putCounter("season", settings.season());
        s.putCounter("skip_missing", data.skipMissing ? 1 : 0);
        s.putCounter("held_out", settings.heldOut());
        s.putCounter("test", settings.test());
        s.putCounter("seed", settings.seed());
        s.putArray("input_mean", data.mean());
        s.putArray("input_deviation", data.deviation());
        return s;
    }

    /**
     * Continues a saved run on the same series; a file that is not a forecaster's, a model of another
     * shape, or another series (other scaling) is refused saying why.
     */
    public static ForecastTask resume(ForecastSeries series, SavedModel saved) {
        if (!saved.hasCounter("horizon") || !saved.hasCounter("window")) {
            throw new SettingException("model", "this model file is not a forecaster's (it names no window and horizon)");
        }
        Architecture a = saved.model.architecture();
        ForecastSettings d = ForecastSettings.defaults();
        Trainer tr = saved.trainer;
        ForecastSettings s = new ForecastSettings((int) saved.counter("window", d.window()), (int) saved.counter("horizon", 1),
                saved.counter("recursive", 0) != 0, saved.counter("change", 0) != 0, (int) saved.counter("season", 0),
                saved.counter("skip_missing", 0) != 0, a.cell(), a.hidden(), a.layers(),
                tr != null ? tr.optimizer().kind() : d.optimizer(), tr != null ? tr.schedule().lr() : d.learningRate(),
                tr != null ? tr.clipNorm() : d.clip(), (int) saved.counter("batch", d.batch()), saved.counter("held_out", d.heldOut()),
                saved.counter("test", d.test()), (int) saved.counter("seed", d.seed()), Knobs.of(saved));
        ForecastData data = new ForecastData(series, s);
        if (a.inputSize() != data.inputs() || a.outputs() != data.outputs || !a.lastStepOnly() || a.loss() != LossKind.MSE) {
            throw new SettingException("model", "this model reads " + a.inputSize() + " values a step into " + a.outputs()
                    + " outputs; this series and its settings need " + data.inputs() + " into " + data.outputs);
        }
        double[] mean = saved.array("input_mean");
        if (mean != null && !Arrays.equals(mean, data.mean)) {
            throw new SettingException("model", "this model was trained on another series (its training part's mean was "
                    + (float) mean[0] + ", this one's is " + (float) data.mean[0] + ")");
        }
        int kept = keptExamples(saved);
        if (kept >= 0 && kept != data.train.length) {
            throw new SettingException("model", "this model was trained on another series (" + kept
                    + " training windows, not " + data.train.length + ")");
        }
        return new ForecastTask(data, s, saved.model, tr, saved);
    }

    @Override
    public double stepFlops() {
        return model.stepFlops(data.window, batch.size);
    }

    public ForecastData data() {
        return data;
    }

    public ForecastSettings settings() {
        return settings;
    }
}
