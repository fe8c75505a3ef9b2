package tearnn.cli;

import java.io.IOException;
import java.io.PrintStream;
import tearnn.math.Rng;
import tearnn.model.Batch;
import tearnn.model.Model;
import tearnn.model.ModelFile;
import tearnn.model.SavedModel;
import tearnn.nn.CellType;
import tearnn.optim.Optimizer;
import tearnn.optim.Schedule;
import tearnn.task.Adder;
import tearnn.train.Trainer;

/** {@code adder}: trains the binary adder until it adds every pair, printing progress. */
final class AdderCommand {
    private AdderCommand() {
    }

    static void run(Args a, PrintStream out) throws IOException {
        CellType cell = CellType.parse(a.string("cell", "gru"));
        int hidden = a.integer("hidden", 16);
        Adder adder = new Adder(a.integer("bits", 8));
        String optimizer = a.string("optimizer", "adam");
        double lr = a.number("lr", 0.03);
        int batchSize = a.integer("batch", 32);
        int seed = a.integer("seed", 1);
        int maxSteps = a.integer("max-steps", 5000);
        Adder longer = new Adder(a.integer("test-bits", Math.min(30, adder.bits() * 2)));
        String outFile = a.string("out", null);
        a.done();
        if (batchSize <= 0 || maxSteps <= 0) {
            throw new IllegalArgumentException("--batch and --max-steps must be positive");
        }
        Model m = new Model(Adder.architecture(cell, hidden), seed);
        Trainer tr = new Trainer(m, Optimizer.create(optimizer, null, m.params().size()), Schedule.constant(lr));
        Rng rng = new Rng(seed + 1000);
        Batch batch = adder.newBatch(batchSize);
        long t0 = System.nanoTime();
        double acc = 0;
        int step = 0;
        double lossSum = 0;
        while (step < maxSteps && acc < 1) {
            adder.fillRandom(batch, rng);
            lossSum += tr.step(batch, null);
            step++;
            if (step % 50 == 0) {
                acc = adder.accuracyAllPairs(m);
                out.printf("step %5d  loss %.4f  accuracy over all %d pairs %.2f%%  (%.2f s)%n", step, lossSum / 50,
                        (long) adder.operandLimit() * adder.operandLimit(), 100 * acc, (System.nanoTime() - t0) / 1e9);
                lossSum = 0;
            }
        }
        out.printf("%s after %d steps (%d examples). %d-bit accuracy on 10,000 random pairs: %.2f%%%n",
                acc == 1 ? "Adds every pair" : "Stopped at " + String.format("%.2f%%", 100 * acc), step,
                (long) step * batchSize, longer.bits(), 100 * longer.accuracySampled(m, 10_000, new Rng(seed)));
        Adder.Trace t = adder.trace(m, 57, 89);
        out.println("57 + 89 = " + t.predicted() + (t.correct() ? "" : "  (wrong)"));
        if (outFile != null) {
            SavedModel s = new SavedModel(m);
            s.trainer = tr;
            Main.writeText(outFile, ModelFile.write(s));
            out.println("wrote " + outFile);
        }
    }
}
