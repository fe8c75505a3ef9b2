package tearnn.model;

import java.util.Arrays;

/**
 * The output layer of a model: a full linear layer over all O outputs, or (for a big vocabulary)
 * PyTorch's adaptive softmax ({@link tearnn.nn.AdaptiveSoftmax}: the shortlist [0, cutoffs[0]), tail
 * clusters between the cutoffs, each projected to floor(H / divValue^(i+1)) units).
 *
 * @param adaptive whether it is the adaptive softmax
 * @param cutoffs  the adaptive softmax's cutoffs (empty for a full layer)
 * @param divValue how much narrower each cluster's projection is than the one before
 * @param headBias whether the adaptive softmax's head has a bias
 * @param tied     a full layer whose weight is the embedding's (Press and Wolf 2017: {@code fc.weight}
 *                 is {@code embedding.weight}; it needs embedding size = hidden size and as many
 *                 outputs as input tokens)
 */
public record OutputLayer(boolean adaptive, int[] cutoffs, double divValue, boolean headBias, boolean tied) {
    /** A full linear layer: logits for every output. */
    public static final OutputLayer FULL = new OutputLayer(false, new int[0], 4.0, false, false);
    /** A full linear layer tied to the embedding. */
    public static final OutputLayer TIED = new OutputLayer(false, new int[0], 4.0, false, true);

    public OutputLayer {
        cutoffs = cutoffs.clone();
        if (!adaptive && cutoffs.length > 0) {
            throw new IllegalArgumentException("cutoffs are for the adaptive softmax only");
        }
        if (adaptive && tied) {
            throw new IllegalArgumentException("tied embeddings need a full softmax: the adaptive softmax's clusters have"
                    + " weights of other shapes than the embedding");
        }
    }

    /** An adaptive softmax layout (not tied). */
    public OutputLayer(boolean adaptive, int[] cutoffs, double divValue, boolean headBias) {
        this(adaptive, cutoffs, divValue, headBias, false);
    }

    /** The adaptive softmax with these cutoffs, PyTorch's default div_value 4 and no head bias. */
    public static OutputLayer adaptive(int... cutoffs) {
        return new OutputLayer(true, cutoffs, 4.0, false);
    }

    @Override
    public int[] cutoffs() {
        return cutoffs.clone();
    }

    /** "softmax" or "adaptive", as the command line and the model file name them. */
    public String id() {
        return adaptive ? "adaptive" : "softmax";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputLayer l && l.adaptive == adaptive && Arrays.equals(l.cutoffs, cutoffs)
                && Double.compare(l.divValue, divValue) == 0 && l.headBias == headBias && l.tied == tied;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cutoffs) * 31 + Boolean.hashCode(adaptive) + Double.hashCode(divValue) + (headBias ? 7 : 0)
                + (tied ? 11 : 0);
    }

    @Override
    public String toString() {
        return adaptive ? "adaptive softmax (cutoffs " + Arrays.toString(cutoffs) + ", div_value " + divValue
                + (headBias ? ", head bias" : "") + ")" : tied ? "full softmax tied to the embedding" : "full softmax";
    }
}
