package tearnn.task;

import tearnn.settings.SettingException;

/**
 * A series made ready for forecasting with window L and horizon H: split in time order into a
 * training part, a held-out part and a test part; its gaps filled (or its windows with gaps left out);
 * its scaling fitted on the training part alone; and the windows of each part listed by their origin.
 *
 * <p>A window with origin o reads steps [o - L, o) and is scored on the H steps [o, o + H). A
 * training window's targets lie in the training part; a held-out or test window's in its own part
 * (its inputs may reach back into the parts before, which a forecaster would know by then). Nothing
 * after the training part touches the scaling, the training windows or the suggested season.
 *
 * <p>What the model reads at step t: the forecast column scaled, {@code (y_t - mean) / deviation}, or
 * with {@code change} the step's change scaled, {@code (y_t - y_{t-1} - mean) / deviation} (mean and
 * deviation then those of the changes); then each extra column scaled by its own. What it is trained
 * to give for step o + h: that same scaled value (level), or the change from the last value read less
 * the trend's drift, {@code (y_{o+h} - y_{o-1} - (h+1) mean) / deviation} (change). A recursive model
 * gives one step, whose scaled form is exactly the next step's input.
 *
 * <p>Gaps are interpolated within each part alone (a straight line between the values on either
 * side; at a part's edge, the nearest value of the part), so that no later value fills an earlier
 * gap across a boundary. Scores count only the steps whose value the data holds.
 */
public final class ForecastData {
    public final ForecastSeries series;
    public final int window;
    public final int horizon;
    /** The model's outputs per window: H (direct) or 1 (recursive). */
    public final int outputs;
    public final boolean change;
    public final boolean skipMissing;
    /** The parts: training [0, trainEnd), held out [trainEnd, heldOutEnd), test [heldOutEnd, n). */
    public final int trainEnd;
    public final int heldOutEnd;
    /** The seasonal naive baseline's season, as given or as suggested. */
    public final int season;
    /** Whether the season was suggested from the training part rather than given. */
    public final boolean seasonSuggested;
    /** filled[c][t]: the columns with their gaps filled (or as they are, with {@code skipMissing}). */
    final double[][] filled;
    /** The model's input columns' scaling (the forecast column's first). */
    final double[] mean;
    final double[] deviation;
    /** The training part's mean of the forecast column (the training-mean baseline). */
    public final double trainingMean;
    /** Window origins of each part. */
    final int[] train;
    final int[] heldOut;
    final int[] test;
    /** Windows left out for holding a missing value, over all parts. */
    public final int skipped;

