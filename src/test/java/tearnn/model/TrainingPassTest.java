package tearnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tearnn.loss.LossKind;
import tearnn.math.Rng;
import tearnn.nn.CellType;

/**
 * A training pass done in parts, however small (one step, one gradient row at a time) or uneven,
 * gives the same bits as one call: the loss, every gradient, the final state. So a page can cut a
 * step of a big model into short calls and train exactly as the command line does.
 */
class TrainingPassTest {
    static final int T = 7;
    static final int B = 5;

    static Batch batch(Architecture a, Rng rng, boolean masked) {
        return TestBatches.batch(a, rng, masked, T, B);
    }

    record Result(double loss, double[] grad, double[] h, double[] c) {
    }

    /** One pass from the same weights, state and dropout generator, with the given budget per call (0: one call). */
    static Result run(Architecture a, boolean masked, int truncate, double budget, int calls[]) {
        Model m = new Model(a, 11);
        m.setDropoutRng(new Rng(5));
        State s = m.newState(B);
        Rng init = new Rng(3);
        for (int i = 0; i < s.h.length; i++) {
            s.h[i] = init.uniform(-0.5, 0.5);
            if (s.c != null) {
                s.c[i] = init.uniform(-0.5, 0.5);
            }
        }
        Batch b = batch(a, new Rng(9), masked);
        ModelPass p = m.beginPass(b, s, truncate);
        Rng uneven = new Rng(17);
        int n = 0;
        p.advance(budget == 0 ? Double.POSITIVE_INFINITY : budget * (1 + 3 * uneven.nextDouble()));
        while (!p.done()) {
            p.advance(budget * (1 + 3 * uneven.nextDouble()));
            n++;
        }
        calls[0] = n + 1;
        return new Result(p.loss(), m.params().grad.clone(), s.h.clone(), s.c == null ? null : s.c.clone());
    }

    static void same(Architecture a, boolean masked, int truncate, String name) {
        int[] calls = new int[1];
        Result whole = run(a, masked, truncate, 0, calls);
        assertEquals(1, calls[0]);
        for (double budget : new double[] {1, 3000, 40_000}) {
            Result parts = run(a, masked, truncate, budget, calls);
            String what = name + ", budget " + budget + " (" + calls[0] + " calls)";
            assertTrue(budget > 1 || calls[0] > 2 * T * B, what);
            assertEquals(whole.loss(), parts.loss(), 0.0, what + ": loss");
            assertArrayEquals(whole.grad(), parts.grad(), what + ": gradients");
            assertArrayEquals(whole.h(), parts.h(), what + ": final h");
            assertArrayEquals(whole.c(), parts.c(), what + ": final c");
        }
    }

    @Test
    void everyCellAndInputInPartsGivesTheSameBits() {
        for (CellType cell : CellType.values()) {
            for (InputKind in : InputKind.values()) {
                int inputSize = in == InputKind.DENSE ? 3 : 6;
                LossKind loss = in == InputKind.DENSE ? LossKind.MSE : LossKind.SOFTMAX_CE;
                int outputs = loss == LossKind.SOFTMAX_CE ? 6 : 2;
                Architecture a = Architecture.of(in, inputSize, in == InputKind.EMBEDDING ? 4 : 0, cell, 8).withLayers(2)
                        .withPeephole(cell == CellType.LSTM).withOutputs(outputs, loss).withDropout(0.25);
                same(a, true, 0, cell.id + "/" + in.id + " masked, dropout");
                same(a, false, 3, cell.id + "/" + in.id + " truncated every 3");
            }
        }
    }

    @Test
    void manyToOneAndSigmoidLossesToo() {
        for (CellType cell : new CellType[] {CellType.LSTM, CellType.GRU}) {
            same(Architecture.ofVectors(2, cell, 6).withLayers(3).withBias(false).withOutputs(1, LossKind.SIGMOID_BCE).withLastStepOnly(true),
                    false, 0,
                    cell.id + " many-to-one");
            same(Architecture.ofVectors(2, cell, 6).withOutputs(1, LossKind.SIGMOID_BCE), true, 2,
                    cell.id + " sigmoid");
        }
    }
}
