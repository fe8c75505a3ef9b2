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
        weightGradient.multAdd(params.grad, weight.offset(), dy, 0, x, xOff, out, in, n);
        if (dx != null) {
            Arrays.fill(dx, 0, n * in, 0.0);
            MatMul.multAdd(dx, 0, dy, 0, params.value, weight.offset(), n, in, out);
        }
    }
}
