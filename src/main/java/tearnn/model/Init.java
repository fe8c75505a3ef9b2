package tearnn.model;

import tearnn.math.Rng;
import tearnn.nn.CellType;
import tearnn.nn.Params;
import tearnn.nn.Tensor;

/**
 * Weight initializations, all drawn from the project's seeded {@link Rng}, in tensor order, so a seed
 * gives the same weights on every platform.
 */
public final class Init {
    private Init() {
    }

    /**
     * PyTorch's defaults: every recurrent tensor U(-1/sqrt(H), 1/sqrt(H)); the head's weights
     * {@code nn.Linear}'s U(-1/sqrt(in), 1/sqrt(in)) (in = H, or an adaptive softmax tail's own
     * width) and its bias 1/sqrt(H); a translator's combining layer U(-1/sqrt(2H), 1/sqrt(2H)); the
     * embeddings N(0, 1), or, tied to the output layer, the
     * output layer's U(-1/sqrt(H), 1/sqrt(H)) (standard normal logits would swamp the softmax).
     */
    public static void pytorchDefault(Model model, Rng rng) {
        Params p = model.params();
        double k = 1.0 / Math.sqrt(model.architecture().hidden());
        boolean tied = model.architecture().output().tied();
        for (Tensor t : p.tensors()) {
            if (t.name().endsWith("embedding.weight") && !tied) {
                for (int i = 0; i < t.size(); i++) {
                    p.value[t.offset() + i] = rng.nextGaussian();
                }
            } else if (t.name().startsWith("fc.") && !t.vector()) {
                uniform(p, t, 1.0 / Math.sqrt(t.cols()), rng);
            } else if (t.name().startsWith("combine.")) {
                uniform(p, t, 1.0 / Math.sqrt(2 * model.architecture().hidden()), rng);
            } else {
                uniform(p, t, k, rng);
            }
        }
    }

    /**
     * Xavier/Glorot uniform for every weight matrix, gate block by gate block
     * (bound sqrt(6 / (fan_in + fan_out))), biases and peepholes zero, embedding N(0, 1) (Xavier too
     * when tied to the output layer).
     */
    public static void xavier(Model model, Rng rng) {
        Params p = model.params();
        int gates = model.architecture().cell().gates;
        boolean tied = model.architecture().output().tied();
        for (Tensor t : p.tensors()) {
            String n = t.name();
            if (n.endsWith("embedding.weight") && !tied) {
                for (int i = 0; i < t.size(); i++) {
                    p.value[t.offset() + i] = rng.nextGaussian();
                }
            } else if (t.vector()) {
                zero(p, t);
            } else {
                int blockRows = n.startsWith("rnn.") || n.startsWith("decoder.") ? t.rows() / gates : t.rows();
                uniform(p, t, Math.sqrt(6.0 / (t.cols() + blockRows)), rng);
            }
        }
    }

    /**
     * Xavier for input and head weights, and each H x H gate block of every {@code weight_hh}
     * orthogonal (Gram-Schmidt on a random matrix; Saxe et al. 2014).
     */
    public static void orthogonal(Model model, Rng rng) {
        xavier(model, rng);
        Params p = model.params();
        for (Tensor t : p.tensors()) {
            if (t.name().startsWith("rnn.weight_hh") || t.name().startsWith("decoder.weight_hh")) {
                int h = t.cols();
                for (int g = 0; g < t.rows() / h; g++) {
                    orthogonalBlock(p.value, t.offset() + g * h * h, h, rng);
                }
            }
        }
    }

    /** Sets the LSTM forget-gate bias (b_ih block f) to {@code value} and b_hh block f to 0. */
    public static void forgetBias(Model model, double value) {
        Architecture a = model.architecture();
        if (a.cell() != CellType.LSTM) {
            throw new IllegalArgumentException("forget-gate bias applies to lstm only, not " + a.cell().id);
        }
        if (!a.bias()) {
            throw new IllegalArgumentException("this model has no biases to set");
        }
        Params p = model.params();
        int h = a.hidden();
        for (int k = 0; k < a.stackPrefixes().length * a.layers(); k++) {
            String stack = a.stackPrefixes()[k / a.layers()];
            int l = k % a.layers();
            Tensor ih = p.find(stack + "bias_ih_l" + l);
            Tensor hh = p.find(stack + "bias_hh_l" + l);
            for (int j = 0; j < h; j++) {
                p.value[ih.offset() + h + j] = value;
                p.value[hh.offset() + h + j] = 0;
            }
        }
    }

    private static void uniform(Params p, Tensor t, double bound, Rng rng) {
        for (int i = 0; i < t.size(); i++) {
            p.value[t.offset() + i] = rng.uniform(-bound, bound);
        }
    }

    private static void zero(Params p, Tensor t) {
        java.util.Arrays.fill(p.value, t.offset(), t.offset() + t.size(), 0.0);
    }

    /** Overwrites the n x n block at off with an orthogonal matrix (rows orthonormal). */
    static void orthogonalBlock(double[] w, int off, int n, Rng rng) {
        for (int i = 0; i < n; i++) {
            int ri = off + i * n;
            while (true) {
                for (int j = 0; j < n; j++) {
                    w[ri + j] = rng.nextGaussian();
                }
                // two passes of modified Gram-Schmidt against the rows before
                for (int pass = 0; pass < 2; pass++) {
                    for (int k = 0; k < i; k++) {
                        int rk = off + k * n;
                        double d = 0;
                        for (int j = 0; j < n; j++) {
                            d += w[ri + j] * w[rk + j];
                        }
                        for (int j = 0; j < n; j++) {
                            w[ri + j] -= d * w[rk + j];
                        }
                    }
                }
                double norm = 0;
                for (int j = 0; j < n; j++) {
                    norm += w[ri + j] * w[ri + j];
                }
                norm = Math.sqrt(norm);
                if (norm > 1e-6) {
                    for (int j = 0; j < n; j++) {
                        w[ri + j] /= norm;
                    }
                    break;
                }
            }
        }
    }
}
