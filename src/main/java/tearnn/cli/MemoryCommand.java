package tearnn.cli;

import java.io.IOException;
import java.io.PrintStream;
import tearnn.file.ModelFile;
import tearnn.file.PackedModel;
import tearnn.task.MemoryProblem;
import tearnn.task.MemorySettings;
import tearnn.task.MemoryTask;

/**
 * {@code memory}: trains a memory task (adding, copy, order) until it is solved or the time is up,
 * checking the held-out set every few steps. Its last lines are for scripts: {@code solved after
 * 49,600 sequences in 86.0 s} (when solved), then {@code held-out mse 0.0043} (adding) or
 * {@code held-out accuracy 0.993} (copy, order). With {@code --patience N}, training stops once N checks
 * in a row bring no lower held-out loss, and the run goes back to the best check (weights, optimizer
 * and progress), which it reports and writes.
 */
final class MemoryCommand {
    private MemoryCommand() {
    }

    private static double seconds(String given) {
        try {
            return Double.parseDouble(given);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seconds must be a number of seconds, got '" + given + "'");
        }
    }

    static void run(Args a, PrintStream out) throws IOException {
        MemorySettings s = MemorySettings.read(a);
        double seconds = seconds(a.string("seconds", "300"));
        int maxSteps = a.integer("max-steps", Integer.MAX_VALUE);
        int checkEvery = a.integer("check-every", 50);
        int patience = a.integer("patience", 0);
        String outFile = a.string("out", null);
        int threads = ThreadsOption.read(a);
        a.done();
        if (!(seconds > 0) || maxSteps <= 0 || checkEvery <= 0 || patience < 0) {
            throw new IllegalArgumentException("--seconds, --max-steps and --check-every must be positive, --patience >= 0");
        }
        MemoryTask task = new MemoryTask(s);
        task.trainer().setThreads(threads);
        MemoryProblem p = task.problem();
        out.printf("%s, T = %d%s, %s hidden %d, %d parameters; a memoryless model's loss %.4f%n", p.id(), p.length(),
                p.id().equals(MemoryProblem.COPY) ? ", K = " + s.symbols() : "", s.cell().id, s.hidden(),
                task.model().params().size(), p.baseline());
        long t0 = System.nanoTime();
        double elapsed = 0;
        double measure = task.heldOutMeasure();
        boolean solved = false;
        EarlyStopping stopping = patience > 0 ? new EarlyStopping(patience, 0, false) : null;
        PackedModel best = null;
        while (!solved && task.steps() < maxSteps && elapsed < seconds) {
            double loss = task.train(Math.min(checkEvery, maxSteps - task.steps()));
            measure = task.heldOutMeasure();
            solved = p.solved(measure);
            elapsed = (System.nanoTime() - t0) / 1e9;
            out.printf("step %6d  loss %.4f  held-out %s %.4f  (%.1f s)%n", task.steps(), loss, p.measureName(), measure, elapsed);
            if (stopping != null && !solved) {
                if (stopping.record(task.heldOutLoss())) {
                    best = ModelFile.pack(task.saved(), true);
                } else if (stopping.shouldStop() && best != null) {
                    task = MemoryTask.resume(ModelFile.unpack(best));
                    task.trainer().setThreads(threads);
                    measure = task.heldOutMeasure();
                    out.printf("early stop: no lower held-out loss in %d checks; back to the best, step %d%n", patience,
                            task.steps());
                    break;
                }
            }
        }
        if (solved) {
            out.printf("solved after %,d sequences in %.1f s%n", task.progress().sequences(), elapsed);
        }
        out.printf("held-out %s %.4f%n", p.measureName(), measure);
        if (outFile != null) {
            Main.writeModel(outFile, task.saved());
            out.println("wrote " + outFile);
        }
    }
}
