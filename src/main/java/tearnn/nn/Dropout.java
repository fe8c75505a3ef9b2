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

    /**
     * Draws the keep masks of sequences [0, b) of a batch, {@code keep[l]} [T][B][H] for each of the
     * layers: sequence j's values come from a generator of its own, stream {@code first + j} of
     * {@code seed}, layer by layer, step by step, so that a sequence's masks are the same whichever
     * share of a batch it is in ({@code first}: its index in the whole batch). {@code rng} is reused.
     */
    public static void drawPerSequence(double[][] keep, int t, int b, int h, double p, int seed, int first, Rng rng) {
        double scale = 1.0 / (1.0 - p);
        for (int j = 0; j < b; j++) {
            rng.seed(seed, first + j);
            for (double[] k : keep) {
                for (int s = 0; s < t; s++) {
                    int off = (s * b + j) * h;
                    for (int u = 0; u < h; u++) {
                        k[off + u] = rng.nextDouble() < p ? 0.0 : scale;
                    }
                }
            }
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
