package tearnn.lab;

import java.util.ArrayList;
import java.util.List;
import tearnn.bench.Timing;
import tearnn.bench.Workloads;
import tearnn.json.JsonObject;
import tearnn.json.JsonWriter;

/**
 * The benchmark page's commands: {@code bench.setup} a workload, time it one {@code bench.step} per
 * call (as the page trains: WebAssembly tiers up between calls), then {@code bench.report} the last
 * {@link Workloads#TIMED} steps; {@code bench.run} runs SOL-MM (or any workload) whole in one call.
 */
final class BenchSession {
    private final Timing.Clock clock;
    private Workloads.Workload workload;
    private final List<Double> times = new ArrayList<>();

    BenchSession(Timing.Clock clock) {
        this.clock = clock;
    }

    void handle(String command, JsonObject r, JsonWriter out) {
        switch (command) {
            case "setup" -> {
                workload = Workloads.create(r.string("workload"));
                times.clear();
            }
            case "step" -> {
                if (workload == null) {
                    throw new IllegalStateException("no benchmark set up");
                }
                double t0 = clock.seconds();
                workload.step().run();
                double s = clock.seconds() - t0;
                times.add(s);
                out.name("seconds").value(s);
            }
            case "report" -> out.name("line").value(report());
            case "run" -> {
                String name = r.string("workload");
                out.name("line").value(name.equals("SOL-MM") ? Workloads.matmulCeiling(clock) : Workloads.run(name, clock));
            }
            default -> throw new IllegalArgumentException("unknown command 'bench." + command + "'");
        }
    }

    /** The report of the last timed steps; all steps before them were warm-up. */
    private String report() {
        int n = Workloads.TIMED;
        if (workload == null || times.size() < Workloads.WARMUP + n) {
            throw new IllegalStateException("run at least " + (Workloads.WARMUP + n) + " benchmark steps first");
        }
        double[] timed = new double[n];
        for (int i = 0; i < n; i++) {
            timed[i] = times.get(times.size() - n + i);
        }
        return workload.report(new Timing(timed));
    }
}
