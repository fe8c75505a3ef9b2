package tearnn.nn;

import java.util.Arrays;
import tearnn.math.Fn;

/**
 * Elman cell, PyTorch's {@code nn.RNN}:
 * <pre>
 *   h_t = act(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh),   act = tanh or relu
 * </pre>
 * One gate block (G = 1). Backward: {@code da = dh * act'(a)} with tanh' = 1 - h^2 and
 * relu' = [h > 0]; the input and recurrent pre-activation gradients are both {@code da}.
 */
public final class RnnCell extends RecurrentCell {
    private final boolean relu;

    public RnnCell(Params params, String prefix, int layer, int hidden, boolean bias, boolean relu) {
        super(params, prefix, layer, hidden, 1, bias);
        this.relu = relu;
    }

    @Override
    public void forward(double[] xg, int t0, int b0, double[] h0, double[] c0, double[] mask) {
        beginForward(t0, b0);
        this.mask = mask;
        int H = hidden;
        int B = batch;
        copyInitial(h, h0);
        for (int t = 0; t < steps; t++) {
            recurrentProduct(t);
            int prev = t * B * H;
            int cur = prev + B * H;
            for (int b = 0; b < B; b++) {
                int row = b * H;
                if (padded(t, b)) {
                    System.arraycopy(h, prev + row, h, cur + row, H);
                    continue;
                }
                int x = t * B * H + row;
                for (int j = 0; j < H; j++) {
                    double a = xg[x + j] + hg[row + j];
                    h[cur + row + j] = relu ? (a > 0 ? a : 0.0) : Fn.tanh(a);
                }
            }
        }
    }

    @Override
    public void backward(double[] dOut, double[] dhN, double[] dcN, int truncate,
            double[] dxg, double[] dh0, double[] dc0) {
        beginBackward();
        int H = hidden;
        int B = batch;
        int bh = B * H;
        Arrays.fill(dhPrev, 0, bh, 0.0);
        addInto(dhPrev, dhN, 0, bh);
        for (int t = steps - 1; t >= 0; t--) {
            // dh = dL/dh_t: from the output at t and from step t+1
            int cur = (t + 1) * bh;
            for (int i = 0; i < bh; i++) {
                dh[i] = dhPrev[i] + (dOut == null ? 0.0 : dOut[t * bh + i]);
            }
            int g = t * bh;
            for (int b = 0; b < B; b++) {
                int row = b * H;
                if (padded(t, b)) {
                    Arrays.fill(dxg, g + row, g + row + H, 0.0);
                    continue;
                }
                for (int j = 0; j < H; j++) {
                    double hv = h[cur + row + j];
                    // h = act(a)
                    dxg[g + row + j] = relu ? (hv > 0 ? dh[row + j] : 0.0) : dh[row + j] * (1 - hv * hv);
                }
            }
            if (cutBefore(t, truncate)) {
                Arrays.fill(dhPrev, 0, bh, 0.0);
            } else {
                // a = ... + W_hh h_{t-1}
                recurrentInputGradient(dxg, g);
                carryPadded(t);
            }
        }
        recurrentWeightGradients(dxg);
        if (dh0 != null) {
            System.arraycopy(dhPrev, 0, dh0, 0, bh);
        }
        if (dc0 != null) {
            Arrays.fill(dc0, 0, bh, 0.0);
        }
    }
}
