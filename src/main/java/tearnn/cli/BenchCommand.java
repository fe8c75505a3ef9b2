package tearnn.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import tearnn.bench.Timing;
import tearnn.bench.Workloads;

/**
 * {@code bench}: the workloads of docs/workloads.md on the JVM, on one thread; then the
 * batched ones (W-LM, W-ADD-batched) on 2, 4, ... threads up to {@code --threads}, each with its
 * speed-up over one thread measured in the same run.
 */
final class BenchCommand {
    private static final String[] WORKLOADS = {"W-LM", "W-LM-1", "W-ADD", "W-ADD-batched", "W-WORD", "SOL-MM"};
    /** The workloads whose batches have sequences to share among threads. */
    private static final List<String> BATCHED = List.of("W-LM", "W-ADD-batched", "W-WORD");

    private BenchCommand() {
    }

    static void run(Args a, PrintStream out) {
        String only = a.string("only", "all");
        int threads = ThreadsOption.read(a);
        a.done();
        boolean all = only.equals("all");
        if (!all && !List.of(WORKLOADS).contains(only)) {
            throw new IllegalArgumentException("unknown workload '" + only + "' (expected " + String.join(", ", WORKLOADS)
                    + " or all)");
        }
        Timing.Clock clock = () -> System.nanoTime() / 1e9;
        out.println("JVM " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " processors, " + Workloads.WARMUP + " warm-up steps (at least " + Workloads.WARMUP_SECONDS + " s) + "
                + Workloads.TIMED + " timed steps, median (min-max)");
        List<String> scaled = new ArrayList<>();
        for (String name : WORKLOADS) {
            if (!all && !only.equals(name)) {
                continue;
            }
            switch (name) {
                case "SOL-MM" -> out.println(Workloads.matmulCeiling(clock));
                case "W-ADD" -> {
                    out.println(Workloads.run(name, clock));
                    out.println(Workloads.adderExamplesToSolve());
                }
                case "W-WORD" -> {
                    // one line per output layer: the full softmax, then the adaptive softmax
                    out.println(Workloads.run("W-WORD softmax", clock));
                    out.println(Workloads.run("W-WORD adaptive", clock));
                }
                default -> out.println(Workloads.run(name, clock));
            }
            if (name.equals("W-WORD")) {
                scaled.add("W-WORD softmax");
                scaled.add("W-WORD adaptive");
            } else if (BATCHED.contains(name)) {
                scaled.add(name);
            }
        }
        if (threads > 1 && !scaled.isEmpty()) {
            out.println("on threads (the batch cut by sequence; speed-up over one thread in this run):");
            for (String name : scaled) {
                double one = 0;
                for (int n = 1; n <= threads; n = n < threads && n * 2 > threads ? threads : n * 2) {
                    Workloads.Workload w = Workloads.create(name);
                    w.trainer().setThreads(n);
                    Timing t = Timing.measure(Workloads.WARMUP, Workloads.WARMUP_SECONDS, Workloads.TIMED, clock, w::step);
                    w.trainer().setThreads(1);
                    double speed = w.unitsPerStep() / t.median();
                    if (n == 1) {
                        one = speed;
                    }
                    out.printf("%s  %d thread%s  %.2fx%n", w.report(t), n, n == 1 ? " " : "s", speed / one);
                }
            }
        }
    }
}
