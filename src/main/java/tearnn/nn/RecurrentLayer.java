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
        reserve(t, b);
        input = x;
        inputOff = xOff;
        tokens = null;
        Arrays.fill(xg, 0, rows * gateRows, 0.0);
        MatMul.multAddTransB(xg, 0, x, xOff, params.value, wIh.offset(), rows, gateRows, inputSize);
        addInputBias();
        cell.forward(xg, t, b, initial, mask);
    }

    /** Forward on one-hot input given as token indices [T][B] in [0, I): xg row = column of W_ih. */
    public void forwardOneHot(int[] tok, int t, int b, StatePair initial, double[] mask) {
        reserve(t, b);
        input = null;
        tokens = tok;
        double[] w = params.value;
        int w0 = wIh.offset();
        for (int r = 0; r < rows; r++) {
            int v = tok[r];
            int base = r * gateRows;
            for (int j = 0; j < gateRows; j++) {
                xg[base + j] = w[w0 + j * inputSize + v];
            }
        }
        addInputBias();
        cell.forward(xg, t, b, initial, mask);
    }

    private void addInputBias() {
        if (bIh != null) {
            MatMul.addToRows(xg, 0, params.value, bIh.offset(), rows, gateRows);
        }
    }

    /**
     * Backward through the layer (see {@link RecurrentCell#backward}): overwrites {@code dx} (if not
     * null; dense input only) with the input gradient [T][B][I] and {@code dInitial} with the initial
     * state's; accumulates dW_ih and db_ih.
     */
    public void backward(double[] dx, StatePair dInitial, double[] dOut, StatePair dFinal, int truncate) {
        cell.backward(dxg, dInitial, dOut, dFinal, truncate);
        double[] grad = params.grad;
        if (bIh != null) {
            MatMul.addColumnSums(grad, bIh.offset(), dxg, 0, rows, gateRows);
        }
        if (tokens != null) {
            int w0 = wIh.offset();
            for (int r = 0; r < rows; r++) {
                int v = tokens[r];
                int base = r * gateRows;
                for (int j = 0; j < gateRows; j++) {
                    grad[w0 + j * inputSize + v] += dxg[base + j];
                }
            }
            return;
        }
        weightGradient.multAdd(grad, wIh.offset(), dxg, 0, input, inputOff, gateRows, inputSize, rows);
        if (dx != null) {
            Arrays.fill(dx, 0, rows * inputSize, 0.0);
            MatMul.multAdd(dx, 0, dxg, 0, params.value, wIh.offset(), rows, inputSize, gateRows);
        }
    }
}
