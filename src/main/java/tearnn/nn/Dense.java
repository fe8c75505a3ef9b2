package tearnn.nn;

import java.util.Arrays;
import tearnn.math.MatMul;
import tearnn.math.TransAProduct;

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
    private final TransAProduct weightGradient = new TransAProduct();

    public Dense(Params params, String prefix, int in, int out, boolean bias) {
        this(params, prefix, params.add(prefix + "weight", out, in), bias);
    }

    /**
     * A layer whose weight is an existing [O][H] tensor (tied: an embedding's, used again here, so
     * both gradients add up in it), with a bias of its own; {@code prefix + "weight"} names it again.
     */
    public Dense(Params params, String prefix, Tensor weight, boolean bias) {
        this.params = params;
        this.in = weight.cols();
        this.out = weight.rows();
        this.weight = weight;
        if (params.find(prefix + "weight") != weight) {
            params.alias(prefix + "weight", weight);
        }
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
        forward(y, 0, x, xOff, n);
    }

    /** As {@link #forward(double[], double[], int, int)}, y written at yOff (each row on its own). */
    public void forward(double[] y, int yOff, double[] x, int xOff, int n) {
        Arrays.fill(y, yOff, yOff + n * out, 0.0);
        MatMul.multAddTransB(y, yOff, x, xOff, params.value, weight.offset(), n, out, in);
        if (bias != null) {
            MatMul.addToRows(y, yOff, params.value, bias.offset(), n, out);
        }
    }

    /** dx[n][H] = dy[n][O] W (at offsets; each row on its own). Overwrites those rows of dx. */
    public void inputGradient(double[] dx, int dxOff, double[] dy, int dyOff, int n) {
        Arrays.fill(dx, dxOff, dxOff + n * in, 0.0);
        MatMul.multAdd(dx, dxOff, dy, dyOff, params.value, weight.offset(), n, in, out);
    }

    /**
     * dW += dy^T x and db += the sums of dy's rows, over all n rows, for output units [from, to)
     * only: ranges in increasing order from 0 give the bits of all units at once.
     */
    public void weightGradients(double[] dy, double[] x, int xOff, int n, int from, int to) {
        if (bias != null) {
            MatMul.addColumnSums(params.grad, bias.offset() + from, dy, from, n, to - from, out);
        }
        if (from == 0) {
            weightGradient.prepare(dy, 0, x, xOff, out, in, n);
        }
        weightGradient.rows(params.grad, weight.offset(), from, to);
    }

    /** Accumulates dW and db; overwrites dx[n][H] (if not null) with dy W. */
    public void backward(double[] dx, double[] dy, double[] x, int xOff, int n) {
        weightGradients(dy, x, xOff, n, 0, out);
        if (dx != null) {
            inputGradient(dx, 0, dy, 0, n);
        }
    }
}
