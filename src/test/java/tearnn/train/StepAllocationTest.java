package tearnn.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tearnn.math.Rng;
import tearnn.model.Architecture;
import tearnn.model.OutputLayer;
import tearnn.model.Batch;
import tearnn.model.Model;
import tearnn.model.State;
import tearnn.nn.CellType;
import tearnn.optim.OptimizerKind;
import tearnn.optim.Schedule;

/**
 * A training step allocates nothing once its workspaces exist: measured with the JVM's count of
 * bytes allocated by this thread, over steps of every cell, with embedding input, two layers,
 * dropout, clipping, truncation and a carried state, and with one-hot input at a batch of one.
 */
class StepAllocationTest {
    private static final int STEPS = 200;

    @ParameterizedTest
    @EnumSource(CellType.class)
    void aTrainingStepAllocatesNothing(CellType cell) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        Rng rng = new Rng(4);
        for (boolean embedding : new boolean[] {true, false}) {
            int v = 40;
            int batch = embedding ? 6 : 1;
            int steps = 9;
            Architecture arch = Architecture.ofTokens(v, embedding ? 8 : 0, cell, 12).withLayers(embedding ? 2 : 1)
                    .withDropout(embedding ? 0.2 : 0).withOutput(embedding ? OutputLayer.FULL : OutputLayer.adaptive(10)); // the one-hot model with an adaptive softmax
            Model m = new Model(arch, 3);
            Trainer tr = new Trainer(m, OptimizerKind.ADAM.create(m.params().size()), Schedule.constant(1e-3));
            tr.setClipNorm(1);
            tr.setTruncate(embedding ? 4 : 0);
            int[] tokens = new int[steps * batch];
            int[] targets = new int[steps * batch];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = rng.nextInt(v);
                targets[i] = rng.nextInt(v);
            }
            Batch b = Batch.ofTokens(steps, batch, tokens, targets);
            State state = m.newState(batch);
            for (int i = 0; i < 3; i++) {
                tr.step(b, state);
            }
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < STEPS; i++) {
                tr.step(b, state);
            }
            long allocated = threads.getThreadAllocatedBytes(id) - before;
            // an object per step would be at least 16 bytes a step; the counter itself moves by a few bytes
            assertTrue(allocated < 4 * STEPS, cell.id + (embedding ? " with embedding" : " one-hot") + ": " + allocated
                    + " bytes allocated in " + STEPS + " steps");
        }
    }
}
