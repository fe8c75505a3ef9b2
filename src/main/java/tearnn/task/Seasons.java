package tearnn.task;

/**
 * The season a series suggests: the lag at which it best repeats itself. The series is first freed
 * of its straight-line trend (fitted by least squares), then its autocorrelation r(k) is read for
 * lags k = 2 .. n/2, each as the mean product of its pairs (so that the longer lags are not shrunk).
 * After r first falls below zero (so that the slow drift of a neighbouring step does not win), the
 * season is the highest r(k) from the first lag k0 that reaches 0.8 of the highest r there, up to
 * 2 k0: a cycle's multiples repeat its peak, at times a little higher, and a daily series' hump is
 * ragged. A series that never turns (r stays positive) or has no peak above 0.1 suggests none (0).
 */
final class Seasons {
    private Seasons() {
    }

    /** The suggested season of {@code y} (no NaN), or 0. */
    static int suggest(double[] y) {
        int n = y.length;
        if (n < 8) {
            return 0;
        }
        double[] r = detrended(y);
        double var = 0;
        for (double v : r) {
            var += v * v;
        }
        if (var == 0) {
            return 0;
        }
        int maxLag = n / 2;
        double[] acf = new double[maxLag + 2];
        for (int k = 1; k <= maxLag + 1 && k < n; k++) {
            double sum = 0;
            for (int t = k; t < n; t++) {
                sum += r[t] * r[t - k];
            }
            acf[k] = sum / (n - k) / (var / n);
        }
        int trough = 1;
        while (trough <= maxLag && acf[trough] >= 0) {
            trough++;
        }
        double highest = 0;
        for (int k = trough; k <= maxLag; k++) {
            highest = Math.max(highest, acf[k]);
        }
        if (highest < 0.1) {
            return 0;
        }
        // the first lag nearly as high as the highest, then the top before twice that lag: a cycle's
        // multiples repeat its peak, a little higher or lower, and a daily series' hump is ragged
        int k = Math.max(2, trough);
        while (acf[k] < 0.8 * highest) {
            k++;
        }
        int top = k;
        for (int j = k; j < 2 * k && j <= maxLag; j++) {
            top = acf[j] > acf[top] ? j : top;
        }
        return top;
    }

    /** y less its least-squares line. */
    private static double[] detrended(double[] y) {
        int n = y.length;
        double mt = (n - 1) / 2.0;
        double my = 0;
        for (double v : y) {
            my += v;
        }
        my /= n;
        double stt = 0;
        double sty = 0;
        for (int t = 0; t < n; t++) {
            stt += (t - mt) * (t - mt);
            sty += (t - mt) * (y[t] - my);
        }
        double slope = sty / stt;
        double[] r = new double[n];
        for (int t = 0; t < n; t++) {
            r[t] = y[t] - my - slope * (t - mt);
        }
        return r;
    }
}
