package tearnn.nn;

import java.util.Arrays;
import tearnn.math.Buffers;
import tearnn.math.MatMul;
import tearnn.math.TransAProduct;

/**
 * The recurrence of one layer: given the input pre-activations {@code xg = W_ih x + b_ih} for every
 * step, it runs {@code h_t = cell(xg_t, h_{t-1})} forward and back. This base holds what every cell
 * does the same way: W_hh and b_hh and their products, the hidden-state history, padding, truncation,
 * and the loops over steps and sequences, and, for a cell that declares one (an LSTM), the cell
 * state c beside h: its history, its initial and final values and gradients, padding and truncation
 * alike. A subclass holds its equations: one step of one sequence forward ({@link #stepForward}) and
 * back ({@link #stepBackward}), side by side.
 *
 * <p>Layouts are time-major and flat: {@code xg[t][b][G*H]}, {@code h[t+1][b][H]} with slot 0 the
 * initial state, so h_{t-1} for t = 0..T-1 is one contiguous block. A {@code mask[t][b]} of 0 marks
 * padding: the state is carried through unchanged and no gradient reaches the gates.
 *
 * <p>Truncated backpropagation: with {@code truncate = k > 0} the gradient is not carried across the
 * step boundaries t = k, 2k, ...: it is as if each window of k steps started from a detached copy of
 * the state before it.
 */
public abstract class RecurrentCell {
    protected final int hidden;
    protected final int gateRows;
    protected final Params params;
    protected final Tensor wHh;
    protected final Tensor bHh;

    protected int steps;
    protected int batch;
    /** Hidden states, [T+1][B][H], slot 0 = h0. */
    protected double[] h = new double[0];
    /** Recurrent pre-activations of the current step, [B][G*H]. */
    protected double[] hg = new double[0];
    /** Gradient reaching h_{t-1} from step t, [B][H]. */
    protected double[] dhPrev = new double[0];
    /** dL/dh_t of the step being backpropagated, [B][H]. */
    protected double[] dh = new double[0];
    /** Whether the cell carries a cell state c beside h (see {@link CellType#hasCellState}). */
    private final boolean cellState;
    /** Cell states, [T+1][B][H], slot 0 = c0 (a cell that carries one only). */
    protected double[] c = new double[0];
    /** dL/dc_t of the step being backpropagated, [B][H]: a step back reads it and leaves dL/dc_{t-1} there. */
    protected double[] dc = new double[0];
    /** The gradient reaching c_{t-1}, [B][H]. */
    private double[] dcPrev = new double[0];
    /** ||dL/dh_t|| of each sequence at each step of the last backward pass, [T][B]. */
    private double[] gradientNorms = new double[0];
    private double[] mask;
    /**
     * W_hh^T [H][G*H], the recurrent product's operand in whichever pass needs it transposed: forward
     * for small batches, backward for large ones (see {@link #SMALL_BATCH}).
     */
    private double[] wHhT = new double[0];
    private final TransAProduct weightGradient = new TransAProduct();

    /**
     * A cell of {@code gates} gate blocks, with biases or not; {@code cellState}: whether it carries a
     * cell state c beside h, which this base then keeps (the cell's steps read c_{t-1} and write c_t in
     * {@link #c}, and going back read dL/dc_t from {@link #dc} and leave dL/dc_{t-1} there).
     */
    protected RecurrentCell(Params params, String prefix, int layer, int hidden, int gates, boolean bias, boolean cellState) {
        this.cellState = cellState;
        this.params = params;
        this.hidden = hidden;
        this.gateRows = gates * hidden;
        this.wHh = params.add(prefix + "weight_hh_l" + layer, gateRows, hidden);
        this.bHh = bias ? params.addVector(prefix + "bias_hh_l" + layer, gateRows) : null;
    }

    /**
     * Batches below this size run the per-step products in axpy form ({@link MatMul#multAdd}), whose
     * leftover-row blocks keep 8 sums going at once; the dot form ({@link MatMul#multAddTransB}) is
     * faster on full blocks of 4 rows. Both give the same bits. The forward pass needs W_hh^T for
     * it, worth the copy only over at least {@link #TRANSPOSE_STEPS} steps (not when sampling one
     * token at a time).
     */
    static final int SMALL_BATCH = 4;
    static final int TRANSPOSE_STEPS = 4;

    // ---------------------------------------------------------------- the loops

    /**
     * Runs T steps of B sequences. {@code xg} is [T][B][G*H]; {@code initial} [B][H] blocks (null:
     * zeros); {@code mask} [T][B] or null. The same as {@link #beginForward} then
     * {@link #forwardSteps} over all T steps.
     */
    public final void forward(double[] xg, int t, int b, StatePair initial, double[] mask) {
        beginForward(t, b, initial, mask);
        forwardSteps(xg, 0, t);
    }

