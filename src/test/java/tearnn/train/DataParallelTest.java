package tearnn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tearnn.loss.LossKind;
import tearnn.math.Rng;
import tearnn.model.Architecture;
import tearnn.model.Batch;
import tearnn.model.InputKind;
import tearnn.model.OutputLayer;
import tearnn.model.Model;
import tearnn.model.State;
import tearnn.model.TestBatches;
import tearnn.nn.CellType;
import tearnn.optim.OptimizerKind;
import tearnn.optim.Schedule;

/**
 * Training on N threads (the batch cut by sequence, the shares' gradients added) is training on one
 * within rounding, for every cell and input, with dropout, a mask, truncation and a carried state,
 * over many steps; and a run with a given N is repeatable bit for bit.
 */
class DataParallelTest {
    static final int T = 6;
    static final int B = 7;
    static final int STEPS = 40;

    record Run(double[] weights, double[] losses, double[] h, double[] flow) {
    }

    /** {@code STEPS} steps of Adam on the same batches, carrying the state, on {@code threads} threads. */
    static Run train(Architecture a, boolean masked, int truncate, int threads) {
        Model m = new Model(a, 11);
        Trainer t = new Trainer(m, OptimizerKind.ADAM.create(m.params().size()), Schedule.constant(0.01));
        t.setClipNorm(1);
        t.setTruncate(truncate);
        t.setThreads(threads);
        State s = a.lastStepOnly() ? null : m.newState(B);
        Rng data = new Rng(9);
        double[] losses = new double[STEPS];
        for (int i = 0; i < STEPS; i++) {
            losses[i] = t.step(TestBatches.batch(a, data, masked, T, B), s);
        }
        double[] flow = t.gradientFlow().values().clone();
        t.setThreads(1);
        return new Run(m.params().value.clone(), losses, s == null ? null : s.h.clone(), flow);
    }

    static void close(Run one, Run many, String what) {
        for (int i = 0; i < STEPS; i++) {
            assertEquals(one.losses()[i], many.losses()[i], 1e-12, what + ": loss of step " + (i + 1));
        }
        for (int i = 0; i < one.weights().length; i++) {
            assertEquals(one.weights()[i], many.weights()[i], 1e-12, what + ": weight " + i);
        }
        assertEquals(one.flow().length, many.flow().length, what + ": the last step's gradient flow");
        assertEquals(0, one.flow().length % (T * B), what + ": a norm per layer, step and sequence");
        assertTrue(one.flow().length > 0);
        for (int i = 0; i < one.flow().length; i++) {
            assertEquals(one.flow()[i], many.flow()[i], 1e-12, what + ": gradient flow " + i);
        }
        if (one.h() != null) {
            for (int i = 0; i < one.h().length; i++) {
                assertEquals(one.h()[i], many.h()[i], 1e-12, what + ": carried state " + i);
            }
        }
    }

    @Test
    void everyCellAndInputOnThreadsTrainsAsOnOne() {
        for (CellType cell : CellType.values()) {
            for (InputKind in : InputKind.values()) {
                int inputSize = in == InputKind.DENSE ? 3 : 6;
                LossKind loss = in == InputKind.DENSE ? LossKind.MSE : LossKind.SOFTMAX_CE;
                int outputs = loss == LossKind.SOFTMAX_CE ? 6 : 2;
                Architecture a = Architecture.of(in, inputSize, in == InputKind.EMBEDDING ? 4 : 0, cell, 8).withLayers(2)
                        .withPeephole(cell == CellType.LSTM).withOutputs(outputs, loss).withDropout(0.25);
                String name = cell.id + "/" + in.id;
                Run one = train(a, true, 0, 1);
                for (int n : new int[] {2, 3, 7, 9}) {
                    Run many = train(a, true, 0, n);
                    close(one, many, name + ", masked, dropout, " + n + " threads");
                }
                close(train(a, false, 4, 1), train(a, false, 4, 2), name + ", truncated every 4, 2 threads");
            }
        }
    }

