package tearnn.cli;

import java.io.PrintStream;
import tearnn.bench.Timing;
import tearnn.bench.Workloads;

/** {@code bench}: the workloads of shared/spec/workloads.md on the JVM. */
final class BenchCommand {
    private BenchCommand() {
    }

    static void run(Args a, PrintStream out) {
        String only = a.string("only", "all");
        a.done();
        Timing.Clock clock = () -> System.nanoTime() / 1e9;
        out.println("JVM " + System.getProperty("java.version") + ", " + Workloads.WARMUP + " warm-up steps (at least "
                + Workloads.WARMUP_SECONDS + " s) + " + Workloads.TIMED + " timed steps, median (min-max)");
        boolean all = only.equals("all");
        boolean any = false;
        if (all || only.equals("W-LM")) {
            out.println(Workloads.run("W-LM", clock));
            any = true;
        }
        if (all || only.equals("W-LM-1")) {
            out.println(Workloads.run("W-LM-1", clock));
            any = true;
        }
        if (all || only.equals("W-ADD")) {
            out.println(Workloads.run("W-ADD", clock));
            out.println(Workloads.adderExamplesToSolve());
            any = true;
        }
        if (all || only.equals("SOL-MM")) {
            out.println(Workloads.matmulCeiling(clock));
            any = true;
        }
        if (!any) {
            throw new IllegalArgumentException("unknown workload '" + only + "' (expected W-LM, W-LM-1, W-ADD, SOL-MM or all)");
        }
    }
}
