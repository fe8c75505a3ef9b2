package tearnn.lab;

import java.util.ArrayList;
import java.util.List;
import tearnn.bench.Timing;
import tearnn.bench.Workloads;
import tearnn.json.JsonObject;
import tearnn.json.JsonWriter;
import tearnn.train.Trainer;

/**
 * The benchmark page's commands: {@code bench.setup} a workload, time it one {@code bench.step} per
 * call (as the page trains: WebAssembly tiers up between calls), then {@code bench.report} the last
 * {@link Workloads#TIMED} steps; {@code bench.run} runs SOL-MM (or any workload) whole in one call.
 *
 * <p>With {@code share} and {@code shares} in the setup, this worker is one of several timing one
 * model together (see {@code train.SharedStep}): a step computes its share of a batch and replies
 * {@code waiting}; the page hands every worker the others' {@linkplain #contribution contributions}
 * ({@linkplain #gather to add up}), batch after batch, step after step. The page times the
 * steps (the exchange included) and passes its times to the report.
 */
final class BenchSession {
    /** The verbs this session answers (beside {@code bench.gather}, see {@link #gather}). */
    static final List<String> VERBS = List.of("setup", "step", "report", "run");

    private final Timing.Clock clock;
    private Workloads.Workload workload;
    private final List<Double> times = new ArrayList<>();
    /** The batches of the shared step under way that are done. */
    private int batchesDone;
    /** The seconds this worker computed in the shared step under way. */
    private double computing;

    BenchSession(Timing.Clock clock) {
        this.clock = clock;
    }

    void handle(String command, JsonObject r, JsonWriter out) {
        switch (command) {
            case "setup" -> {
                workload = Workloads.create(r.string("workload"));
                times.clear();
                int shares = r.integer("shares", 1);
                int share = r.integer("share", 0);
                if (shares < 1 || share < 0 || share >= shares) {
                    throw new IllegalArgumentException("share " + share + " of " + shares + " does not exist");
                }
                workload.trainer().share(share, shares);
            }
            case "step" -> {
                Trainer t = workload().trainer();
                double t0 = clock.seconds();
                if (t.shareCount() == 1) {
                    workload.step();
                    double s = clock.seconds() - t0;
                    times.add(s);
                    out.name("seconds").value(s);
                } else {
                    batchesDone = 0;
                    computing = 0;
                    t.begin(workload.nextBatch().get(), workload.state());
                    t.advance(Double.POSITIVE_INFINITY);
                    computing += clock.seconds() - t0;
                    out.name("waiting").value(true);
                }
            }
            case "report" -> out.name("line").value(report(r));
            case "run" -> {
                String name = r.string("workload");
                out.name("line").value(name.equals("SOL-MM") ? Workloads.matmulCeiling(clock) : Workloads.run(name, clock));
            }
            default -> throw new IllegalArgumentException("unknown command 'bench." + command + "'");
        }
    }

    /** This worker's share of the batch under way, once a shared step waits for the others' (else null). */
    double[] contribution() {
        return workload == null || !workload.trainer().waiting() ? null : workload.trainer().contribution();
    }

    /**
     * Adds every worker's contribution in share order and finishes that batch's update; then begins the
     * step's next batch (replying {@code waiting} again) or, after the last, replies the seconds this
     * worker computed in the whole step ({@code computing}) and, if {@code next}, begins the next
     * step at once (as the page's pool does: the sum and the next request in one message).
     */
    void gather(double[][] contributions, boolean next, JsonWriter out) {
        Trainer t = workload().trainer();
        double t0 = clock.seconds();
        t.gatherShares(contributions);
        t.advance(Double.POSITIVE_INFINITY);
        batchesDone++;
        boolean stepDone = batchesDone == workload.batchesPerStep();
        if (stepDone) {
            out.name("computing").value(computing + clock.seconds() - t0);
            batchesDone = 0;
            computing = 0;
            t0 = clock.seconds();
        }
        if (!stepDone || next) {
            t.begin(workload.nextBatch().get(), workload.state());
            t.advance(Double.POSITIVE_INFINITY);
            out.name("waiting").value(true);
        }
        computing += clock.seconds() - t0;
    }

    /** The workload's weights (for tests). */
    double[] weights() {
        return workload().trainer().model().params().value;
    }

    private Workloads.Workload workload() {
        if (workload == null) {
            throw new IllegalStateException("no benchmark set up");
        }
        return workload;
    }

    /**
     * The report of the last timed steps (all steps before them were warm-up): this worker's times,
     * or those a page measured over several workers ({@code seconds}, one per step).
     */
    private String report(JsonObject r) {
        int n = Workloads.TIMED;
        double[] timed = new double[n];
        if (r.has("seconds")) {
            timed = r.array("seconds", n);
        } else {
            if (times.size() < Workloads.WARMUP + n) {
                throw new IllegalStateException("run at least " + (Workloads.WARMUP + n) + " benchmark steps first");
            }
            for (int i = 0; i < n; i++) {
                timed[i] = times.get(times.size() - n + i);
            }
        }
        return workload().report(new Timing(timed));
    }
}