    public ForecastData(ForecastSeries series, ForecastSettings s) {
        this.series = series;
        this.window = s.window();
        this.horizon = s.horizon();
        this.outputs = s.outputs();
        this.change = s.change();
        this.skipMissing = s.skipMissing();
        int n = series.length();
        if (s.recursive() && !series.extras().isEmpty()) {
            throw new SettingException("mode", "a recursive forecast would need the future of the extra inputs ("
                    + String.join(", ", series.extras()) + "); forecast directly, or read the forecast column alone");
        }
        this.trainEnd = n - (int) Math.round(n * (s.heldOut() + s.test()));
        this.heldOutEnd = n - (int) Math.round(n * s.test());
        int first = firstOrigin();
        int need = (int) Math.ceil(Math.max(Math.max(horizon / s.test(), horizon / s.heldOut()),
                (first + outputs) / (1 - s.heldOut() - s.test())));
        if (trainEnd - first < outputs || heldOutEnd - trainEnd < horizon || n - heldOutEnd < horizon) {
            throw new SettingException("data", "the series has " + n + " values; with window " + window + ", horizon " + horizon
                    + (change ? " (and one value before the window, for its first change)" : "") + ", " + percent(s.heldOut())
                    + " held out and " + percent(s.test()) + " tested, it needs at least " + (need + 1));
        }
        this.filled = new double[series.columns.size()][];
        for (int c = 0; c < filled.length; c++) {
            filled[c] = skipMissing ? series.values[c].clone() : interpolated(series.values[c], c);
        }
        double[] y = filled[0];
        double sum = 0;
        int count = 0;
        for (int t = 0; t < trainEnd; t++) {
            if (y[t] == y[t]) {
                sum += y[t];
                count++;
            }
        }
        this.trainingMean = sum / count;
        this.mean = new double[filled.length];
        this.deviation = new double[filled.length];
        for (int c = 0; c < filled.length; c++) {
            fitScale(c);
        }
        if (s.season() > 0) {
            if (s.season() >= trainEnd) {
                throw new SettingException("season", "a season of " + s.season() + " steps is longer than the training part ("
                        + trainEnd + " steps)");
            }
            this.season = s.season();
            this.seasonSuggested = false;
        } else {
            int suggested = Seasons.suggest(trainingPart(y));
            this.season = suggested >= 2 ? suggested : 2;
            this.seasonSuggested = true;
        }
        int[] out = new int[1];
        this.train = windows(first, trainEnd - outputs, outputs, false, out);
        this.heldOut = windows(Math.max(first, trainEnd), heldOutEnd - horizon, horizon, true, out);
        this.test = windows(Math.max(first, heldOutEnd), n - horizon, horizon, true, out);
        this.skipped = out[0];
        if (train.length == 0 || heldOut.length == 0 || test.length == 0) {
            throw new SettingException("data", "with its missing values left out, the series has no whole window in its "
                    + (train.length == 0 ? "training" : heldOut.length == 0 ? "held-out" : "test")
                    + " part; interpolate them, or shorten the window or the horizon");
        }
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    /** The training part of y with its gaps closed (for the season's suggestion). */
    private double[] trainingPart(double[] y) {
        double[] part = new double[trainEnd];
        int k = 0;
        for (int t = 0; t < trainEnd; t++) {
            if (y[t] == y[t]) {
                part[k++] = y[t];
            }
        }
        return java.util.Arrays.copyOf(part, k);
    }

    /** Column c's gaps filled within each part; a part with no value at all is refused. */
    private double[] interpolated(double[] v, int c) {
        double[] out = v.clone();
        int[] bounds = {0, trainEnd, heldOutEnd, v.length};
        for (int p = 0; p < 3; p++) {
            int from = bounds[p];
            int to = bounds[p + 1];
            int last = -1;
            for (int t = from; t < to; t++) {
                if (v[t] != v[t]) {
                    continue;
                }
                if (last < 0) {
                    for (int g = from; g < t; g++) {
                        out[g] = v[t];
                    }
                } else {
                    for (int g = last + 1; g < t; g++) {
                        out[g] = v[last] + (v[t] - v[last]) * (g - last) / (t - last);
                    }
                }
                last = t;
            }
            if (last < 0) {
                throw new SettingException("data", "column " + series.columns.get(c) + " has no value at all in its "
                        + (p == 0 ? "training" : p == 1 ? "held-out" : "test") + " part (steps " + from + " to " + (to - 1) + ")");
            }
            for (int g = last + 1; g < to; g++) {
                out[g] = v[last];
            }
        }
        return out;
    }

    /** Column c's input as read at step t, unscaled (the forecast column's change with {@code change}). */
    private double raw(int c, int t) {
        double[] v = filled[c];
        return c == 0 && change ? v[t] - v[t - 1] : v[t];
    }

    private void fitScale(int c) {
        int from = c == 0 && change ? 1 : 0;
        double sum = 0;
        int count = 0;
        for (int t = from; t < trainEnd; t++) {
            double r = raw(c, t);
            if (r == r) {
                sum += r;
                count++;
            }
        }
        if (count == 0) {
            throw new SettingException("data", "column " + series.columns.get(c) + " has no value in the training part");
        }
        double m = sum / count;
        double ss = 0;
        for (int t = from; t < trainEnd; t++) {
            double r = raw(c, t);
            if (r == r) {
                ss += (r - m) * (r - m);
            }
        }
        double d = Math.sqrt(ss / count);
        mean[c] = m;
        deviation[c] = d > 1e-12 ? d : 1;
    }

    /**
     * The origins o in [from, to] whose window holds no missing value: its inputs (and, with change,
     * the value before them), its first {@code span} targets, and for a scored window the seasonal
     * naive's values. {@code skipped[0]} counts those left out.
     */
    private int[] windows(int from, int to, int span, boolean scored, int[] skipped) {
        int[] out = new int[Math.max(0, to - from + 1)];
        int k = 0;
        for (int o = from; o <= to; o++) {
            if (!skipMissing || whole(o, span, scored)) {
                out[k++] = o;
            } else {
                skipped[0]++;
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }

    private boolean whole(int o, int span, boolean scored) {
        for (double[] v : filled) {
            for (int t = o - window - (change ? 1 : 0); t < o; t++) {
                if (v[t] != v[t]) {
                    return false;
                }
            }
        }
        double[] y = filled[0];
        for (int h = 0; h < span; h++) {
            if (y[o + h] != y[o + h] || (scored && seasonalValue(o, h) != seasonalValue(o, h))) {
                return false;
            }
        }
        return true;
    }

    /** The first origin a window fits before (its inputs, and with change the value before them). */
    public int firstOrigin() {
        return window + (change ? 1 : 0);
    }

    /** Model inputs (columns) per step. */
    public int inputs() {
        return filled.length;
    }

    /** Writes window o's scaled inputs into a time-major batch: inputs[(t * size + b) * inputs() + c]. */
    void inputs(int o, double[] into, int b, int size) {
        int in = filled.length;
        for (int t = 0; t < window; t++) {
            int at = (t * size + b) * in;
            for (int c = 0; c < in; c++) {
                into[at + c] = (raw(c, o - window + t) - mean[c]) / deviation[c];
            }
        }
    }

    /** Writes window o's scaled training targets (its first {@link #outputs} steps) at {@code into[b * outputs ..]}. */
    void targets(int o, double[] into, int b) {
        double[] y = filled[0];
        for (int h = 0; h < outputs; h++) {
            into[b * outputs + h] = change ? (y[o + h] - y[o - 1] - (h + 1) * mean[0]) / deviation[0]
                    : (y[o + h] - mean[0]) / deviation[0];
        }
    }

    /** The value of step o + h that a scaled output {@code s} stands for (see the class header). */
    double unscaled(int o, int h, double s) {
        return change ? filled[0][o - 1] + s * deviation[0] + (h + 1) * mean[0] : s * deviation[0] + mean[0];
    }

    /** The seasonal naive forecast of step o + h from origin o: the value a whole number of seasons back, before o. */
    public double seasonalValue(int o, int h) {
        int back = o + h - season * (h / season + 1);
        return back >= 0 ? filled[0][back] : Double.NaN;
    }

    /** The last value before origin o (the last-value baseline). */
    public double lastValue(int o) {
        return filled[0][o - 1];
    }

    /** Whether the data holds the value of step t (scores count only those). */
    public boolean present(int t) {
        return series.values[0][t] == series.values[0][t];
    }

    /** The forecast column at t, its gaps filled as the model reads it (NaN where skipped). */
    public double filledValue(int t) {
        return filled[0][t];
    }

    public int[] trainWindows() {
        return train.clone();
    }

    public int[] heldOutWindows() {
        return heldOut.clone();
    }

    public int[] testWindows() {
        return test.clone();
    }

    /** The input columns' scaling, as a model file keeps it. */
    public double[] mean() {
        return mean.clone();
    }

    public double[] deviation() {
        return deviation.clone();
    }
}
