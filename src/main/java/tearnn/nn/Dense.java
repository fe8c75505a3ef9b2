package tearnn.nn;

import java.util.Arrays;
import tearnn.math.Buffers;
import tearnn.math.MatMul;

/**
 * Fully connected head, PyTorch's {@code nn.Linear}: {@code y[N][O] = x[N][H] W^T + b}, W =
 * {@code fc.weight} [O][H], b = {@code fc.bias} [O]. Backward: dW += dy^T x, db += sum of dy rows,
 * dx = dy W.
 */
public final class Dense {
    private final Params params;
    private final Tensor weight;
    private final Tensor bias;
    private final int in;
    private final int out;
    /** Transposes for backward in dot-product form: W^T [H][O], dy^T [O][N], x^T [H][N]. */
    private double[] wT = new double[0];
    private double[] dyT = new double[0];
    private double[] xT = new double[0];

    public Dense(Params params, String prefix, int in, int out, boolean bias) {
        this.params = params;
        this.in = in;
        this.out = out;
        this.weight = params.add(prefix + "weight", out, in);
        this.bias = bias ? params.addVector(prefix + "bias", out) : null;
    }

    public Tensor weight() {
        return weight;
    }

    public Tensor bias() {
        return bias;
    }

    public int in() {
        return in;
    }

    public int out() {
        return out;
    }

    /** y[n][O] = x[n][H] W^T + b, x read at xOff. Overwrites y. */
    public void forward(double[] y, double[] x, int xOff, int n) {
        Arrays.fill(y, 0, n * out, 0.0);
        MatMul.multAddTransB(y, 0, x, xOff, params.value, weight.offset(), n, out, in);
        if (bias != null) {
            MatMul.addToRows(y, 0, params.value, bias.offset(), n, out);
        }
    }

    /** Accumulates dW and db; overwrites dx[n][H] (if not null) with dy W. */
    public void backward(double[] dx, double[] dy, double[] x, int xOff, int n) {
        if (bias != null) {
            MatMul.addColumnSums(params.grad, bias.offset(), dy, 0, n, out);
        }
        if (MatMul.transAInCache(out, in, n)) {
            MatMul.multAddTransA(params.grad, weight.offset(), dy, 0, x, xOff, out, in, n);
            if (dx != null) {
                Arrays.fill(dx, 0, n * in, 0.0);
                MatMul.multAdd(dx, 0, dy, 0, params.value, weight.offset(), n, in, out);
            }
            return;
        }
        dyT = Buffers.grow(dyT, out * n);
        xT = Buffers.grow(xT, in * n);
        MatMul.transpose(dyT, 0, dy, 0, n, out);
        MatMul.transpose(xT, 0, x, xOff, n, in);
        MatMul.multAddTransB(params.grad, weight.offset(), dyT, 0, xT, 0, out, in, n);
        if (dx != null) {
            wT = Buffers.grow(wT, in * out);
            MatMul.transpose(wT, 0, params.value, weight.offset(), out, in);
            Arrays.fill(dx, 0, n * in, 0.0);
            MatMul.multAddTransB(dx, 0, dy, 0, wT, 0, n, in, out);
        }
    }

}
