package tearnn.nn;

import java.util.Arrays;
import tearnn.math.Buffers;
import tearnn.math.Fn;

/**
 * Gated recurrent unit, PyTorch's {@code nn.GRU} variant (reset gate applied after the recurrent
 * product); gate rows in the order r, z, n (G = 3):
 * <pre>
 *   r  = sigmoid(W_ir x + b_ir + W_hr h + b_hr)
 *   z  = sigmoid(W_iz x + b_iz + W_hz h + b_hz)
 *   n  = tanh(W_in x + b_in + r * (W_hn h + b_hn))
 *   h' = (1 - z) * n + z * h
 * </pre>
 * Backward, for one step, given dh':
 * <pre>
 *   da_n = dh' (1 - z)(1 - n^2);  da_z = dh' (h - n) z (1 - z);  da_r = da_n (W_hn h + b_hn) r (1 - r)
 *   input pre-activation gradients:     [da_r, da_z, da_n]
 *   recurrent pre-activation gradients: [da_r, da_z, da_n * r]
 *   dh = dh' z + W_hh^T (recurrent gradients)
 * </pre>
 */
public final class GruCell extends RecurrentCell {
    /** Gate activations r, z, n and the recurrent candidate term W_hn h + b_hn, [T][B][4H]. */
    private double[] act = new double[0];
    /** Recurrent pre-activation gradients, [T][B][3H]. */
    private double[] dRec = new double[0];

    public GruCell(Params params, String prefix, int layer, int hidden, boolean bias) {
        super(params, prefix, layer, hidden, 3, bias, false);
    }

    @Override
    protected void growWorkspaces(int t, int b) {
        act = Buffers.grow(act, t * b * 4 * hidden);
        dRec = Buffers.grow(dRec, t * b * gateRows);
    }

    private static final String[] GATES = {"r", "z", "n"};

    @Override
    public String[] gateNames() {
        return GATES.clone();
    }

    @Override
    public double gate(int g, int t, int b, int j) {
        return act[(t * batch + b) * 4 * hidden + g * hidden + j];
    }

    @Override
    protected void stepForward(double[] xg, int t, int b) {
        int H = hidden;
        int row = b * H;
        int prev = t * batch * H + row;
        int cur = prev + batch * H;
        int x = (t * batch + b) * gateRows;
        int r0 = b * gateRows;
        int a = (t * batch + b) * 4 * H;
        // one loop per activation: independent values, which the processor overlaps
        for (int j = 0; j < 2 * H; j++) {
            act[a + j] = Fn.sigmoid(xg[x + j] + hg[r0 + j]); // r, then z
        }
        for (int j = 0; j < H; j++) {
            double hn = hg[r0 + 2 * H + j];
            act[a + 3 * H + j] = hn;
            act[a + 2 * H + j] = Fn.tanh(xg[x + 2 * H + j] + act[a + j] * hn);
        }
        for (int j = 0; j < H; j++) {
            double z = act[a + H + j];
            h[cur + j] = (1 - z) * act[a + 2 * H + j] + z * h[prev + j];
        }
    }

    @Override
    protected double[] recurrentGradients(double[] dxg) {
        return dRec;
    }

    @Override
    protected void stepBackward(double[] dxg, int t, int b) {
        int H = hidden;
        int row = b * H;
        int prev = t * batch * H + row;
        int x = (t * batch + b) * gateRows;
        int a = (t * batch + b) * 4 * H;
        for (int j = 0; j < H; j++) {
            double r = act[a + j];
            double z = act[a + H + j];
            double n = act[a + 2 * H + j];
            double hn = act[a + 3 * H + j];
            double hp = h[prev + j];
            double dhv = dh[row + j];
            // h' = (1 - z) n + z h
            double dan = dhv * (1 - z) * (1 - n * n);
            double daz = dhv * (hp - n) * z * (1 - z);
            // n = tanh(x_n + r * hn)
            double dar = dan * hn * r * (1 - r);
            dxg[x + j] = dar;
            dxg[x + H + j] = daz;
            dxg[x + 2 * H + j] = dan;
            dRec[x + j] = dar;
            dRec[x + H + j] = daz;
            dRec[x + 2 * H + j] = dan * r;
        }
    }

    @Override
    protected void skipBackward(double[] dxg, int t, int b) {
        super.skipBackward(dxg, t, b);
        int x = (t * batch + b) * gateRows;
        Arrays.fill(dRec, x, x + gateRows, 0.0);
    }

    @Override
    protected void endStepBackward(int t, int b0, int b1) {
        for (int b = b0; b < b1; b++) {
            if (padded(t, b)) {
                continue;
            }
            int a = (t * batch + b) * 4 * hidden;
            for (int j = 0; j < hidden; j++) {
                // h' = ... + z h
                dhPrev[b * hidden + j] += dh[b * hidden + j] * act[a + hidden + j];
            }
        }
    }
}
