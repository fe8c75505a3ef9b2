package tearnn.model;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tearnn.loss.LossKind;
import tearnn.math.Rng;
import tearnn.nn.CellType;
import tearnn.nn.Tensor;
import tearnn.testing.GradCheck;

/**
 * Finite-difference checks of whole models: every input kind and loss, every-step and last-step
 * losses, masks, dropout with a fixed seed, stateful chunks and truncation.
 */
class ModelGradientTest {
    static final int T = 5;
    static final int B = 3;

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of(InputKind.EMBEDDING, CellType.LSTM, LossKind.SOFTMAX_CE, false),
                Arguments.of(InputKind.ONE_HOT, CellType.GRU, LossKind.SOFTMAX_CE, false),
                Arguments.of(InputKind.ONE_HOT, CellType.RNN_TANH, LossKind.SOFTMAX_CE, true),
                Arguments.of(InputKind.DENSE, CellType.RNN_RELU, LossKind.SIGMOID_BCE, false),
                Arguments.of(InputKind.DENSE, CellType.LSTM, LossKind.MSE, false),
                Arguments.of(InputKind.DENSE, CellType.GRU, LossKind.MSE, true),
                Arguments.of(InputKind.EMBEDDING, CellType.GRU, LossKind.SIGMOID_BCE, true));
    }

    static Architecture arch(InputKind in, CellType cell, LossKind loss, boolean last, double dropout) {
        int inputSize = in == InputKind.DENSE ? 3 : 6;
        int outputs = loss == LossKind.SOFTMAX_CE ? 6 : 2;
        return Architecture.of(in, inputSize, in == InputKind.EMBEDDING ? 4 : 0, cell, 5).withLayers(2)
                .withPeephole(cell == CellType.LSTM).withOutputs(outputs, loss).withLastStepOnly(last).withDropout(dropout);
    }

    static Batch batch(Architecture a, Rng rng, boolean masked) {
        int n = T * B;
        int[] tokens = null;
        double[] inputs = null;
        if (a.input().tokens()) {
            tokens = new int[n];
            for (int i = 0; i < n; i++) {
                tokens[i] = rng.nextInt(a.inputSize());
            }
        } else {
            inputs = new double[n * a.inputSize()];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = rng.uniform(-1, 1);
            }
        }
        int rows = a.lastStepOnly() ? B : n;
        int[] classes = new int[rows];
        double[] values = new double[rows * a.outputs()];
        for (int i = 0; i < rows; i++) {
            classes[i] = rng.nextInt(a.outputs());
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = a.loss() == LossKind.SIGMOID_BCE ? rng.nextInt(2) : rng.uniform(-1, 1);
        }
        double[] mask = null;
        if (masked) {
            mask = new double[n];
            for (int t = 0; t < T; t++) {
                for (int b = 0; b < B; b++) {
                    mask[t * B + b] = t < T - b ? 1 : 0; // sequence b has T - b real steps
                }
            }
        }
        return new Batch(T, B, tokens, inputs, classes, values, mask);
    }

    static void check(Model m, Batch b, State initial, int truncate, String name) {
        int[] dropoutState = m.dropoutRng().state();
        State s0 = initial == null ? null : initial.copy();
        m.setDropoutRng(Rng.fromState(dropoutState));
        m.forwardBackward(b, s0 == null ? null : s0.copy(), truncate);
        double[] grad = m.params().grad.clone();
        java.util.function.DoubleSupplier f = () -> {
            m.setDropoutRng(Rng.fromState(dropoutState));
            return m.forwardBackward(b, s0 == null ? null : s0.copy(), 0);
        };
        for (Tensor t : m.params().tensors()) {
            GradCheck.check(name + " " + t.name(), grad, t.offset(), m.params().value, t.offset(), t.size(), f);
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyParameter(InputKind in, CellType cell, LossKind loss, boolean last) {
        Model m = new Model(arch(in, cell, loss, last, 0), 3);
        check(m, batch(m.architecture(), new Rng(5), false), null, 0, in.id + "/" + cell.id + "/" + loss.id);
    }

    @ParameterizedTest
    @MethodSource("models")
    void withMaskAndDropout(InputKind in, CellType cell, LossKind loss, boolean last) {
        Model m = new Model(arch(in, cell, loss, last, 0.25), 4);
        check(m, batch(m.architecture(), new Rng(6), true), null, 0, in.id + "/" + cell.id + "/" + loss.id + " masked+dropout");
    }

    @ParameterizedTest
    @MethodSource("models")
    void statefulSecondChunk(InputKind in, CellType cell, LossKind loss, boolean last) {
        Model m = new Model(arch(in, cell, loss, last, 0), 8);
        Rng rng = new Rng(9);
        State state = m.newState(B);
        m.forwardBackward(batch(m.architecture(), rng, false), state, 0);
        // the second chunk starts from the first chunk's final state, held constant (detached)
        check(m, batch(m.architecture(), rng, false), state, 0, in.id + "/" + cell.id + " stateful");
    }

    @Test
    void truncationOfOneStepEqualsSumOfSingleSteps() {
        // with truncate = 1 the gradient equals that of T separate one-step chunks from detached states
        Architecture a = arch(InputKind.ONE_HOT, CellType.LSTM, LossKind.SOFTMAX_CE, false, 0);
        Model m = new Model(a, 11);
        Batch b = batch(a, new Rng(12), false);
        m.forwardBackward(b, null, 1);
        double[] truncated = m.params().grad.clone();

        double[] sum = new double[truncated.length];
        State s = m.newState(B);
        for (int t = 0; t < T; t++) {
            int[] tok = new int[B];
            int[] cls = new int[B];
            System.arraycopy(b.tokens, t * B, tok, 0, B);
            System.arraycopy(b.classes, t * B, cls, 0, B);
            m.forwardBackward(Batch.ofTokens(1, B, tok, cls), s, 0);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += m.params().grad[i] / T; // each chunk's mean is over B rows, the batch's over T*B
            }
        }
        for (int i = 0; i < sum.length; i++) {
            org.junit.jupiter.api.Assertions.assertEquals(sum[i], truncated[i], 1e-12, "parameter " + i);
        }
    }
}
