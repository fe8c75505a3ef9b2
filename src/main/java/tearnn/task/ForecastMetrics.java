package tearnn.task;

import java.util.Locale;

/**
 * How well H-step forecasts from a set of origins match the series, for the model and for three
 * baselines, in the series' own units: the mean absolute error (MAE), the root mean squared error
 * (RMSE), and the MASE, here the MAE over the seasonal naive forecast's MAE on the same steps (so the
 * seasonal naive scores 1 and a forecast below 1 beats it). Only steps whose value the data holds are
 * counted.
 *
 * <p>The baselines: the last value before the origin, repeated; the seasonal naive, the value a whole
 * number of seasons before the step (and before the origin); and the training part's mean.
 */
public final class ForecastMetrics {
    /** The forecasts scored, in the order of {@link #mae}: the model, then the baselines. */
    public static final String[] METHODS = {"model", "seasonal naive", "last value", "training mean"};
    public static final int MODEL = 0;
    public static final int SEASONAL = 1;
    public static final int LAST = 2;
    public static final int MEAN = 3;

    private final double[] absolute = new double[METHODS.length];
    private final double[] squared = new double[METHODS.length];
    private int count;
    private final int season;

    /**
     * Scores the model's forecasts {@code forecast[w][h]} from the windows {@code origins} of
     * {@code data}.
     */
    public ForecastMetrics(ForecastData data, int[] origins, double[][] forecast) {
        this.season = data.season;
        for (int w = 0; w < origins.length; w++) {
            int o = origins[w];
            for (int h = 0; h < data.horizon; h++) {
                if (!data.present(o + h)) {
                    continue;
                }
                double y = data.series.value(o + h);
                add(MODEL, forecast[w][h] - y);
                add(SEASONAL, data.seasonalValue(o, h) - y);
                add(LAST, data.lastValue(o) - y);
                add(MEAN, data.trainingMean - y);
                count++;
            }
        }
    }

    private void add(int method, double error) {
        absolute[method] += Math.abs(error);
        squared[method] += error * error;
    }

    /** Steps scored. */
    public int count() {
        return count;
    }

    public int season() {
        return season;
    }

    public double mae(int method) {
        return absolute[method] / count;
    }

    public double rmse(int method) {
        return Math.sqrt(squared[method] / count);
    }

    /**
     * MAE relative to the seasonal naive's (1 for the seasonal naive itself); NaN where the seasonal
     * naive is exact (a series that repeats itself to the digit), which no ratio can measure against.
     */
    public double mase(int method) {
        return absolute[SEASONAL] > 0 ? absolute[method] / absolute[SEASONAL] : Double.NaN;
    }

    /** The metrics as a table, a method a line. */
    public String table() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-22s %10s %10s %7s%n", "", "MAE", "RMSE", "MASE"));
        for (int m = 0; m < METHODS.length; m++) {
            String name = m == SEASONAL ? "seasonal naive (" + season + ")" : METHODS[m];
            String mase = mase(m) == mase(m) ? String.format(Locale.ROOT, "%.3f", mase(m)) : "-";
            b.append(String.format(Locale.ROOT, "%-22s %10.4g %10.4g %7s%n", name, mae(m), rmse(m), mase));
        }
        return b.toString();
    }
}
