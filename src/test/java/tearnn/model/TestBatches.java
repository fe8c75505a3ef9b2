package tearnn.model;

import tearnn.loss.LossKind;
import tearnn.math.Rng;

/** Random batches for the tests of training passes. */
public final class TestBatches {
    private TestBatches() {
    }

    /**
     * A batch of random inputs and targets for a model of {@code a}: T steps, B sequences; masked,
     * sequence 2 ends after 4 steps and sequence 0 skips step 3.
     */
    public static Batch batch(Architecture a, Rng rng, boolean masked, int T, int B) {
        int n = T * B;
        int[] tokens = null;
        double[] inputs = null;
        if (a.input().tokens()) {
            tokens = new int[n];
            for (int i = 0; i < n; i++) {
                tokens[i] = rng.nextInt(a.inputSize());
            }
        } else {
            inputs = new double[n * a.inputSize()];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = rng.uniform(-1, 1);
            }
        }
        int rows = a.lastStepOnly() ? B : n;
        int[] classes = null;
        double[] values = null;
        if (a.loss() == LossKind.SOFTMAX_CE) {
            classes = new int[rows];
            for (int i = 0; i < rows; i++) {
                classes[i] = rng.nextInt(a.outputs());
            }
        } else {
            values = new double[rows * a.outputs()];
            for (int i = 0; i < values.length; i++) {
                values[i] = a.loss() == LossKind.SIGMOID_BCE ? rng.nextInt(2) : rng.uniform(-1, 1);
            }
        }
        double[] mask = null;
        if (masked) {
            mask = new double[n];
            java.util.Arrays.fill(mask, 1);
            for (int t = 4; t < T; t++) {
                mask[t * B + 2] = 0;
            }
            mask[3 * B] = 0;
        }
        return new Batch(T, B, tokens, inputs, classes, values, mask);
    }
}
