package tearnn.model;

/**
 * One batch of B sequences of T steps, time-major: element (t, b) is at index {@code t * B + b}.
 * Inputs are {@code tokens} [T][B] (token models) or {@code inputs} [T][B][I] (dense models).
 * Targets are {@code classes} (softmax loss) or {@code values} [..][O] (element-wise losses), given
 * per step ([T][B]...) or, for a many-to-one model, per sequence ([B]...). {@code mask} [T][B] holds
 * 1 for real steps and 0 for padding (null: all real); a padded step leaves the state unchanged and
 * carries no loss. The arrays are the caller's: refill them and reuse the batch.
 *
 * <p>A translator's batch ({@link #ofPairs}) holds source {@code tokens} [T][B] with their
 * {@code mask}, and the target: the decoder's input tokens {@code targetTokens} [T'][B] (a start token,
 * then the target's tokens but the last), the {@code classes} [T'][B] it should predict (the target's
 * tokens, then an end token), and {@code targetMask} [T'][B]; T' is {@code targetSteps} (0 for other
 * batches).
 */
public final class Batch {
    public final int steps;
    public final int size;
    public final int[] tokens;
    public final double[] inputs;
    public final int[] classes;
    public final double[] values;
    public final double[] mask;
    public final int targetSteps;
    public final int[] targetTokens;
    public final double[] targetMask;

    public Batch(int steps, int size, int[] tokens, double[] inputs, int[] classes, double[] values, double[] mask) {
        this(steps, size, tokens, inputs, classes, values, mask, 0, null, null);
    }

    private Batch(int steps, int size, int[] tokens, double[] inputs, int[] classes, double[] values, double[] mask,
            int targetSteps, int[] targetTokens, double[] targetMask) {
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
        if (targetSteps < 0 || (targetSteps > 0) != (targetTokens != null)) {
            throw new IllegalArgumentException("a translator's batch needs target steps and tokens, got T'=" + targetSteps);
        }
        this.targetSteps = targetSteps;
        this.targetTokens = targetTokens;
        this.targetMask = targetMask;
    }

    /**
     * A translator's batch: {@code sources} [T][B] with {@code sourceMask} (null: all real), the
     * decoder's {@code inputs} [T'][B], the {@code targets} [T'][B] and {@code targetMask} (null: all real).
     */
    public static Batch ofPairs(int steps, int size, int[] sources, double[] sourceMask, int targetSteps, int[] inputs,
            int[] targets, double[] targetMask) {
        if (targetSteps <= 0) {
            throw new IllegalArgumentException("a translator's batch needs at least one target step, got T'=" + targetSteps);
        }
        return new Batch(steps, size, sources, null, targets, null, sourceMask, targetSteps, inputs, targetMask);
    }

    /** Whether this is a translator's batch (source and target). */
    public boolean pairs() {
        return targetSteps > 0;
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
        return new Batch(steps, size, tokens, inputs, classes, values, m, targetSteps, targetTokens, targetMask);
    }
}
