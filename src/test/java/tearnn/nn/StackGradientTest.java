package tearnn.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tearnn.math.Rng;
import tearnn.testing.GradCheck;

/**
 * Finite-difference checks of the recurrent stack: every parameter, the input and the initial states,
 * for every cell, stacked, with masks, dropout (fixed seed) and truncated backpropagation.
 */
class StackGradientTest {
    static final int I = 3;
    static final int H = 4;
    static final int T = 6;
    static final int B = 2;

    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of(CellType.RNN_TANH, false, 1),
                Arguments.of(CellType.RNN_RELU, false, 2),
                Arguments.of(CellType.LSTM, false, 2),
                Arguments.of(CellType.LSTM, true, 2),
                Arguments.of(CellType.GRU, false, 2),
                Arguments.of(CellType.GRU, false, 1));
    }

    /** A stack with random parameters and the linear loss sum(out R) + sum(hN RH) + sum(cN RC). */
    static final class Setup {
        final CellType type;
        final int layers;
        final Params params = new Params();
        final RecurrentStack stack;
        final Rng rng = new Rng(7);
        final double[] x = new double[T * B * I];
        final double[] h0;
        final double[] c0;
        final double[] r = new double[T * B * H];
        final double[] rh;
        final double[] rc;
        double[] mask;
        double dropout;
        /** The seed of the dropout masks (every forward draws the same ones). */
        int dropoutSeed;

        Setup(CellType type, boolean peephole, int layers, boolean bias) {
            this.type = type;
            this.layers = layers;
            stack = new RecurrentStack(params, "rnn.", type, I, H, layers, bias, peephole);
            params.allocate();
            fill(params.value, 0.7);
            fill(x, 1.0);
            h0 = new double[layers * B * H];
            c0 = new double[layers * B * H];
            rh = new double[layers * B * H];
            rc = new double[layers * B * H];
            fill(h0, 0.8);
            fill(c0, 0.8);
            fill(r, 1.0);
            fill(rh, 1.0);
            fill(rc, 1.0);
        }

        void fill(double[] a, double scale) {
            for (int i = 0; i < a.length; i++) {
                a[i] = rng.uniform(-scale, scale);
            }
        }

        /** Loss of the steps [from, to) started from the given states. */
        double loss(int from, int to, double[] hs, double[] cs, boolean finalTerms) {
            int n = to - from;
            double[] xs = new double[n * B * I];
            System.arraycopy(x, from * B * I, xs, 0, xs.length);
            double[] m = null;
            if (mask != null) {
                m = new double[n * B];
                System.arraycopy(mask, from * B, m, 0, m.length);
            }
            stack.forward(xs, n, B, new StatePair(hs, cs), m, dropout, dropoutSeed, 0);
            double s = 0;
            double[] out = stack.output();
            int off = stack.outputOffset();
            for (int i = 0; i < n * B * H; i++) {
                s += out[off + i] * r[from * B * H + i];
            }
            if (finalTerms) {
                double[] hN = new double[layers * B * H];
                double[] cN = new double[layers * B * H];
                stack.finalState(new StatePair(hN, cN));
                for (int i = 0; i < hN.length; i++) {
                    s += hN[i] * rh[i] + (type == CellType.LSTM ? cN[i] * rc[i] : 0);
                }
            }
            return s;
        }

        double fullLoss() {
            return loss(0, T, h0, type == CellType.LSTM ? c0 : null, true);
        }

        /** States at the start of each chunk of k steps, computed once with the current parameters. */
        double[][][] boundaries(int k) {
            int chunks = (T + k - 1) / k;
            double[][][] s = new double[chunks][2][];
            double[] h = h0.clone();
            double[] c = c0.clone();
            for (int m = 0; m < chunks; m++) {
                s[m][0] = h.clone();
                s[m][1] = c.clone();
                loss(m * k, Math.min(T, m * k + k), h, type == CellType.LSTM ? c : null, false);
                h = new double[h.length];
                c = new double[c.length];
                stack.finalState(new StatePair(h, c));
            }
            return s;
        }

        /** The truncated objective: each chunk from its boundary state, held constant. */
        double chunkedLoss(int k, double[][][] s) {
            double total = 0;
            int chunks = s.length;
            for (int m = 0; m < chunks; m++) {
                double[] hs = m == 0 ? h0 : s[m][0];
                double[] cs = m == 0 ? c0 : s[m][1];
                total += loss(m * k, Math.min(T, m * k + k), hs, type == CellType.LSTM ? cs : null, m == chunks - 1);
            }
            return total;
        }

        void backward(int truncate, double[] dx, double[] dh0, double[] dc0) {
            params.zeroGrad();
            fullLoss();
            stack.backward(dx, new StatePair(dh0, dc0), r.clone(), new StatePair(rh, type == CellType.LSTM ? rc : null), truncate);
        }
    }

    static void checkAll(Setup s, String name) {
        double[] dx = new double[T * B * I];
        double[] dh0 = new double[s.layers * B * H];
        double[] dc0 = new double[s.layers * B * H];
        s.backward(0, dx, dh0, dc0);
        double[] grad = s.params.grad.clone();
        for (Tensor t : s.params.tensors()) {
            GradCheck.check(name + " " + t.name(), grad, t.offset(), s.params.value, t.offset(), t.size(), s::fullLoss);
        }
        GradCheck.check(name + " input", dx, 0, s.x, 0, s.x.length, s::fullLoss);
        GradCheck.check(name + " h0", dh0, 0, s.h0, 0, s.h0.length, s::fullLoss);
        if (s.type == CellType.LSTM) {
            GradCheck.check(name + " c0", dc0, 0, s.c0, 0, s.c0.length, s::fullLoss);
        }
    }

    @ParameterizedTest
    @MethodSource("configs")
    void fullBackpropagation(CellType type, boolean peephole, int layers) {
        checkAll(new Setup(type, peephole, layers, true), type.id);
    }

    @ParameterizedTest
    @MethodSource("configs")
    void withoutBias(CellType type, boolean peephole, int layers) {
        checkAll(new Setup(type, peephole, layers, false), type.id + " no bias");
    }

    @ParameterizedTest
    @MethodSource("configs")
    void withPaddingMask(CellType type, boolean peephole, int layers) {
        Setup s = new Setup(type, peephole, layers, true);
        s.mask = new double[T * B];
        java.util.Arrays.fill(s.mask, 1.0);
        // sequence 1 is 3 steps long; sequence 0 has a hole at step 2
        for (int t = 3; t < T; t++) {
            s.mask[t * B + 1] = 0;
        }
        s.mask[2 * B] = 0;
        checkAll(s, type.id + " masked");
    }

    @ParameterizedTest
    @MethodSource("configs")
    void withDropoutFixedSeed(CellType type, boolean peephole, int layers) {
        Setup s = new Setup(type, peephole, layers, true);
        s.dropout = 0.3;
        s.dropoutSeed = 99;
        checkAll(s, type.id + " dropout");
    }

    @ParameterizedTest
    @MethodSource("configs")
    void truncatedBackpropagation(CellType type, boolean peephole, int layers) {
        for (int k : new int[] {1, 2, 4}) {
            Setup s = new Setup(type, peephole, layers, true);
            s.mask = new double[T * B];
            java.util.Arrays.fill(s.mask, 1.0);
            s.mask[4 * B + 1] = 0; // a padded step right at a boundary for k = 2 and 4
            double[] dx = new double[T * B * I];
            double[] dh0 = new double[layers * B * H];
            double[] dc0 = new double[layers * B * H];
            s.backward(k, dx, dh0, dc0);
            double[] grad = s.params.grad.clone();
            double[][][] bounds = s.boundaries(k);
            String name = type.id + " truncated k=" + k;
            for (Tensor t : s.params.tensors()) {
                GradCheck.check(name + " " + t.name(), grad, t.offset(), s.params.value, t.offset(), t.size(),
                        () -> s.chunkedLoss(k, bounds));
            }
            GradCheck.check(name + " input", dx, 0, s.x, 0, s.x.length, () -> s.chunkedLoss(k, bounds));
            GradCheck.check(name + " h0", dh0, 0, s.h0, 0, s.h0.length, () -> s.chunkedLoss(k, bounds));
        }
    }

    @org.junit.jupiter.api.Test
    void truncationEqualToLengthIsFull() {
        Setup a = new Setup(CellType.LSTM, false, 2, true);
        a.backward(0, null, null, null);
        double[] full = a.params.grad.clone();
        a.backward(T, null, null, null);
        for (int i = 0; i < full.length; i++) {
            assertEquals(full[i], a.params.grad[i], 0.0);
        }
    }

    @org.junit.jupiter.api.Test
    void badShapesAreRejectedWithAReason() {
        Params p = new Params();
        RecurrentStack s = new RecurrentStack(p, "rnn.", CellType.GRU, I, H, 1, true, false);
        p.allocate();
        var e = assertThrows(IllegalArgumentException.class, () -> s.forward(new double[5], T, B, null, null, 0, 0, 0));
        assertEquals("input needs T*B*I = 36 values, got 5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.forward(new double[0], 0, B, null, null, 0, 0, 0));
        assertEquals("sequence length and batch size must be positive, got T=0, B=2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> s.forward(new double[T * B * I], T, B, new StatePair(new double[3], null), null, 0, 0, 0));
        assertEquals("h0 needs L*B*H = 8 values, got 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> s.forwardOneHot(new int[] {0, 5}, 1, 2, null, null, 0, 0, 0));
        assertEquals("token 5 at position 1 is outside the vocabulary [0, 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new RecurrentStack(new Params(), "", CellType.LSTM, 0, 4, 1, true, false));
        e = assertThrows(IllegalArgumentException.class,
                () -> new RecurrentStack(new Params(), "", CellType.GRU, 2, 4, 1, true, true));
        assertEquals("peephole connections exist only for lstm, not gru", e.getMessage());
    }
}
