package tearnn.cli;

import java.io.IOException;
import java.io.PrintStream;
import tearnn.task.AdderCheck;
import tearnn.task.AdderSettings;
import tearnn.task.AdderTask;

/** {@code adder}: trains the binary adder until it adds every pair, printing progress. */
final class AdderCommand {
    /** Steps between checks over all pairs. */
    private static final int CHECK_EVERY = 50;

    private AdderCommand() {
    }

    static void run(Args a, PrintStream out) throws IOException {
        AdderSettings s = AdderSettings.read(a);
        int maxSteps = a.integer("max-steps", 5000);
        int testBits = a.integer("test-bits", Math.min(30, s.bits() * 2));
        String outFile = a.string("out", null);
        int threads = ThreadsOption.read(a);
        a.done();
        if (maxSteps <= 0) {
            throw new IllegalArgumentException("--max-steps must be positive, got " + maxSteps);
        }
        AdderSettings.BITS.check(testBits);
        AdderTask task = new AdderTask(s);
        task.trainer().setThreads(threads);
        long t0 = System.nanoTime();
        double acc = 0;
        int steps = 0;
        while (steps < maxSteps && acc < 1) {
            int n = Math.min(CHECK_EVERY, maxSteps - steps);
            double loss = task.train(n);
            steps += n;
            AdderCheck check = task.newCheck();
            check.advance(check.total());
            acc = check.accuracy();
            out.printf("step %5d  loss %.4f  accuracy over %s %d pairs %.2f%%  (%.2f s)%n", steps, loss,
                    check.exhaustive() ? "all" : "a fixed sample of", check.total(), 100 * acc, (System.nanoTime() - t0) / 1e9);
        }
        out.printf("%s after %d steps (%d examples). %d-bit accuracy on 10,000 random pairs: %.2f%%%n",
                acc == 1 ? "Adds every pair" : "Stopped at " + String.format("%.2f%%", 100 * acc), steps,
                task.progress().examples(), testBits, 100 * task.accuracyOn(testBits, 10_000));
        int limit = task.adder().operandLimit();
        int x = 57 % limit;
        int y = 89 % limit;
        out.println(x + " + " + y + " = " + task.trace(x, y).predicted() + (task.trace(x, y).correct() ? "" : "  (wrong)"));
        if (outFile != null) {
            Main.writeModel(outFile, task.saved());
            out.println("wrote " + outFile);
        }
    }
}
