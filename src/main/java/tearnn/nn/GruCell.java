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
        super(params, prefix, layer, hidden, 3, bias);
    }

    @Override
    protected void beginForward(int t, int b) {
        super.beginForward(t, b);
        act = Buffers.grow(act, t * b * 4 * hidden);
        dRec = Buffers.grow(dRec, t * b * gateRows);
    }

    @Override
    public void forward(double[] xg, int t0, int b0, double[] h0, double[] c0, double[] mask) {
        beginForward(t0, b0);
        this.mask = mask;
        int H = hidden;
        int B = batch;
        int G = gateRows;
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
                int x = (t * B + b) * G;
                int r0 = b * G;
                int a = (t * B + b) * 4 * H;
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
                    h[cur + row + j] = (1 - z) * act[a + 2 * H + j] + z * h[prev + row + j];
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
        int G = gateRows;
        int bh = B * H;
        Arrays.fill(dhPrev, 0, bh, 0.0);
        addInto(dhPrev, dhN, 0, bh);
        for (int t = steps - 1; t >= 0; t--) {
            int prev = t * bh;
            for (int i = 0; i < bh; i++) {
                dh[i] = dhPrev[i] + (dOut == null ? 0.0 : dOut[prev + i]);
            }
            for (int b = 0; b < B; b++) {
                int row = b * H;
                int x = (t * B + b) * G;
                if (padded(t, b)) {
                    Arrays.fill(dxg, x, x + G, 0.0);
                    Arrays.fill(dRec, x, x + G, 0.0);
                    continue;
                }
                int a = (t * B + b) * 4 * H;
                for (int j = 0; j < H; j++) {
                    double r = act[a + j];
                    double z = act[a + H + j];
                    double n = act[a + 2 * H + j];
                    double hn = act[a + 3 * H + j];
                    double hp = h[prev + row + j];
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
            if (cutBefore(t, truncate)) {
                Arrays.fill(dhPrev, 0, bh, 0.0);
            } else {
                recurrentInputGradient(dRec, t * B * G);
                carryPadded(t);
                for (int b = 0; b < B; b++) {
                    if (padded(t, b)) {
                        continue;
                    }
                    int a = (t * B + b) * 4 * H;
                    for (int j = 0; j < H; j++) {
                        // h' = ... + z h
                        dhPrev[b * H + j] += dh[b * H + j] * act[a + H + j];
                    }
                }
            }
        }
        recurrentWeightGradients(dRec);
        if (dh0 != null) {
            System.arraycopy(dhPrev, 0, dh0, 0, bh);
        }
        if (dc0 != null) {
            Arrays.fill(dc0, 0, bh, 0.0);
        }
    }
}
