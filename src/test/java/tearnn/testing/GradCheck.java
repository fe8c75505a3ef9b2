package tearnn.testing;

import java.util.function.DoubleSupplier;

/**
 * Finite-difference gradient checker: central differences in double precision,
 * {@code (f(x + e) - f(x - e)) / 2e} for every coordinate, compared with an analytic gradient: a
 * coordinate fails when {@code |a - n| > 1e-6 (|a| + |n|) + 1e-9}, the absolute term covering the
 * rounding noise of the differences (about 1e-16 |f| / e).
 */
public final class GradCheck {
    public static final double EPS = 1e-6;
    public static final double TOLERANCE = 1e-6;
    public static final double ABSOLUTE = 1e-9;

    private GradCheck() {
    }

    /** Numerical gradient of f with respect to x[off..off+n), x restored afterwards. */
    public static double[] numerical(double[] x, int off, int n, DoubleSupplier f) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            double keep = x[off + i];
            x[off + i] = keep + EPS;
            double up = f.getAsDouble();
            x[off + i] = keep - EPS;
            double down = f.getAsDouble();
            x[off + i] = keep;
            g[i] = (up - down) / (2 * EPS);
        }
        return g;
    }

    /** The worst ratio |a - n| / (1e-6 (|a| + |n|) + 1e-9) between analytic[aOff..] and numerical; over 1 fails. */
    public static double worstRatio(double[] analytic, int aOff, double[] numerical) {
        double worst = 0;
        for (int i = 0; i < numerical.length; i++) {
            double a = analytic[aOff + i];
            double m = numerical[i];
            double e = Math.abs(a - m) / (TOLERANCE * (Math.abs(a) + Math.abs(m)) + ABSOLUTE);
            if (!(e <= worst)) {
                worst = e;
            }
        }
        return worst;
    }

    /** Throws an AssertionError naming {@code what} if the gradients differ beyond the tolerance. */
    public static void check(String what, double[] analytic, int aOff, double[] x, int xOff, int n, DoubleSupplier f) {
        double[] num = numerical(x, xOff, n, f);
        double err = worstRatio(analytic, aOff, num);
        if (!(err <= 1)) {
            StringBuilder sb = new StringBuilder(what + ": gradient check failed, error " + err + " times the allowed");
            for (int i = 0; i < n && i < 6; i++) {
                sb.append("\n  [").append(i).append("] analytic ").append(analytic[aOff + i]).append(" numerical ").append(num[i]);
            }
            throw new AssertionError(sb.toString());
        }
    }
}
