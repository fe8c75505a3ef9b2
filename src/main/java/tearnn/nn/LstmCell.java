package tearnn.nn;

import java.util.Arrays;
import tearnn.math.Buffers;
import tearnn.math.Fn;

/**
 * Long short-term memory, PyTorch's {@code nn.LSTM}; gate rows in the order i, f, g, o (G = 4):
 * <pre>
 *   i = sigmoid(W_ii x + b_ii + W_hi h + b_hi  [+ p_i * c_{t-1}])
 *   f = sigmoid(W_if x + b_if + W_hf h + b_hf  [+ p_f * c_{t-1}])
 *   g = tanh   (W_ig x + b_ig + W_hg h + b_hg)
 *   c' = f * c + i * g
 *   o = sigmoid(W_io x + b_io + W_ho h + b_ho  [+ p_o * c'])
 *   h' = o * tanh(c')
 * </pre>
 * The bracketed peephole terms (vectors p_i, p_f, p_o, Gers and Schmidhuber 2000) are an option;
 * PyTorch has none, so they are saved as {@code peephole_i_l{k}} etc.
 *
 * <p>Backward, for one step, given dh' and dc' from above:
 * <pre>
 *   do = dh' * tanh(c');  dc' += dh' * o * (1 - tanh(c')^2);  da_o = do * o (1 - o);  dc' += da_o p_o
 *   da_i = dc' g i (1 - i);  da_g = dc' i (1 - g^2);  da_f = dc' c f (1 - f)
 *   dc = dc' f + da_i p_i + da_f p_f;  dh = W_hh^T da
 * </pre>
 */
public final class LstmCell extends RecurrentCell {
    private final Tensor peepI;
    private final Tensor peepF;
    private final Tensor peepO;
    /** Cell states, [T+1][B][H], slot 0 = c0. */
    private double[] c = new double[0];
    /** tanh(c_t), [T][B][H]. */
    private double[] tanhC = new double[0];
    /** Gate activations i, f, g, o, [T][B][4H]. */
    private double[] act = new double[0];
    private double[] dc = new double[0];
    private double[] dcPrev = new double[0];

    public LstmCell(Params params, String prefix, int layer, int hidden, boolean bias, boolean peephole) {
        super(params, prefix, layer, hidden, 4, bias);
        if (peephole) {
            peepI = params.addVector(prefix + "peephole_i_l" + layer, hidden);
            peepF = params.addVector(prefix + "peephole_f_l" + layer, hidden);
            peepO = params.addVector(prefix + "peephole_o_l" + layer, hidden);
        } else {
            peepI = null;
            peepF = null;
            peepO = null;
        }
    }

    @Override
    protected void beginForward(int t, int b) {
        super.beginForward(t, b);
        int bh = b * hidden;
        c = Buffers.grow(c, (t + 1) * bh);
        tanhC = Buffers.grow(tanhC, t * bh);
        act = Buffers.grow(act, t * b * gateRows);
        dc = Buffers.grow(dc, bh);
        dcPrev = Buffers.grow(dcPrev, bh);
    }

    @Override
    public double[] cellStates() {
        return c;
    }

    @Override
    public void forward(double[] xg, int t0, int b0, double[] h0, double[] c0, double[] mask) {
        beginForward(t0, b0);
        this.mask = mask;
        int H = hidden;
        int B = batch;
        int G = gateRows;
        copyInitial(h, h0);
        copyInitial(c, c0);
        for (int t = 0; t < steps; t++) {
            recurrentProduct(t);
            int prev = t * B * H;
            int cur = prev + B * H;
            for (int b = 0; b < B; b++) {
                int row = b * H;
                if (padded(t, b)) {
                    System.arraycopy(h, prev + row, h, cur + row, H);
                    System.arraycopy(c, prev + row, c, cur + row, H);
                    continue;
                }
                int x = (t * B + b) * G;
                int r = b * G;
                int cPrev = prev + row;
                int cCur = cur + row;
                // one loop per gate: its activations are independent, so the processor overlaps
                // them (one long loop body per unit would make each unit wait on the last)
                sigmoidGate(xg, x, r, 0, peepI, cPrev);
                sigmoidGate(xg, x, r, H, peepF, cPrev);
                for (int j = 2 * H; j < 3 * H; j++) {
                    act[x + j] = Fn.tanh(xg[x + j] + hg[r + j]);
                }
                for (int j = 0; j < H; j++) {
                    c[cCur + j] = act[x + H + j] * c[cPrev + j] + act[x + j] * act[x + 2 * H + j];
                }
                sigmoidGate(xg, x, r, 3 * H, peepO, cCur);
                for (int j = 0; j < H; j++) {
                    double tc = Fn.tanh(c[cCur + j]);
                    tanhC[cPrev + j] = tc;
                    h[cCur + j] = act[x + 3 * H + j] * tc;
                }
            }
        }
    }

