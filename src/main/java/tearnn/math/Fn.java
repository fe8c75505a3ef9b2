package tearnn.math;

/**
 * Elementary functions written with IEEE arithmetic only, so they give the same bits on the JVM, in
 * TeaVM's JavaScript and in its WebAssembly (TeaVM's own {@code Math.tanh} is NaN past |x| ~ 710 and
 * inexact near 0; {@code Math.exp} may differ in the last bit between platforms).
 *
 * <p>{@code exp} reduces x = (64 k + j) ln2/64 + r with |r| <= ln2/128, so e^x = 2^k 2^(j/64) e^r:
 * e^r - 1 by its Taylor series to degree 5 (truncation error below 1e-16 relative), 2^(j/64) from a
 * 64-entry table computed at start-up by the slower reduction to |r| <= ln2/2 with the series to
 * degree 13, and 2^k from an exact table.
 */
public final class Fn {
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double INV_LN2 = 1.44269504088896338700e+00;
    private static final int POW2_MIN = -1074;
    private static final int POW2_MAX = 1023;
    private static final double[] POW2 = powersOfTwo();
    private static final double[] POW2_64THS = sixtyFourths();

    private Fn() {
    }

    private static double[] powersOfTwo() {
        double[] table = new double[POW2_MAX - POW2_MIN + 1];
        double v = 1;
        for (int k = 0; k <= POW2_MAX; k++) {
            table[k - POW2_MIN] = v;
            v *= 2;
        }
        v = 1;
        for (int k = 0; k >= POW2_MIN; k--) {
            table[k - POW2_MIN] = v;
            v *= 0.5;
        }
        return table;
    }

    private static double[] sixtyFourths() {
        double[] t = new double[64];
        for (int j = 0; j < 64; j++) {
            t[j] = expSlow(j * (LN2_HI / 64) + j * (LN2_LO / 64));
        }
        return t;
    }

    /** e^r - 1 for |r| <= ln2/2, Horner form of the Taylor series to degree 13. */
    private static double expm1Reduced(double r) {
        double p = 1.0 / 6227020800.0;
        p = p * r + 1.0 / 479001600.0;
        p = p * r + 1.0 / 39916800.0;
        p = p * r + 1.0 / 3628800.0;
        p = p * r + 1.0 / 362880.0;
        p = p * r + 1.0 / 40320.0;
        p = p * r + 1.0 / 5040.0;
        p = p * r + 1.0 / 720.0;
        p = p * r + 1.0 / 120.0;
        p = p * r + 1.0 / 24.0;
        p = p * r + 1.0 / 6.0;
        p = p * r + 0.5;
        p = p * r + 1.0;
        return p * r;
    }

    /** e^x; 0 below -745.2, +Infinity above 709.79, NaN for NaN. */
    public static double exp(double x) {
        if (!(x > -745.2)) {
            return x != x ? x : 0.0;
        }
        if (x > 709.78) {
            return expSlow(x);
        }
        int n = roundHalfUp(x * (64 * INV_LN2));
        int k = n >> 6;
        double r = (x - n * (LN2_HI / 64)) - n * (LN2_LO / 64);
        double p = r * (1 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120)))));
        double t = POW2_64THS[n & 63];
        double e = t + t * p;
        if (k < -1021) {
            // keep the intermediate normal, then scale into the subnormal range
            return e * POW2[k + 64 - POW2_MIN] * POW2[-64 - POW2_MIN];
        }
        return e * POW2[k - POW2_MIN];
    }

    /** floor(y + 1/2) for |y| < 2^30, by truncation and a correction (cheaper than Math.floor). */
    private static int roundHalfUp(double y) {
        double z = y + 0.5;
        int n = (int) z;
        return z < n ? n - 1 : n;
    }

    /** e^x by reduction to |r| <= ln2/2 and the series to degree 13 (used for the table). */
    private static double expSlow(double x) {
        if (x > 709.7827128933840) {
            return Double.POSITIVE_INFINITY;
        }
        int k = (int) Math.floor(x * INV_LN2 + 0.5);
        double r = (x - k * LN2_HI) - k * LN2_LO;
        double e = 1.0 + expm1Reduced(r);
        if (k > POW2_MAX) {
            return e * 2 * POW2[k - 1 - POW2_MIN];
        }
        return e * POW2[k - POW2_MIN];
    }

    /** Hyperbolic tangent, accurate to a few ulp over the whole line, exactly +-1 past |x| = 20. */
    public static double tanh(double x) {
        double a = Math.abs(x);
        double t;
        if (a > 20) {
            t = 1.0;
        } else if (a < 0.17) {
            double em = expm1Reduced(-2 * a); // e^{-2a} - 1, no cancellation
            t = -em / (2 + em);
        } else {
            double e = exp(-2 * a);
            t = (1 - e) / (1 + e);
        }
        if (x != x) {
            return x;
        }
        return x < 0 ? -t : t;
    }

    /** Logistic sigmoid 1 / (1 + e^-x), evaluated without overflow on either side. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + exp(-x));
        }
        double e = exp(x);
        return e / (1.0 + e);
    }

    /**
     * cos(pi u) for u in [0, 1], by symmetry about u = 1/2 and the Taylor series of cos on
     * [0, pi/2] to degree 24 (error below 1e-20): arithmetic only, identical on every platform.
     */
    public static double cosPi(double u) {
        if (!(u >= 0 && u <= 1)) {
            throw new IllegalArgumentException("cosPi takes u in [0, 1], got " + u);
        }
        double sign = 1;
        if (u > 0.5) {
            u = 1 - u;
            sign = -1;
        }
        double x = Math.PI * u;
        double x2 = x * x;
        double term = 1;
        double sum = 1;
        for (int k = 1; k <= 12; k++) {
            term *= -x2 / ((2 * k - 1) * (2 * k));
            sum += term;
        }
        return sign * sum;
    }

    /** log sum_j exp(y_j) over y[off .. off+n), with the maximum subtracted first so large scores do not overflow. */
    public static double logSumExp(double[] y, int off, int n) {
        double max = y[off];
        for (int j = 1; j < n; j++) {
            max = Math.max(max, y[off + j]);
        }
        double z = 0;
        for (int j = 0; j < n; j++) {
            z += exp(y[off + j] - max);
        }
        return max + Math.log(z);
    }

    /** The softmax of y[off .. off+n), as a new array: p_j = exp(y_j - logSumExp(y)). */
    public static double[] softmax(double[] y, int off, int n) {
        double log = logSumExp(y, off, n);
        double[] p = new double[n];
        for (int j = 0; j < n; j++) {
            p[j] = exp(y[off + j] - log);
        }
        return p;
    }

    /** Indices of the k largest of p[0 .. n), largest first (ties by lower index); at most n. */
    public static int[] topK(double[] p, int n, int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        k = Math.min(k, n);
        int[] idx = new int[k];
        java.util.Arrays.fill(idx, -1);
        for (int i = 0; i < n; i++) {
            int pos = k;
            while (pos > 0 && (idx[pos - 1] < 0 || p[i] > p[idx[pos - 1]])) {
                pos--;
            }
            if (pos < k) {
                System.arraycopy(idx, pos, idx, pos + 1, k - pos - 1);
                idx[pos] = i;
            }
        }
        return idx;
    }

    /** Index of the largest of {@code n} values from {@code off} (the first, where several are). */
    public static int argmax(double[] v, int off, int n) {
        int best = 0;
        for (int j = 1; j < n; j++) {
            if (v[off + j] > v[off + best]) {
                best = j;
            }
        }
        return best;
    }
}
