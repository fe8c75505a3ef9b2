package tearnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tearnn.loss.LossKind;
import tearnn.math.Rng;
import tearnn.nn.CellType;
import tearnn.nn.Tensor;

/**
 * The gradient flow (||dL/dh_t|| per layer, step and sequence) against central finite differences:
 * for the top layer, L as a function of h_t is the loss of the output at t (the head on h_t) plus
 * the loss of the steps after t run from the state after t, with h_t nudged; the losses before t do
 * not depend on it.
 */
class GradientFlowTest {
    static final int T = 6;
    static final int B = 3;
    static final int H = 5;

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of(InputKind.EMBEDDING, CellType.LSTM, false),
                Arguments.of(InputKind.ONE_HOT, CellType.GRU, false),
                Arguments.of(InputKind.EMBEDDING, CellType.RNN_TANH, false),
                Arguments.of(InputKind.ONE_HOT, CellType.LSTM, true),
                Arguments.of(InputKind.EMBEDDING, CellType.GRU, true));
    }

    @ParameterizedTest
    @MethodSource("models")
    void theTopLayersNormsAreThoseOfFiniteDifferences(InputKind in, CellType cell, boolean lastOnly) {
        Architecture a = Architecture.of(in, 6, in == InputKind.EMBEDDING ? 4 : 0, cell, H).withLayers(2)
                .withOutputs(6, LossKind.SOFTMAX_CE).withLastStepOnly(lastOnly);
        Model m = new Model(a, 3);
        Rng rng = new Rng(4);
        Batch batch = TestBatches.batch(a, rng, false, T, B);
        State initial = m.newState(B);
        for (int i = 0; i < initial.h.length; i++) {
            initial.h[i] = rng.uniform(-0.5, 0.5);
            if (initial.c != null) {
                initial.c[i] = rng.uniform(-0.5, 0.5);
            }
        }
        ModelPass pass = m.beginPass(batch, initial.copy(), 0);
        pass.advance(Double.POSITIVE_INFINITY);
        GradientFlow flow = new GradientFlow();
        pass.gradientFlow(flow);
        assertEquals(2, flow.layers());
        assertEquals(T, flow.steps());
        assertEquals(B, flow.batch());

        int top = a.layers() - 1;
        int n = m.lossCount(batch);
        for (int s = 0; s < T; s++) {
            State after = initial.copy();
            m.predict(slice(batch, 0, s + 1, false, false), after);
            Batch rest = s + 1 < T ? slice(batch, s + 1, T, lastOnly, true) : null;
            for (int j = 0; j < B; j++) {
                double squares = 0;
                for (int i = 0; i < H; i++) {
                    int at = (top * B + j) * H + i;
                    double eps = 1e-5;
                    double v = after.h[at];
                    after.h[at] = v + eps;
                    double up = lossDependingOnH(m, batch, s, j, after, rest, lastOnly);
                    after.h[at] = v - eps;
                    double down = lossDependingOnH(m, batch, s, j, after, rest, lastOnly);
                    after.h[at] = v;
                    double g = (up - down) / (2 * eps) / n;
                    squares += g * g;
                }
                double expected = Math.sqrt(squares);
                assertEquals(expected, flow.norm(top, s, j), 1e-7 * expected + 1e-11,
                        cell.id + " step " + s + " sequence " + j);
            }
            double sum = 0;
            for (int j = 0; j < B; j++) {
                sum += flow.norm(top, s, j);
            }
            assertEquals(sum / B, flow.mean(top, s), 1e-15);
        }
    }

    /** The losses that depend on the top layer's h after step s: the output at s, and every step after it. */
    static double lossDependingOnH(Model m, Batch batch, int s, int j, State after, Batch rest, boolean lastOnly) {
        double sum = 0;
        if (!lastOnly || s == T - 1) {
            int target = lastOnly ? batch.classes[j] : batch.classes[s * B + j];
            sum += headLoss(m, after, j, target);
        }
        if (rest != null) {
            State from = after.copy();
            m.evaluate(rest, from);
            sum += m.lastLossSum();
        }
        return sum;
    }

    /** -log softmax(fc.weight h + fc.bias)[target] for the top layer's h of sequence j. */
    static double headLoss(Model m, State state, int j, int target) {
        Architecture a = m.architecture();
        Tensor w = m.params().find("fc.weight");
        Tensor b = m.params().find("fc.bias");
        double[] v = m.params().value;
        int o = a.outputs();
        double[] logits = new double[o];
        int h0 = ((a.layers() - 1) * B + j) * H;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < o; k++) {
            double z = v[b.offset() + k];
            for (int i = 0; i < H; i++) {
                z += v[w.offset() + k * H + i] * state.h[h0 + i];
            }
            logits[k] = z;
            max = Math.max(max, z);
        }
        double total = 0;
        for (int k = 0; k < o; k++) {
            total += Math.exp(logits[k] - max);
        }
        return -(logits[target] - max - Math.log(total));
    }

    /** Steps [from, to) of a token batch, with their targets if asked (a many-to-one batch keeps its one per sequence). */
    static Batch slice(Batch b, int from, int to, boolean lastOnly, boolean targets) {
        int steps = to - from;
        int[] tokens = new int[steps * B];
        System.arraycopy(b.tokens, from * B, tokens, 0, steps * B);
        int[] classes;
        if (!targets) {
            classes = null;
        } else if (lastOnly) {
            classes = b.classes.clone();
        } else {
            classes = new int[steps * B];
            System.arraycopy(b.classes, from * B, classes, 0, steps * B);
        }
        return new Batch(steps, B, tokens, null, classes, null, null);
    }
}