    /**
     * One sigmoid gate of one sequence: act[x+from+j] = sigmoid(xg + hg [+ peephole_j * c[cAt+j]])
     * for j in [0, H); {@code peephole} null for none.
     */
    private void sigmoidGate(double[] xg, int x, int r, int from, Tensor peephole, int cAt) {
        double[] p = params.value;
        int start = x + from;
        int rec = r + from;
        for (int j = 0; j < hidden; j++) {
            double a = xg[start + j] + hg[rec + j];
            if (peephole != null) {
                a += p[peephole.offset() + j] * c[cAt + j];
            }
            act[start + j] = Fn.sigmoid(a);
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
        double[] p = params.value;
        double[] grad = params.grad;
        boolean peep = peepI != null;
        Arrays.fill(dhPrev, 0, bh, 0.0);
        Arrays.fill(dcPrev, 0, bh, 0.0);
        addInto(dhPrev, dhN, 0, bh);
        addInto(dcPrev, dcN, 0, bh);
        for (int t = steps - 1; t >= 0; t--) {
            int prev = t * bh;
            int cur = prev + bh;
            for (int i = 0; i < bh; i++) {
                dh[i] = dhPrev[i] + (dOut == null ? 0.0 : dOut[prev + i]);
                dc[i] = dcPrev[i];
            }
            for (int b = 0; b < B; b++) {
                int row = b * H;
                int x = (t * B + b) * G;
                if (padded(t, b)) {
                    Arrays.fill(dxg, x, x + G, 0.0);
                    continue;
                }
                for (int j = 0; j < H; j++) {
                    int k = row + j;
                    double i = act[x + j];
                    double f = act[x + H + j];
                    double g = act[x + 2 * H + j];
                    double o = act[x + 3 * H + j];
                    double tc = tanhC[prev + k];
                    double cp = c[prev + k];
                    double dhv = dh[k];
                    // h' = o * tanh(c')
                    double dao = dhv * tc * o * (1 - o);
                    double dcv = dc[k] + dhv * o * (1 - tc * tc);
                    if (peep) {
                        // a_o += p_o * c'
                        dcv += dao * p[peepO.offset() + j];
                        grad[peepO.offset() + j] += dao * c[cur + k];
                    }
                    // c' = f * c + i * g
                    double dai = dcv * g * i * (1 - i);
                    double daf = dcv * cp * f * (1 - f);
                    double dag = dcv * i * (1 - g * g);
                    double dcp = dcv * f;
                    if (peep) {
                        // a_i += p_i * c, a_f += p_f * c
                        dcp += dai * p[peepI.offset() + j] + daf * p[peepF.offset() + j];
                        grad[peepI.offset() + j] += dai * cp;
                        grad[peepF.offset() + j] += daf * cp;
                    }
                    dc[k] = dcp;
                    dxg[x + j] = dai;
                    dxg[x + H + j] = daf;
                    dxg[x + 2 * H + j] = dag;
                    dxg[x + 3 * H + j] = dao;
                }
            }
            if (cutBefore(t, truncate)) {
                Arrays.fill(dhPrev, 0, bh, 0.0);
                Arrays.fill(dcPrev, 0, bh, 0.0);
            } else {
                // a = ... + W_hh h_{t-1}
                recurrentInputGradient(dxg, t * B * G);
                carryPadded(t);
                // padded rows kept dc[k] = dc_t unchanged: c_t = c_{t-1}
                System.arraycopy(dc, 0, dcPrev, 0, bh);
            }
        }
        recurrentWeightGradients(dxg);
        if (dh0 != null) {
            System.arraycopy(dhPrev, 0, dh0, 0, bh);
        }
        if (dc0 != null) {
            System.arraycopy(dcPrev, 0, dc0, 0, bh);
        }
    }
}
