package tearnn.model;

/**
 * A batch cut by sequence into N shares, for computing its gradient in parts side by side: share i
 * holds sequences [first(i), first(i + 1)) in a batch (and a state) of its own, laid out as any batch,
 * with its inputs, targets and mask. The shares are as equal as they can be (sizes differ by at most
 * one), and there are never more shares than sequences. The share batches are made once and refilled
 * by {@link #split}, so a step allocates nothing.
 */
public final class BatchShares {
    private final Architecture arch;
    private final int steps;
    private final int size;
    private final int[] first;
    private final Batch[] parts;
    private final State[] states;
    /** Whether the whole batch had inputs, targets, a mask (the shares have the same). */
    private final boolean tokens;
    private final boolean inputs;
    private final boolean classes;
    private final boolean values;
    private final boolean mask;
    /** A translator's batches: the target's steps (0: none), and whether they have a target mask. */
    private final int targetSteps;
    private final boolean targetMask;

    /** Shares of batches shaped as {@code like} (its steps, size and arrays), for a model of {@code arch}. */
    public BatchShares(Architecture arch, Batch like, int shares) {
        if (shares < 1) {
            throw new IllegalArgumentException("a batch is cut into at least one share, got " + shares);
        }
        this.arch = arch;
        this.steps = like.steps;
        this.size = like.size;
        int n = Math.min(shares, size);
        this.tokens = like.tokens != null;
        this.inputs = like.inputs != null;
        this.classes = like.classes != null;
        this.values = like.values != null;
        this.mask = like.mask != null;
        this.targetSteps = like.targetSteps;
        this.targetMask = like.targetMask != null;
        first = new int[n + 1];
        parts = new Batch[n];
        states = new State[n];
        int targetRows = targetRows();
        for (int i = 0; i <= n; i++) {
            first[i] = (int) ((long) i * size / n);
        }
        for (int i = 0; i < n; i++) {
            int b = first[i + 1] - first[i];
            parts[i] = targetSteps > 0 ? Batch.ofPairs(steps, b, new int[steps * b], mask ? new double[steps * b] : null,
                    targetSteps, new int[targetSteps * b], new int[targetSteps * b], targetMask ? new double[targetSteps * b] : null)
                    : new Batch(steps, b, tokens ? new int[steps * b] : null,
                    inputs ? new double[steps * b * arch.inputSize()] : null,
                    classes ? new int[targetRows * b] : null,
                    values ? new double[targetRows * b * arch.outputs()] : null,
                    mask ? new double[steps * b] : null);
            states[i] = new State(arch.layers(), b, arch.hidden(), arch.cell().hasCellState());
        }
    }

    /** Rows of targets per sequence: a translator's target steps, 1 (many-to-one) or the steps. */
    private int targetRows() {
        return targetSteps > 0 ? targetSteps : arch.lastStepOnly() ? 1 : steps;
    }

    /** The number of shares. */
    public int count() {
        return parts.length;
    }

    /** The index in the whole batch of share i's first sequence. */
    public int first(int i) {
        return first[i];
    }

    /** Share i's batch (filled by {@link #split}). */
    public Batch part(int i) {
        return parts[i];
    }

    /** Share i's state (filled by {@link #split}, read back by {@link #join}). */
    public State state(int i) {
        return states[i];
    }

    /** Whether {@code b} has the shape these shares were made for. */
    public boolean fits(Batch b) {
        return b.steps == steps && b.size == size && (b.tokens != null) == tokens && (b.inputs != null) == inputs
                && (b.classes != null) == classes && (b.values != null) == values && (b.mask != null) == mask
                && b.targetSteps == targetSteps && (b.targetMask != null) == targetMask;
    }

    /** Copies each share's sequences of {@code whole} (and of {@code state}, if not null) into its own batch and state. */
    public void split(Batch whole, State state) {
        if (!fits(whole)) {
            throw new IllegalArgumentException("these shares are for batches of " + steps + " steps x " + size
                    + " sequences, got " + whole.steps + " x " + whole.size);
        }
        int in = arch.inputSize();
        int out = arch.outputs();
        int targetRows = targetRows();
        for (int i = 0; i < parts.length; i++) {
            Batch p = parts[i];
            int b0 = first[i];
            int b = p.size;
            for (int t = 0; t < steps; t++) {
                int from = t * size + b0;
                int to = t * b;
                if (tokens) {
                    System.arraycopy(whole.tokens, from, p.tokens, to, b);
                }
                if (inputs) {
                    System.arraycopy(whole.inputs, from * in, p.inputs, to * in, b * in);
                }
                if (mask) {
                    System.arraycopy(whole.mask, from, p.mask, to, b);
                }
            }
            for (int t = 0; t < targetRows; t++) {
                int from = t * size + b0;
                int to = t * b;
                if (classes) {
                    System.arraycopy(whole.classes, from, p.classes, to, b);
                }
                if (values) {
                    System.arraycopy(whole.values, from * out, p.values, to * out, b * out);
                }
                if (targetSteps > 0) {
                    System.arraycopy(whole.targetTokens, from, p.targetTokens, to, b);
                }
                if (targetMask) {
                    System.arraycopy(whole.targetMask, from, p.targetMask, to, b);
                }
            }
            if (state != null) {
                copyState(state, b0, states[i], false);
            }
        }
    }

    /** Copies each share's final state back into the whole batch's {@code state}. */
    public void join(State state) {
        for (int i = 0; i < parts.length; i++) {
            copyState(state, first[i], states[i], true);
        }
    }

    /** Copies share i's final state into the whole batch's {@code state} (its sequences only). */
    public void join(int i, State state) {
        copyState(state, first[i], states[i], true);
    }

    /** Copies sequences [b0, b0 + share's size) of {@code whole} into {@code share}, or back. */
    private void copyState(State whole, int b0, State share, boolean back) {
        int h = arch.hidden();
        int b = share.batch;
        for (int l = 0; l < arch.layers(); l++) {
            int w = (l * size + b0) * h;
            int s = l * b * h;
            copy(whole.h, w, share.h, s, b * h, back);
            if (whole.c != null) {
                copy(whole.c, w, share.c, s, b * h, back);
            }
        }
    }

    private static void copy(double[] whole, int w, double[] share, int s, int n, boolean back) {
        if (back) {
            System.arraycopy(share, s, whole, w, n);
        } else {
            System.arraycopy(whole, w, share, s, n);
        }
    }
}
