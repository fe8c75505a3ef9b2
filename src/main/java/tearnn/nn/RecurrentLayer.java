package tearnn.nn;

import java.util.Arrays;
import tearnn.math.MatMul;
import tearnn.math.TransAProduct;

/**
 * One recurrent layer: the input projection {@code xg = W_ih x + b_ih}, computed for all T steps in
 * one product (or, for one-hot input, as a gather of columns of W_ih, never a V-wide multiply), and
 * the {@link RecurrentCell} that runs the recurrence on it.
 */
public final class RecurrentLayer {
    private final Params params;
    private final Tensor wIh;
    private final Tensor bIh;
    private final RecurrentCell cell;
    private final int inputSize;
    private final int gateRows;
    private final TransAProduct weightGradient = new TransAProduct();

    private int rows;
    private double[] xg = new double[0];
    private double[] dxg = new double[0];
    private double[] input;
    private int inputOff;
    private int[] tokens;

    public RecurrentLayer(Params params, String prefix, int layer, CellType type, int inputSize,
            int hidden, boolean bias, boolean peephole) {
        this.params = params;
        this.inputSize = inputSize;
        this.gateRows = type.gates * hidden;
        this.wIh = params.add(prefix + "weight_ih_l" + layer, gateRows, inputSize);
        this.bIh = bias ? params.addVector(prefix + "bias_ih_l" + layer, gateRows) : null;
        this.cell = switch (type) {
            case RNN_TANH -> new RnnCell(params, prefix, layer, hidden, bias, false);
            case RNN_RELU -> new RnnCell(params, prefix, layer, hidden, bias, true);
            case LSTM -> new LstmCell(params, prefix, layer, hidden, bias, peephole);
            case GRU -> new GruCell(params, prefix, layer, hidden, bias);
        };
        if (peephole && type != CellType.LSTM) {
            throw new IllegalArgumentException("peephole connections exist only for lstm, not " + type.id);
        }
    }

    public RecurrentCell cell() {
        return cell;
    }

    private void reserve(int t, int b) {
        rows = t * b;
        int n = rows * gateRows;
        if (xg.length < n) {
            xg = new double[n];
            dxg = new double[n];
        }
    }

    /**
     * Forward on dense input x [T][B][I] at offset xOff (kept by reference for backward), from
     * {@code initial} [B][H] (null: zeros); {@code mask} [T][B] or null.
     */
    public void forward(double[] x, int xOff, int t, int b, StatePair initial, double[] mask) {
        beginForward(x, xOff, t, b, initial, mask);
        forwardSteps(0, t);
    }

    /** Forward on one-hot input given as token indices [T][B] in [0, I): xg row = column of W_ih. */
    public void forwardOneHot(int[] tok, int t, int b, StatePair initial, double[] mask) {
        beginForwardOneHot(tok, t, b, initial, mask);
        forwardSteps(0, t);
    }

    /** Starts a forward pass on dense input (see {@link #forward}), running no step yet. */
    public void beginForward(double[] x, int xOff, int t, int b, StatePair initial, double[] mask) {
        reserve(t, b);
        input = x;
        inputOff = xOff;
        tokens = null;
        cell.beginForward(t, b, initial, mask);
    }

    /** Starts a forward pass on one-hot input (see {@link #forwardOneHot}), running no step yet. */
    public void beginForwardOneHot(int[] tok, int t, int b, StatePair initial, double[] mask) {
        reserve(t, b);
        input = null;
        tokens = tok;
        cell.beginForward(t, b, initial, mask);
    }

    /**
     * Runs steps [from, to): their input projections {@code xg = W_ih x + b_ih} (each row on its own,
     * so ranges give the same bits as all at once), then the recurrence. The input rows of these
     * steps must be there.
     */
    public void forwardSteps(int from, int to) {
        project(from * cell.batch, (to - from) * cell.batch);
        cell.forwardSteps(xg, from, to);
    }

    /** Step s of sequences [b0, b1): its input projections, then the recurrence (see {@link RecurrentCell#forwardPart}). */
    public void forwardPart(int s, int b0, int b1) {
        project(s * cell.batch + b0, b1 - b0);
        cell.forwardPart(xg, s, b0, b1);
    }