    /** Starts a forward pass of T steps of B sequences (see {@link #forward}), running no step yet. */
    public final void beginForward(int t, int b, StatePair initial, double[] mask) {
        steps = t;
        batch = b;
        this.mask = mask;
        int bh = b * hidden;
        h = Buffers.grow(h, (t + 1) * bh);
        hg = Buffers.grow(hg, b * gateRows);
        dhPrev = Buffers.grow(dhPrev, bh);
        dh = Buffers.grow(dh, bh);
        gradientNorms = Buffers.grow(gradientNorms, t * b);
        growWorkspaces(t, b);
        if (axpyForward()) {
            transposeRecurrentWeights();
        }
        copyInitial(h, initial == null ? null : initial.h);
        if (cellState) {
            c = Buffers.grow(c, (t + 1) * bh);
            dc = Buffers.grow(dc, bh);
            dcPrev = Buffers.grow(dcPrev, bh);
            copyInitial(c, initial == null ? null : initial.c);
        }
    }

    /** Runs steps [from, to) of the pass begun; {@code xg} must hold their rows. */
    public final void forwardSteps(double[] xg, int from, int to) {
        for (int s = from; s < to; s++) {
            forwardPart(xg, s, 0, batch);
        }
    }

    /**
     * Runs step s of sequences [b0, b1): each sequence's step is its own (the products' rows too), so
     * a step run in parts gives the same bits as all at once. Step s-1 of these sequences must be
     * done, and {@code xg} must hold their rows of step s.
     */
    public final void forwardPart(double[] xg, int s, int b0, int b1) {
        recurrentProduct(s, b0, b1);
        for (int j = b0; j < b1; j++) {
            if (padded(s, j)) {
                carryForward(s, j);
            } else {
                stepForward(xg, s, j);
            }
        }
    }

    /**
     * Backpropagates through the T steps of the last forward. Writes {@code dxg} [T][B][G*H] (the
     * gradient of the input pre-activations, overwritten) and {@code dInitial} [B][H] (the initial
     * state's, overwritten, if not null); reads {@code dOut} [T][B][H], the gradient of the outputs
     * h_1..h_T (null: none), and {@code dFinal} [B][H], the final state's (null: zeros). Accumulates
     * the gradients of W_hh, b_hh and any other parameter of the cell into {@code params.grad}. The
     * same as {@link #beginBackward}, {@link #backwardSteps} over all steps, {@link #weightGradients}
     * over all rows and {@link #endBackward}.
     */
    public final void backward(double[] dxg, StatePair dInitial, double[] dOut, StatePair dFinal, int truncate) {
        beginBackward(dFinal);
        backwardSteps(dxg, dOut, 0, steps, truncate);
        weightGradients(dxg, 0, gateRows);
        endBackward(dInitial);
    }

    /** Starts backpropagating the last forward from the final state's gradient (null: zeros). */
    public final void beginBackward(StatePair dFinal) {
        if (batch >= SMALL_BATCH) {
            // the products in the steps back run in dot form: they read W_hh^T
            transposeRecurrentWeights();
        }
        int bh = batch * hidden;
        Arrays.fill(dhPrev, 0, bh, 0.0);
        addInto(dhPrev, dFinal == null ? null : dFinal.h, bh);
        if (cellState) {
            Arrays.fill(dcPrev, 0, bh, 0.0);
            addInto(dcPrev, dFinal == null ? null : dFinal.c, bh);
        }
    }

    /**
     * Backpropagates steps to-1 down to {@code from}, carrying the state's gradient on from the steps
     * after them (so the steps go back in ranges, the last first). {@code dOut} rows [from, to) hold
     * the outputs' gradient; {@code dxg} rows [from, to) receive the pre-activations'.
     */
    public final void backwardSteps(double[] dxg, double[] dOut, int from, int to, int truncate) {
        for (int s = to - 1; s >= from; s--) {
            backwardPart(dxg, dOut, s, 0, batch, truncate);
        }
    }

