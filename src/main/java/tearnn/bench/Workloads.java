package tearnn.bench;

import java.util.function.Supplier;
import tearnn.loss.LossKind;
import tearnn.math.MatMul;
import tearnn.math.Rng;
import tearnn.model.Architecture;
import tearnn.model.Batch;
import tearnn.model.Model;
import tearnn.model.OutputLayer;
import tearnn.model.State;
import tearnn.nn.CellType;
import tearnn.optim.OptimizerKind;
import tearnn.optim.Schedule;
import tearnn.task.Adder;
import tearnn.task.AdderSettings;
import tearnn.task.AdaptiveCutoffs;
import tearnn.task.AdderTask;
import tearnn.task.TokenStreams;
import tearnn.train.Trainer;

/**
 * The benchmark workloads of docs/workloads.md, run on the engine, returning printable
 * lines. Platform-neutral (no JVM or browser API): the caller passes a clock, so the same code is
 * measured on the JVM and in the browser builds.
 */
public final class Workloads {
    public static final int WARMUP = 5;
    public static final int TIMED = 20;
    /** Warm-up lasts at least this long too (see {@link Timing#measure(int, double, int, Timing.Clock, Runnable)}). */
    public static final double WARMUP_SECONDS = 1.0;

    private Workloads() {
    }

    /**
     * One prepared workload: a timed step of {@code unitsPerStep} units is {@code batchesPerStep}
     * training steps of {@code trainer} (whose threads or share a caller may set before timing), each
     * on the batch {@code nextBatch} gives (example generation, where there is any, included).
     */
    public record Workload(String name, String unit, double unitsPerStep, double flopsPerStep, Trainer trainer,
                           int batchesPerStep, Supplier<Batch> nextBatch, State state) {
        /** A workload whose steps start from zeros (no state carried between them). */
        public Workload(String name, String unit, double unitsPerStep, double flopsPerStep, Trainer trainer, int batchesPerStep,
                        Supplier<Batch> nextBatch) {
            this(name, unit, unitsPerStep, flopsPerStep, trainer, batchesPerStep, nextBatch, null);
        }

        /** One timed step, whole. */
        public void step() {
            for (int i = 0; i < batchesPerStep; i++) {
                trainer.step(nextBatch.get(), state);
            }
        }

        /** The report line for these step times. */
        public String report(Timing t) {
            String line = String.format("%-7s %9.0f %s/s (min-max %.0f-%.0f)", name, unitsPerStep / t.median(), unit,
                    unitsPerStep / t.max(), unitsPerStep / t.min());
            if (flopsPerStep > 0) {
                line += String.format("  %5.2f GFLOP/s  step %.2f ms", flopsPerStep / t.median() / 1e9, t.median() * 1e3);
            }
            return line;
        }
    }

    /** Builds the model and inputs of W-LM, W-LM-1, W-ADD, W-ADD-batched or W-WORD, ready to time step by step. */
    public static Workload create(String name) {
        return switch (name) {
            case "W-LM" -> languageModelWorkload(32);
            case "W-LM-1" -> languageModelWorkload(1);
            case "W-ADD" -> adderWorkload();
            case "W-ADD-batched" -> batchedAdderWorkload();
            case "W-WORD", "W-WORD softmax" -> wordWorkload(false);
            case "W-WORD adaptive" -> wordWorkload(true);
            default -> throw new IllegalArgumentException(
                    "unknown workload '" + name + "' (expected W-LM, W-LM-1, W-ADD, W-ADD-batched, W-WORD or W-WORD adaptive)");
        };
    }

    /** Runs a workload by the spec's protocol and returns its report line. */
    public static String run(String name, Timing.Clock clock) {
        Workload w = create(name);
        return w.report(Timing.measure(WARMUP, WARMUP_SECONDS, TIMED, clock, w::step));
    }