    /** xg rows [r0, r0 + n) = W_ih x + b_ih, each row on its own. */
    private void project(int r0, int n) {
        if (tokens == null) {
            Arrays.fill(xg, r0 * gateRows, (r0 + n) * gateRows, 0.0);
            MatMul.multAddTransB(xg, r0 * gateRows, input, inputOff + r0 * inputSize, params.value, wIh.offset(), n,
                    gateRows, inputSize);
        } else {
            double[] w = params.value;
            int w0 = wIh.offset();
            for (int r = r0; r < r0 + n; r++) {
                int v = tokens[r];
                int base = r * gateRows;
                for (int j = 0; j < gateRows; j++) {
                    xg[base + j] = w[w0 + j * inputSize + v];
                }
            }
        }
        if (bIh != null) {
            MatMul.addToRows(xg, r0 * gateRows, params.value, bIh.offset(), n, gateRows);
        }
    }

    /**
     * Backward through the layer (see {@link RecurrentCell#backward}): overwrites {@code dx} (if not
     * null; dense input only) with the input gradient [T][B][I] and {@code dInitial} with the initial
     * state's; accumulates dW_ih and db_ih. The same as {@link #beginBackward}, {@link #backwardSteps}
     * over all steps, {@link #weightGradients} over all rows and {@link #endBackward}.
     */
    public void backward(double[] dx, StatePair dInitial, double[] dOut, StatePair dFinal, int truncate) {
        beginBackward(dFinal);
        backwardSteps(dx, dOut, 0, cell.steps, truncate);
        weightGradients(0, gateRows);
        endBackward(dInitial);
    }

    public void beginBackward(StatePair dFinal) {
        cell.beginBackward(dFinal);
    }

    /**
     * Steps to-1 down to {@code from} back (see {@link RecurrentCell#backwardSteps}); overwrites rows
     * [from, to) of {@code dx} (dense input, if not null) with the input gradient.
     */
    public void backwardSteps(double[] dx, double[] dOut, int from, int to, int truncate) {
        cell.backwardSteps(dxg, dOut, from, to, truncate);
        inputGradient(dx, from * cell.batch, (to - from) * cell.batch);
    }

    /** Step s of sequences [b0, b1) back (see {@link RecurrentCell#backwardPart}); writes their rows of {@code dx}. */
    public void backwardPart(double[] dx, double[] dOut, int s, int b0, int b1, int truncate) {
        cell.backwardPart(dxg, dOut, s, b0, b1, truncate);
        inputGradient(dx, s * cell.batch + b0, b1 - b0);
    }

    /** dx rows [r0, r0 + n) = dxg W_ih (dense input, if dx is not null), each row on its own. */
    private void inputGradient(double[] dx, int r0, int n) {
        if (tokens == null && dx != null) {
            Arrays.fill(dx, r0 * inputSize, (r0 + n) * inputSize, 0.0);
            MatMul.multAdd(dx, r0 * inputSize, dxg, r0 * gateRows, params.value, wIh.offset(), n, inputSize, gateRows);
        }
    }

    /**
     * The gradient of the input vectors of the last backward pass, dx [T][B][I] = dxg W_ih, whatever
     * the input: for one-hot input, with respect to the one-hot vectors (all I entries), which
     * training never needs. Overwrites dx.
     */
    public void inputVectorGradient(double[] dx) {
        Arrays.fill(dx, 0, rows * inputSize, 0.0);
        MatMul.multAdd(dx, 0, dxg, 0, params.value, wIh.offset(), rows, inputSize, gateRows);
    }

    /**
     * The weight gradients of gate rows [from, to) of W_ih, b_ih, W_hh and b_hh, over all steps:
     * call after every step went back, with ranges in increasing order from 0. Each row sums over
     * the steps in the same order whatever the range, so the bits are those of all rows at once.
     */
    public void weightGradients(int from, int to) {
        cell.weightGradients(dxg, from, to);
        double[] grad = params.grad;
        if (bIh != null) {
            MatMul.addColumnSums(grad, bIh.offset() + from, dxg, from, rows, to - from, gateRows);
        }
        if (tokens != null) {
            int w0 = wIh.offset();
            for (int r = 0; r < rows; r++) {
                int v = tokens[r];
                int base = r * gateRows;
                for (int j = from; j < to; j++) {
                    grad[w0 + j * inputSize + v] += dxg[base + j];
                }
            }
            return;
        }
        if (from == 0) {
            weightGradient.prepare(dxg, 0, input, inputOff, gateRows, inputSize, rows);
        }
        weightGradient.rows(grad, wIh.offset(), from, to);
    }

    public void endBackward(StatePair dInitial) {
        cell.endBackward(dInitial);
    }

    /** Gate rows G*H: the rows of W_ih and W_hh. */
    public int gateRows() {
        return gateRows;
    }

    /** Input width I: the columns of W_ih. */
    public int inputSize() {
        return inputSize;
    }
}