    /**
     * Step s of sequences [b0, b1) back: each sequence's step is its own, so a step back in parts
     * gives the same bits as all at once. Steps s+1 and after of these sequences must be done;
     * {@code dOut} must hold their rows of step s.
     */
    public final void backwardPart(double[] dxg, double[] dOut, int s, int b0, int b1, int truncate) {
        int i0 = b0 * hidden;
        int i1 = b1 * hidden;
        // dh = dL/dh_t: from the output at t and from step t+1; and its norm, sequence by sequence
        int off = s * batch * hidden;
        for (int j = b0; j < b1; j++) {
            double squares = 0;
            for (int i = j * hidden, end = i + hidden; i < end; i++) {
                double g = dhPrev[i] + (dOut == null ? 0.0 : dOut[off + i]);
                dh[i] = g;
                squares += g * g;
            }
            gradientNorms[s * batch + j] = Math.sqrt(squares);
        }
        if (cellState) {
            System.arraycopy(dcPrev, i0, dc, i0, i1 - i0);
        }
        for (int j = b0; j < b1; j++) {
            if (padded(s, j)) {
                skipBackward(dxg, s, j);
            } else {
                stepBackward(dxg, s, j);
            }
        }
        if (cutBefore(s, truncate)) {
            Arrays.fill(dhPrev, i0, i1, 0.0);
            if (cellState) {
                Arrays.fill(dcPrev, i0, i1, 0.0);
            }
        } else {
            recurrentInputGradient(recurrentGradients(dxg), s, b0, b1);
            carryPadded(s, b0, b1);
            endStepBackward(s, b0, b1);
            if (cellState) {
                // a padded row kept dc = dc_t unchanged: c_t = c_{t-1}
                System.arraycopy(dc, i0, dcPrev, i0, i1 - i0);
            }
        }
    }

    /**
     * ||dL/dh_t|| of sequence b at step t in the last backward pass: the gradient that reached h_t
     * from the output at t and from the steps after it (see {@code model.GradientFlow}).
     */
    public double gradientNorm(int t, int b) {
        return gradientNorms[t * batch + b];
    }

    /** Sequences B of the pass under way. */
    public int batch() {
        return batch;
    }

    /**
     * dW_hh += sum over all steps of dHG_t^T h_{t-1}, and db_hh += the sums of dHG, for the gate rows
     * [from, to) of W_hh only: each row sums over the steps in the same order whatever the range, so
     * rows done in ranges give the same bits as all at once. Call after every step went back.
     */
    public final void weightGradients(double[] dxg, int from, int to) {
        double[] dHG = recurrentGradients(dxg);
        int rows = steps * batch;
        if (from == 0) {
            weightGradient.prepare(dHG, 0, h, 0, gateRows, hidden, rows);
        }
        weightGradient.rows(params.grad, wHh.offset(), from, to);
        if (bHh != null) {
            MatMul.addColumnSums(params.grad, bHh.offset() + from, dHG, from, rows, to - from, gateRows);
        }
    }

    /** Ends the backward pass: writes the initial state's gradient into {@code dInitial} (if not null). */
    public final void endBackward(StatePair dInitial) {
        if (dInitial != null && dInitial.h != null) {
            System.arraycopy(dhPrev, 0, dInitial.h, 0, batch * hidden);
        }
        if (cellState && dInitial != null && dInitial.c != null) {
            System.arraycopy(dcPrev, 0, dInitial.c, 0, batch * hidden);
        }
    }

    /** Rows of W_hh (and of W_ih): G*H. */
    public int gateRows() {
        return gateRows;
    }

    // ---------------------------------------------------------------- what a cell says

    /** Grows the cell's own workspaces for T steps of B sequences (allocating only when they grow). */
    protected void growWorkspaces(int t, int b) {
    }

    /**
     * One step of one sequence: reads {@code xg} at (t, b), {@link #hg} row b (the recurrent
     * pre-activations) and h_{t-1}; writes h_t (slot t+1 of {@link #h}) and what backward needs.
     */
    protected abstract void stepForward(double[] xg, int t, int b);

    /** A padded step of sequence b: the state (h, and c) goes on unchanged. */
    private void carryForward(int t, int b) {
        int from = t * batch * hidden + b * hidden;
        System.arraycopy(h, from, h, from + batch * hidden, hidden);
        if (cellState) {
            System.arraycopy(c, from, c, from + batch * hidden, hidden);
        }
    }

    /** The recurrent pre-activation gradients [T][B][G*H] that reach W_hh: {@code dxg} itself, or the cell's own. */
    protected double[] recurrentGradients(double[] dxg) {
        return dxg;
    }

    /**
     * One step of one sequence back: from {@link #dh} row b (dL/dh_t) writes the pre-activation
     * gradients of (t, b) into {@code dxg} (and the recurrent ones where they differ), and
     * accumulates the gradients of the cell's own parameters.
     */
    protected abstract void stepBackward(double[] dxg, int t, int b);

    /** A padded step of sequence b: no gradient reaches its gates. */
    protected void skipBackward(double[] dxg, int t, int b) {
        int x = (t * batch + b) * gateRows;
        Arrays.fill(dxg, x, x + gateRows, 0.0);
    }

