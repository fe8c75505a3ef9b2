package tearnn.nn;

import tearnn.math.Rng;

/**
 * Inverted dropout: during training each value is kept with probability 1 - p and scaled by
 * 1 / (1 - p), so nothing changes at evaluation time. The keep mask (0 or the scale) is stored for
 * backward, which multiplies the incoming gradient by the same mask.
 */
public final class Dropout {
    private Dropout() {
    }

    /** keep[i] = 0 (dropped, probability p) or 1 / (1 - p), drawn from rng in order; n values. */
    public static void draw(double[] keep, int n, double p, Rng rng) {
        double scale = 1.0 / (1.0 - p);
        for (int i = 0; i < n; i++) {
            keep[i] = rng.nextDouble() < p ? 0.0 : scale;
        }
    }

    /** dst[i] = src[srcOff + i] * keep[i] for i in [from, to). Modifies dst. */
    public static void apply(double[] dst, double[] keep, double[] src, int srcOff, int from, int to) {
        for (int i = from; i < to; i++) {
            dst[i] = src[srcOff + i] * keep[i];
        }
    }

    /** grad[i] *= keep[i]; n values. Modifies grad. */
    public static void backward(double[] grad, double[] keep, int n) {
        backward(grad, keep, 0, n);
    }

    /** grad[i] *= keep[i] for i in [from, to). Modifies grad. */
    public static void backward(double[] grad, double[] keep, int from, int to) {
        for (int i = from; i < to; i++) {
            grad[i] *= keep[i];
        }
    }
}
