package tearnn.optim;

import tearnn.nn.Params;

/**
 * Gradient clipping over the whole parameter buffer, PyTorch's {@code clip_grad_norm_} and
 * {@code clip_grad_value_}: whole, or a range of the buffer at a time with the same bits (the sum of
 * squares runs on from range to range in the buffer's order), as a step done in parts needs.
 */
public final class Clip {
    private Clip() {
    }

    /** {@code running} plus the sum of g[i]^2 over [from, to), added in order. */
    public static double sumOfSquares(double[] g, int from, int to, double running) {
        double s = running;
        for (int i = from; i < to; i++) {
            s += g[i] * g[i];
        }
        return s;
    }

    /** The L2 norm of all gradients together. */
    public static double globalNorm(Params p) {
        return Math.sqrt(sumOfSquares(p.grad, 0, p.grad.length, 0));
    }

    /**
     * What the gradients are scaled by to bring a global norm {@code norm} down to {@code max}:
     * {@code max / (norm + 1e-6)}; 1 when that is not below 1 or {@code max} is 0 (no clipping).
     */
    public static double coefficient(double norm, double max) {
        double c = max > 0 ? max / (norm + 1e-6) : 1;
        return Math.min(c, 1);
    }

    /** Multiplies g[from, to) by {@code coefficient} (see {@link #coefficient}; 1 leaves them). Modifies {@code g}. */
    public static void scale(double[] g, int from, int to, double coefficient) {
        if (coefficient < 1) {
            for (int i = from; i < to; i++) {
                g[i] *= coefficient;
            }
        }
    }

    /** Clamps g[from, to) to [-v, v]. Modifies {@code g}. */
    public static void clamp(double[] g, int from, int to, double v) {
        for (int i = from; i < to; i++) {
            g[i] = Math.max(-v, Math.min(v, g[i]));
        }
    }

    /**
     * Scales all gradients by {@code max / (norm + 1e-6)} if their global norm exceeds {@code max};
     * returns the norm before clipping. Modifies {@code p.grad}.
     */
    public static double byGlobalNorm(Params p, double max) {
        if (!(max > 0)) {
            throw new IllegalArgumentException("clipping norm must be positive, got " + max);
        }
        double norm = globalNorm(p);
        scale(p.grad, 0, p.grad.length, coefficient(norm, max));
        return norm;
    }

    /** Clamps every gradient to [-v, v]. Modifies {@code p.grad}. */
    public static void byValue(Params p, double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException("clipping value must be positive, got " + v);
        }
        clamp(p.grad, 0, p.grad.length, v);
    }
}
