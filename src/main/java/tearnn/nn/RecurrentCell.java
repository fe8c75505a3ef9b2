package tearnn.nn;

import java.util.Arrays;
import tearnn.math.Buffers;
import tearnn.math.MatMul;
import tearnn.math.TransAProduct;

/**
 * The recurrence of one layer: given the input pre-activations {@code xg = W_ih x + b_ih} for every
 * step, it runs {@code h_t = cell(xg_t, h_{t-1})} forward and back. Subclasses hold the equations;
 * this base holds W_hh and b_hh, the hidden-state history and the shared products.
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
    protected double[] dh = new double[0];
    protected double[] mask;
    /**
     * W_hh^T [H][G*H], the recurrent product's operand in whichever pass needs it transposed: forward
     * for small batches, backward for large ones (see {@link #SMALL_BATCH}).
     */
    private double[] wHhT = new double[0];
    private final TransAProduct weightGradient = new TransAProduct();

    protected RecurrentCell(Params params, String prefix, int layer, int hidden, int gates, boolean bias) {
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

    /**
     * Starts a forward pass over T steps of B sequences: grows the workspaces (allocating only when
     * they grow) and, for a small batch, transposes W_hh for {@link #recurrentProduct}.
     */
    protected void beginForward(int t, int b) {
        steps = t;
        batch = b;
        int bh = b * hidden;
        h = Buffers.grow(h, (t + 1) * bh);
        hg = Buffers.grow(hg, b * gateRows);
        dhPrev = Buffers.grow(dhPrev, bh);
        dh = Buffers.grow(dh, bh);
        if (axpyForward()) {
            transposeRecurrentWeights();
        }
    }

    /** Whether this forward pass reads {@link #wHhT} (small batch, several steps). */
    private boolean axpyForward() {
        return batch < SMALL_BATCH && steps >= TRANSPOSE_STEPS;
    }

    private void transposeRecurrentWeights() {
        wHhT = Buffers.grow(wHhT, gateRows * hidden);
        MatMul.transpose(wHhT, 0, params.value, wHh.offset(), gateRows, hidden);
    }


    /**
     * Runs T steps from h0 (and c0 for LSTM). {@code xg} is [T][B][G*H]; {@code h0}, {@code c0} are
     * [B][H] (null means zeros); {@code mask} is [T][B] or null.
     */
    public abstract void forward(double[] xg, int t, int b, double[] h0, double[] c0, double[] mask);

    /**
     * Backpropagates through the T steps of the last forward. Inputs: {@code dOut} [T][B][H], the
     * gradient of the outputs h_1..h_T (may be null); {@code dhN}, {@code dcN} [B][H] of the final
     * state (may be null). Writes {@code dxg} [T][B][G*H] (overwritten), {@code dh0} and {@code dc0}
     * [B][H] (overwritten, if not null); accumulates the gradients of W_hh, b_hh and any other
     * parameter of the cell into {@code params.grad}.
     */
    public abstract void backward(double[] dOut, double[] dhN, double[] dcN, int truncate,
            double[] dxg, double[] dh0, double[] dc0);

    /** The hidden states: slot t+1 (offset {@code (t+1)*B*H}) is h_t. */
    public double[] hiddenStates() {
        return h;
    }

    /** Offset in {@link #hiddenStates()} of the final state h_T. */
    public int finalOffset() {
        return steps * batch * hidden;
    }

    /** The cell states (LSTM), laid out like {@link #hiddenStates()}, or null. */
    public double[] cellStates() {
        return null;
    }

    public int hidden() {
        return hidden;
    }

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

    /** hg = h_{t-1} W_hh^T + b_hh for step t. */
    protected void recurrentProduct(int t) {
        int n = batch * gateRows;
        Arrays.fill(hg, 0, n, 0.0);
        if (axpyForward()) {
            MatMul.multAdd(hg, 0, h, t * batch * hidden, wHhT, 0, batch, gateRows, hidden);
        } else {
            MatMul.multAddTransB(hg, 0, h, t * batch * hidden, params.value, wHh.offset(), batch, gateRows, hidden);
        }
        if (bHh != null) {
            MatMul.addToRows(hg, 0, params.value, bHh.offset(), batch, gateRows);
        }
    }

    /** Call before the backward loop: for a large batch, W_hh^T, so the product below runs in dot form. */
    protected void beginBackward() {
        if (batch >= SMALL_BATCH) {
            transposeRecurrentWeights();
        }
    }

    /** dh_{t-1} = dHG_t W_hh, with dHG_t the recurrent pre-activation gradient [B][G*H] at offset. */
    protected void recurrentInputGradient(double[] dHG, int off) {
        Arrays.fill(dhPrev, 0, batch * hidden, 0.0);
        if (batch < SMALL_BATCH) {
            MatMul.multAdd(dhPrev, 0, dHG, off, params.value, wHh.offset(), batch, hidden, gateRows);
        } else {
            MatMul.multAddTransB(dhPrev, 0, dHG, off, wHhT, 0, batch, hidden, gateRows);
        }
    }

    /** dW_hh += sum_t dHG_t^T h_{t-1}, db_hh += sum of dHG, over all T steps at once. */
    protected void recurrentWeightGradients(double[] dHG) {
        int rows = steps * batch;
        weightGradient.multAdd(params.grad, wHh.offset(), dHG, 0, h, 0, gateRows, hidden, rows);
        if (bHh != null) {
            MatMul.addColumnSums(params.grad, bHh.offset(), dHG, 0, rows, gateRows);
        }
    }

    /** Whether the gradient into h_{t-1} is cut at step t (truncated backpropagation). */
    protected static boolean cutBefore(int t, int truncate) {
        return truncate > 0 && t > 0 && t % truncate == 0;
    }

    protected boolean padded(int t, int b) {
        return mask != null && mask[t * batch + b] == 0;
    }

    /** For padded rows of step t, where h_t = h_{t-1}: dh_{t-1} += dh_t. */
    protected void carryPadded(int t) {
        if (mask == null) {
            return;
        }
        for (int b = 0; b < batch; b++) {
            if (padded(t, b)) {
                for (int j = b * hidden; j < b * hidden + hidden; j++) {
                    dhPrev[j] += dh[j];
                }
            }
        }
    }

    /** Adds g[off..off+n) into the accumulator acc (null-safe). */
    protected static void addInto(double[] acc, double[] g, int off, int n) {
        if (g == null) {
            return;
        }
        for (int i = 0; i < n; i++) {
            acc[i] += g[off + i];
        }
    }
}
