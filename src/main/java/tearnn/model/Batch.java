package tearnn.model;

/**
 * One batch of B sequences of T steps, time-major: element (t, b) is at index {@code t * B + b}.
 * Inputs are {@code tokens} [T][B] (token models) or {@code inputs} [T][B][I] (dense models).
 * Targets are {@code classes} (softmax loss) or {@code values} [..][O] (element-wise losses), given
 * per step ([T][B]...) or, for a many-to-one model, per sequence ([B]...). {@code mask} [T][B] holds
 * 1 for real steps and 0 for padding (null: all real); a padded step leaves the state unchanged and
 * carries no loss. The arrays are the caller's: refill them and reuse the batch.
 */
public final class Batch {
    public final int steps;
    public final int size;
    public final int[] tokens;
    public final double[] inputs;
    public final int[] classes;
    public final double[] values;
    public final double[] mask;

    public Batch(int steps, int size, int[] tokens, double[] inputs, int[] classes, double[] values, double[] mask) {
        if (steps <= 0) {
            throw new IllegalArgumentException("a batch needs at least one step, got T=" + steps);
        }
        if (size <= 0) {
            throw new IllegalArgumentException("a batch needs at least one sequence, got B=" + size);
        }
        this.steps = steps;
        this.size = size;
        this.tokens = tokens;
        this.inputs = inputs;
        this.classes = classes;
        this.values = values;
        this.mask = mask;
    }

    /** Token input with class targets at every step (a language model), no mask. */
    public static Batch ofTokens(int steps, int size, int[] tokens, int[] classes) {
        return new Batch(steps, size, tokens, null, classes, null, null);
    }

    /** Dense input with value targets, no mask. */
    public static Batch ofVectors(int steps, int size, double[] inputs, double[] values) {
        return new Batch(steps, size, null, inputs, null, values, null);
    }

    public Batch withMask(double[] m) {
        return new Batch(steps, size, tokens, inputs, classes, values, m);
    }
}
