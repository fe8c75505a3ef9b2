package tearnn.nn;

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
    /** tanh(c_t), [T][B][H]. */
    private double[] tanhC = new double[0];
    /** Gate activations i, f, g, o, [T][B][4H]. */
    private double[] act = new double[0];

    public LstmCell(Params params, String prefix, int layer, int hidden, boolean bias, boolean peephole) {
        super(params, prefix, layer, hidden, 4, bias, true);
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
    protected void growWorkspaces(int t, int b) {
        tanhC = Buffers.grow(tanhC, t * b * hidden);
        act = Buffers.grow(act, t * b * gateRows);
    }

    private static final String[] GATES = {"i", "f", "g", "o"};

    @Override
    public String[] gateNames() {
        return GATES.clone();
    }

    @Override
    public double gate(int g, int t, int b, int j) {
        return act[(t * batch + b) * gateRows + g * hidden + j];
    }

    @Override
    protected void stepForward(double[] xg, int t, int b) {
        int H = hidden;
        int x = (t * batch + b) * gateRows;
        int r = b * gateRows;
        int cPrev = t * batch * H + b * H;
        int cCur = cPrev + batch * H;
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
    protected void stepBackward(double[] dxg, int t, int b) {
        int H = hidden;
        int row = b * H;
        int x = (t * batch + b) * gateRows;
        int prev = t * batch * H;
        int cur = prev + batch * H;
        double[] p = params.value;
        double[] grad = params.grad;
        boolean peep = peepI != null;
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
}
