package tearnn.optim;

import tearnn.nn.Params;

/** Gradient clipping over the whole parameter buffer, PyTorch's {@code clip_grad_norm_} and {@code clip_grad_value_}. */
public final class Clip {
    private Clip() {
    }

    /** The L2 norm of all gradients together. */
    public static double globalNorm(Params p) {
        double s = 0;
        for (double g : p.grad) {
            s += g * g;
        }
        return Math.sqrt(s);
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
        scaleToNorm(p, norm, max);
        return norm;
    }

    /** As {@link #byGlobalNorm}, given the norm already computed. Modifies {@code p.grad}. */
    public static void scaleToNorm(Params p, double norm, double max) {
        double coef = max / (norm + 1e-6);
        if (coef < 1) {
            double[] g = p.grad;
            for (int i = 0; i < g.length; i++) {
                g[i] *= coef;
            }
        }
    }

    /** Clamps every gradient to [-v, v]. Modifies {@code p.grad}. */
    public static void byValue(Params p, double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException("clipping value must be positive, got " + v);
        }
        double[] g = p.grad;
        for (int i = 0; i < g.length; i++) {
            g[i] = Math.max(-v, Math.min(v, g[i]));
        }
    }
}