    /**
     * After dh_{t-1} = W_hh^T (recurrent gradients) for sequences [b0, b1) at step t: what else
     * reaches their h_{t-1} (a GRU's z * dh).
     */
    protected void endStepBackward(int t, int b0, int b1) {
    }

    // ---------------------------------------------------------------- shared pieces

    /** The hidden states: slot t+1 (offset {@code (t+1)*B*H}) is h_t. */
    public double[] hiddenStates() {
        return h;
    }

    /** Offset in {@link #hiddenStates()} of the final state h_T. */
    public int finalOffset() {
        return steps * batch * hidden;
    }

    /** The names of the cell's gates, in the order {@link #gate} takes them (none for a vanilla RNN). */
    public String[] gateNames() {
        return new String[0];
    }

    /** The activation of gate {@code g} (see {@link #gateNames}) of unit j at step t of sequence b, in the last forward pass. */
    public double gate(int g, int t, int b, int j) {
        throw new IllegalArgumentException("a vanilla RNN has no gates");
    }

    /** The cell states (a cell that carries them: an LSTM), laid out like {@link #hiddenStates()}, or null. */
    public double[] cellStates() {
        return cellState ? c : null;
    }

    public int hidden() {
        return hidden;
    }

    /** Whether this forward pass reads {@link #wHhT} (small batch, several steps). */
    private boolean axpyForward() {
        return batch < SMALL_BATCH && steps >= TRANSPOSE_STEPS;
    }

    private void transposeRecurrentWeights() {
        wHhT = Buffers.grow(wHhT, gateRows * hidden);
        MatMul.transpose(wHhT, 0, params.value, wHh.offset(), gateRows, hidden);
    }

    /** Slot 0 of {@code dst} = {@code init} [B][H] (null: zeros). */
    protected void copyInitial(double[] dst, double[] init) {
        int bh = batch * hidden;
        if (init == null) {
            Arrays.fill(dst, 0, bh, 0.0);
        } else {
            if (init.length < bh) {
                throw new IllegalArgumentException("initial state needs " + bh + " values, got " + init.length);
            }
            System.arraycopy(init, 0, dst, 0, bh);
        }
    }

    /** hg = h_{t-1} W_hh^T + b_hh for step t, rows of sequences [b0, b1). */
    private void recurrentProduct(int t, int b0, int b1) {
        int m = b1 - b0;
        int r = b0 * gateRows;
        int a = (t * batch + b0) * hidden;
        Arrays.fill(hg, r, r + m * gateRows, 0.0);
        if (axpyForward()) {
            MatMul.multAdd(hg, r, h, a, wHhT, 0, m, gateRows, hidden);
        } else {
            MatMul.multAddTransB(hg, r, h, a, params.value, wHh.offset(), m, gateRows, hidden);
        }
        if (bHh != null) {
            MatMul.addToRows(hg, r, params.value, bHh.offset(), m, gateRows);
        }
    }

    /**
     * dh_{t-1} = dHG_t W_hh for sequences [b0, b1), with dHG_t the recurrent pre-activation gradient
     * [B][G*H] of step t.
     */
    private void recurrentInputGradient(double[] dHG, int t, int b0, int b1) {
        int m = b1 - b0;
        int d = b0 * hidden;
        int off = (t * batch + b0) * gateRows;
        Arrays.fill(dhPrev, d, d + m * hidden, 0.0);
        if (batch < SMALL_BATCH) {
            MatMul.multAdd(dhPrev, d, dHG, off, params.value, wHh.offset(), m, hidden, gateRows);
        } else {
            MatMul.multAddTransB(dhPrev, d, dHG, off, wHhT, 0, m, hidden, gateRows);
        }
    }

    /** Whether the gradient into h_{t-1} is cut at step t (truncated backpropagation). */
    private static boolean cutBefore(int t, int truncate) {
        return truncate > 0 && t > 0 && t % truncate == 0;
    }

    protected final boolean padded(int t, int b) {
        return mask != null && mask[t * batch + b] == 0;
    }

    /** For padded rows of step t among sequences [b0, b1), where h_t = h_{t-1}: dh_{t-1} += dh_t. */
    private void carryPadded(int t, int b0, int b1) {
        if (mask == null) {
            return;
        }
        for (int b = b0; b < b1; b++) {
            if (padded(t, b)) {
                for (int j = b * hidden; j < b * hidden + hidden; j++) {
                    dhPrev[j] += dh[j];
                }
            }
        }
    }

    /** acc[0..n) += g[0..n) (g null: nothing). */
    protected static void addInto(double[] acc, double[] g, int n) {
        if (g == null) {
            return;
        }
        for (int i = 0; i < n; i++) {
            acc[i] += g[i];
        }
    }
}
