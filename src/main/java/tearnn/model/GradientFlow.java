package tearnn.model;

import tearnn.nn.RecurrentStack;

/**
 * How much gradient reached each step of each layer in a training pass: ||dL/dh_t|| of every
 * sequence, where dL/dh_t gathers what the losses at step t and after it send back to h_t (through
 * the head, the layers above and the steps after t), L being the batch's mean loss. Read as "steps
 * back from the loss": a vanilla RNN's norms fall fast as t goes back (vanishing gradients), an
 * LSTM's hold longer; a norm that grows as t goes back is a gradient exploding through time.
 *
 * <p>Held per layer, step and sequence ([L][T][B]), so that the shares of a batch computed apart (on
 * threads or workers) are put together by sequence, and the batch's mean is the same whoever
 * computed which sequence.
 */
public final class GradientFlow {
    private int layers;
    private int steps;
    private int batch;
    private double[] norms = new double[0];

    /** Empties the flow and sizes it for L layers, T steps and B sequences. */
    public void reset(int layers, int steps, int batch) {
        this.layers = layers;
        this.steps = steps;
        this.batch = batch;
        int n = layers * steps * batch;
        if (norms.length != n) {
            norms = new double[n];
        } else {
            java.util.Arrays.fill(norms, 0.0);
        }
    }

    /**
     * Copies the norms of {@code stack}'s last backward pass, over sequences that are those from
     * {@code first} on of this flow's batch.
     */
    public void take(RecurrentStack stack, int first) {
        for (int l = 0; l < layers; l++) {
            int b = stack.layer(l).cell().batch();
            if (first + b > batch || stack.steps() != steps) {
                throw new IllegalArgumentException("a pass of " + stack.steps() + " steps x " + b + " sequences from " + first
                        + " does not fit a flow of " + steps + " x " + batch);
            }
            for (int t = 0; t < steps; t++) {
                for (int j = 0; j < b; j++) {
                    norms[(l * steps + t) * batch + first + j] = stack.layer(l).cell().gradientNorm(t, j);
                }
            }
        }
    }

    public int layers() {
        return layers;
    }

    public int steps() {
        return steps;
    }

    public int batch() {
        return batch;
    }

    /** ||dL/dh_t|| of sequence b at step t of layer l. */
    public double norm(int layer, int t, int b) {
        return norms[(layer * steps + t) * batch + b];
    }

    /** The mean over the batch of ||dL/dh_t|| at step t of layer l (summed in sequence order). */
    public double mean(int layer, int t) {
        double s = 0;
        int at = (layer * steps + t) * batch;
        for (int b = 0; b < batch; b++) {
            s += norms[at + b];
        }
        return batch == 0 ? 0 : s / batch;
    }

    /** The flat norms [L][T][B] (to send, or to be added into: see {@code train.SharedStep}). */
    public double[] values() {
        return norms;
    }
}