    @Test
    void manyToOneAndSigmoidLossesToo() {
        for (CellType cell : new CellType[] {CellType.RNN_TANH, CellType.GRU}) {
            Architecture manyToOne = Architecture.ofVectors(2, cell, 6).withOutputs(1, LossKind.SIGMOID_BCE).withLastStepOnly(true);
            close(train(manyToOne, false, 0, 1), train(manyToOne, false, 0, 3), cell.id + " many-to-one");
            Architecture adder = Architecture.ofVectors(2, cell, 6).withOutputs(1, LossKind.SIGMOID_BCE);
            close(train(adder, true, 0, 1), train(adder, true, 0, 2), cell.id + " sigmoid at every step");
        }
    }

    @Test
    void anAdaptiveSoftmaxOnThreadsTrainsAsOnOne() {
        Architecture a = Architecture.ofTokens(6, 4, CellType.LSTM, 8).withLayers(2).withDropout(0.25)
                .withOutput(new OutputLayer(true, new int[] {2, 4}, 2.0, true));
        Run one = train(a, true, 0, 1);
        for (int n : new int[] {2, 3}) {
            close(one, train(a, true, 0, n), "adaptive, masked, dropout, " + n + " threads");
        }
    }

    @Test
    void aRunOnNThreadsIsRepeatableBitForBit() {
        Architecture a = Architecture.ofTokens(6, 4, CellType.LSTM, 8).withLayers(2).withDropout(0.25);
        Run first = train(a, true, 0, 3);
        Run second = train(a, true, 0, 3);
        assertArrayEquals(first.weights(), second.weights());
        assertArrayEquals(first.losses(), second.losses());
        assertArrayEquals(first.h(), second.h());
        assertArrayEquals(first.flow(), second.flow());
    }

    @Test
    void aStepSharedAmongWorkersHasTheBatchsGradientFlow() {
        Architecture a = Architecture.ofTokens(6, 4, CellType.GRU, 8).withLayers(2).withDropout(0.25);
        Trainer one = trainer(a);
        Trainer[] workers = {trainer(a), trainer(a), trainer(a)};
        for (int i = 0; i < workers.length; i++) {
            workers[i].share(i, workers.length);
        }
        Rng data = new Rng(3);
        for (int step = 0; step < 3; step++) {
            Batch b = TestBatches.batch(a, data, true, T, B);
            one.step(b, null);
            double[][] contributions = new double[workers.length][];
            for (int i = 0; i < workers.length; i++) {
                workers[i].begin(b, null);
                workers[i].advance(Double.POSITIVE_INFINITY);
                contributions[i] = workers[i].contribution().clone();
            }
            for (Trainer w : workers) {
                w.gatherShares(contributions);
                w.advance(Double.POSITIVE_INFINITY);
                for (int i = 0; i < one.gradientFlow().values().length; i++) {
                    assertEquals(one.gradientFlow().values()[i], w.gradientFlow().values()[i], 1e-12, "step " + step + ", flow " + i);
                }
                assertEquals(one.lastGradNorm(), w.lastGradNorm(), 1e-12);
            }
        }
    }

    static Trainer trainer(Architecture a) {
        Model m = new Model(a, 11);
        return new Trainer(m, OptimizerKind.ADAM.create(m.params().size()), Schedule.constant(0.01));
    }

    @Test
    void theThreadsChangeBetweenStepsOnly() {
        Model m = new Model(Architecture.languageModel(CellType.GRU, 6, 4, 8, 1, 0), 1);
        Trainer t = new Trainer(m, OptimizerKind.SGD.create(m.params().size()), Schedule.constant(0.1));
        assertThrows(IllegalArgumentException.class, () -> t.setThreads(0));
        Batch b = TestBatches.batch(m.architecture(), new Rng(1), false, T, B);
        t.begin(b, null);
        var e = assertThrows(IllegalStateException.class, () -> t.setThreads(2));
        assertEquals("the number of threads changes between steps only", e.getMessage());
        t.advance(Double.POSITIVE_INFINITY);
        t.setThreads(2);
        assertEquals(2, t.threads());
        t.step(b, null);
        assertTrue(t.lastLoss() > 0);
    }
}
