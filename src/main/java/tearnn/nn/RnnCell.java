package tearnn.nn;

import tearnn.math.Fn;

/**
 * Elman cell, PyTorch's {@code nn.RNN}, one gate block (G = 1):
 * <pre>
 *   forward:   a = W_ih x_t + b_ih + W_hh h_{t-1} + b_hh;   h_t = act(a),   act = tanh or relu
 *   backward:  da = dh_t act'(a), with tanh' = 1 - h_t^2 and relu' = [h_t > 0];
 *              the input and the recurrent pre-activation gradients are both da
 * </pre>
 */
public final class RnnCell extends RecurrentCell {
    private final boolean relu;

    public RnnCell(Params params, String prefix, int layer, int hidden, boolean bias, boolean relu) {
        super(params, prefix, layer, hidden, 1, bias, false);
        this.relu = relu;
    }

    @Override
    protected void stepForward(double[] xg, int t, int b) {
        int row = b * hidden;
        int x = t * batch * hidden + row;
        int cur = (t + 1) * batch * hidden + row;
        for (int j = 0; j < hidden; j++) {
            double a = xg[x + j] + hg[row + j];
            h[cur + j] = relu ? (a > 0 ? a : 0.0) : Fn.tanh(a);
        }
    }

    @Override
    protected void stepBackward(double[] dxg, int t, int b) {
        int row = b * hidden;
        int x = t * batch * hidden + row;
        int cur = (t + 1) * batch * hidden + row;
        for (int j = 0; j < hidden; j++) {
            double hv = h[cur + j];
            // h = act(a)
            dxg[x + j] = relu ? (hv > 0 ? dh[row + j] : 0.0) : dh[row + j] * (1 - hv * hv);
        }
    }
}