    /**
     * W-LM (batch 32) or W-LM-1 (batch 1): one-hot character LSTM, V = 65, H = 128, T = 25, Adam
     * 2e-3, full backpropagation over the window. One-hot input is a gather of W_ih columns.
     */
    static Workload languageModelWorkload(int batch) {
        int v = 65;
        int h = 128;
        int t = 25;
        Model m = new Model(Architecture.ofTokens(v, 0, CellType.LSTM, h), 1);
        Trainer tr = new Trainer(m, OptimizerKind.ADAM.create(m.params().size()), Schedule.constant(2e-3));
        Rng rng = new Rng(7);
        int[] tokens = new int[t * batch];
        int[] targets = new int[t * batch];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = rng.nextInt(v);
            targets[i] = rng.nextInt(v);
        }
        Batch b = Batch.ofTokens(t, batch, tokens, targets);
        double flops = 2.0 * batch * t * (11.0 * h * v + 12.0 * h * h);
        return new Workload(batch == 1 ? "W-LM-1" : "W-LM", "chars", batch * t, flops, tr, 1, () -> b);
    }

    /**
     * W-ADD throughput: 8-bit addition, one example per SGD step (lr 0.1), hidden 16, no recurrent
     * bias, weights U(-1, 1), full backpropagation over 8 steps, example generation included. The
     * engine's nearest network to the spec's: tanh hidden units (the spec has sigmoid) and a sigmoid
     * output with binary cross-entropy (the spec has squared error); the work per example is the same.
     * Timed in steps of 1,000 examples.
     */
    static Workload adderWorkload() {
        Adder adder = new Adder(8);
        Model m = specAdder(1);
        Trainer tr = new Trainer(m, OptimizerKind.SGD.create(m.params().size()), Schedule.constant(0.1));
        Rng rng = new Rng(3);
        Batch b = adder.newBatch(1);
        int per = 1000;
        return new Workload("W-ADD", "examples", per, 0, tr, per, () -> {
            adder.fillRandom(b, rng);
            return b;
        });
    }

    /**
     * W-ADD-batched: the page's default adder (its task's defaults: GRU, hidden 16, Adam, batches of
     * 32 of 8-bit additions), example generation included; timed in steps of 10 batches.
     */
    static Workload batchedAdderWorkload() {
        AdderSettings s = AdderSettings.defaults();
        Adder adder = new Adder(s.bits());
        Model m = new Model(Adder.architecture(s.cell(), s.hidden()), 1);
        Trainer tr = new Trainer(m, s.optimizer().create(m.params().size()), Schedule.constant(s.learningRate()));
        Rng rng = new Rng(3);
        Batch b = adder.newBatch(s.batch());
        int per = 10;
        return new Workload("W-ADD-batched", "examples", per * s.batch(), 0, tr, per, () -> {
            adder.fillRandom(b, rng);
            return b;
        });
    }

    /**
     * W-WORD, the shape of Zaremba et al. 2014's small model: vocabulary 10,000, embedding 200, two
     * LSTM layers of 200, a full softmax over the vocabulary (or the adaptive softmax, its cutoffs
     * chosen from the tokens' counts as for a person's text: {@link AdaptiveCutoffs}), BPTT 20, batch
     * 20, plain SGD lr 1, clip norm 5, the state carried from step to step; tokens drawn with
     * probability proportional to 1/(i+1) (Zipf), as word frequencies are. Timed in tokens (B*T a step).
     */
    static Workload wordWorkload(boolean adaptive) {
        int v = 10_000;
        int e = 200;
        int h = 200;
        int t = 20;
        int batch = 20;
        int[] tokens = zipf(v, batch * (t * 25 + 1), new Rng(11));
        Architecture a = Architecture.languageModel(CellType.LSTM, v, e, h, 2, 0);
        if (adaptive) {
            long[] counts = new long[v];
            for (int k : tokens) {
                counts[k]++;
            }
            a = a.withOutput(OutputLayer.adaptive(AdaptiveCutoffs.choose(counts, h, 4.0)));
        }
        Model m = new Model(a, 1);
        Trainer tr = new Trainer(m, OptimizerKind.SGD.create(m.params().size()), Schedule.constant(1));
        tr.setClipNorm(5);
        TokenStreams streams = new TokenStreams(tokens, batch, t);
        // per token: the two layers' products (input and recurrent, forward and back, the weights'
        // gradient), and the softmax's (forward, back to h, the weights' gradient)
        double flops = batch * t * (3 * 2.0 * (4 * h * (e + h) + 4 * h * (h + h)) + (adaptive ? 0 : 3 * 2.0 * h * v));
        return new Workload(adaptive ? "W-WORD adaptive" : "W-WORD softmax", "tokens", batch * t, flops, tr, 1, () -> {
            if (!streams.next()) {
                streams.next();
            }
            return streams.batch();
        }, m.newState(batch));
    }

    /** n tokens drawn from [0, v) with probability proportional to 1 / (i + 1). */
    static int[] zipf(int v, int n, Rng rng) {
        double[] cumulative = new double[v];
        double sum = 0;
        for (int i = 0; i < v; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            double u = rng.nextDouble() * sum;
            int lo = 0;
            int hi = v - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            out[k] = lo;
        }
        return out;
    }

    /** The W-ADD network (see {@link #adderWorkload}) with weights U(-1, 1). */
    static Model specAdder(int seed) {
        Model m = new Model(Architecture.ofVectors(2, CellType.RNN_TANH, 16).withBias(false).withOutputs(1, LossKind.SIGMOID_BCE), seed);
        Rng rng = new Rng(seed);
        double[] w = m.params().value;
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.uniform(-1, 1);
        }
        return m;
    }

    /**
     * Examples until all 128 x 128 pairs are added right, checked every 500 examples, cap 50,000:
     * for the W-ADD network with seeds 1-5, and for the project's default adder (GRU, hidden 16,
     * Adam 0.03, batches of 32).
     */
    public static String adderExamplesToSolve() {
        StringBuilder sb = new StringBuilder("W-ADD   examples to 100% (W-ADD network, SGD 0.1, seeds 1-5):");
        for (int seed = 1; seed <= 5; seed++) {
            Model m = specAdder(seed);
            Trainer tr = new Trainer(m, OptimizerKind.SGD.create(m.params().size()), Schedule.constant(0.1));
            Adder adder = new Adder(8);
            Rng rng = new Rng(100 + seed);
            Batch b = adder.newBatch(1);
            sb.append(' ').append(examplesToSolve(m, 1, () -> {
                adder.fillRandom(b, rng);
                tr.step(b, null);
            }));
        }
        sb.append("\n        examples to 100% (project default: gru, hidden 16, adam 0.03, batch 32, seeds 1-5):");
        for (int seed = 1; seed <= 5; seed++) {
            AdderTask task = new AdderTask(new AdderSettings(8, CellType.GRU, 16, OptimizerKind.ADAM, 0.03, 32, seed));
            sb.append(' ').append(examplesToSolve(task.model(), 32, () -> task.train(1)));
        }
        return sb.toString();
    }

    /** Runs {@code step} (of {@code batch} examples) until the model adds all 8-bit pairs, checking every 500 examples. */
    private static String examplesToSolve(Model m, int batch, Runnable step) {
        Adder adder = new Adder(8);
        int examples = 0;
        int nextCheck = 500;
        while (examples < 50_000) {
            step.run();
            examples += batch;
            if (examples >= nextCheck) {
                nextCheck += 500;
                if (adder.accuracyAllPairs(m) == 1) {
                    return String.valueOf(examples);
                }
            }
        }
        return ">50000";
    }

    /** SOL-MM: C[128x32] = A[128x193] B[193x32], with the two product kernels the engine uses. */
    public static String matmulCeiling(Timing.Clock clock) {
        int m = 128;
        int k = 193;
        int n = 32;
        Rng rng = new Rng(1);
        double[] a = new double[m * k];
        double[] b = new double[k * n];
        double[] bt = new double[n * k];
        double[] c = new double[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.uniform(-1, 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rng.uniform(-1, 1);
            bt[(i % n) * k + i / n] = b[i];
        }
        int reps = 200;
        double flops = 2.0 * m * n * k * reps;
        Timing axpy = Timing.measure(WARMUP, WARMUP_SECONDS, TIMED, clock, () -> {
            for (int r = 0; r < reps; r++) {
                MatMul.multAdd(c, 0, a, 0, b, 0, m, n, k);
            }
        });
        Timing dot = Timing.measure(WARMUP, WARMUP_SECONDS, TIMED, clock, () -> {
            for (int r = 0; r < reps; r++) {
                MatMul.multAddTransB(c, 0, a, 0, bt, 0, m, n, k);
            }
        });
        return String.format("SOL-MM  multAdd %5.2f GFLOP/s (min-max %.2f-%.2f), multAddTransB %5.2f GFLOP/s (min-max %.2f-%.2f)",
                flops / axpy.median() / 1e9, flops / axpy.max() / 1e9, flops / axpy.min() / 1e9,
                flops / dot.median() / 1e9, flops / dot.max() / 1e9, flops / dot.min() / 1e9);
    }
}
