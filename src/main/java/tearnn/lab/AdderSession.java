package tearnn.lab;

import tearnn.json.JsonObject;
import tearnn.json.JsonWriter;
import tearnn.math.Rng;
import tearnn.model.Batch;
import tearnn.model.Model;
import tearnn.model.SavedModel;
import tearnn.nn.CellType;
import tearnn.optim.Optimizer;
import tearnn.optim.Schedule;
import tearnn.task.Adder;
import tearnn.train.Trainer;

/** The page's binary-adder panel: one model being trained, its settings and progress. */
final class AdderSession {
    static final int SAMPLE = 256;

    final Adder adder;
    final Model model;
    final Trainer trainer;
    final Rng data;
    final Rng sampleRng;
    final Batch batch;
    final Batch sample;
    int steps;
    long examples;

    AdderSession(JsonObject s) {
        int bits = Fields.integer(s, "bits", 8, 2, 16);
        CellType cell = Fields.cell(s, "cell", CellType.GRU);
        int hidden = Fields.integer(s, "hidden", 16, 1, 256);
        int batchSize = Fields.integer(s, "batch", 32, 1, 1024);
        double lr = Fields.number(s, "lr", 0.03, 1e-6, 10);
        int seed = Fields.integer(s, "seed", 1, Integer.MIN_VALUE, Integer.MAX_VALUE);
        String opt = Fields.choice(s, "optimizer", "adam", "sgd", "adagrad", "rmsprop", "adam", "adamw");
        adder = new Adder(bits);
        model = new Model(Adder.architecture(cell, hidden), seed);
        trainer = new Trainer(model, Optimizer.create(opt, null, model.params().size()), Schedule.constant(lr));
        data = new Rng(seed + 1000);
        sampleRng = new Rng(seed + 2000);
        batch = adder.newBatch(batchSize);
        sample = adder.newBatch(SAMPLE);
    }

    private AdderSession(Adder adder, Model model, Trainer trainer, Rng data, int batchSize) {
        this.adder = adder;
        this.model = model;
        this.trainer = trainer;
        this.data = data;
        this.sampleRng = new Rng(7);
        this.batch = adder.newBatch(batchSize);
        this.sample = adder.newBatch(SAMPLE);
    }

    /** Continues a saved adder (its file from {@code adder.save}, or any adder-shaped model). */
    static AdderSession restore(SavedModel saved) {
        int bits = saved.counters.containsKey("bits") ? (int) (double) saved.counters.get("bits") : 8;
        Adder adder = new Adder(bits);
        Trainer trainer = saved.trainer != null ? saved.trainer : new Trainer(saved.model,
                Optimizer.create("adam", null, saved.model.params().size()), Schedule.constant(0.03));
        int[] data = saved.generators.get("data");
        AdderSession s = new AdderSession(adder, saved.model, trainer, data != null ? Rng.fromState(data) : new Rng(1), 32);
        s.steps = saved.counters.containsKey("steps") ? (int) (double) saved.counters.get("steps") : 0;
        s.examples = saved.counters.containsKey("examples") ? (long) (double) saved.counters.get("examples") : 0;
        return s;
    }

    /** Trains {@code n} steps; reports mean loss and accuracy on a fresh random sample of pairs. */
    void train(int n, JsonWriter out) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            adder.fillRandom(batch, data);
            loss += trainer.step(batch, null);
        }
        steps += n;
        examples += (long) n * batch.size;
        adder.fillRandom(sample, sampleRng);
        double sampled = adder.accuracy(model, sample);
        out.name("steps").value(steps).name("examples").value((double) examples)
                .name("loss").value(loss / n).name("sampleAccuracy").value(sampled);
    }

    /**
     * Above this many pairs (from 11 bits: operands below 1,024, so 1,048,576 pairs), the check uses
     * a fixed random sample of them; 10 bits (262,144 pairs) are still all checked.
     */
    static final long EXHAUSTIVE_MAX = 1L << 18;
    static final int SAMPLED_PAIRS = 1 << 16;
    private static final int CHECK_CHUNK = 4096;

    /** The check under way: pairs checked, right so far, the step it is for, its sample. */
    private long checkedPairs;
    private long correctPairs;
    private int checkStep = -1;
    private Rng checkRng;
    private Batch checkBatch;

    /**
     * Checks up to {@code pairs} more pairs (starting over if the model has trained since the check
     * began): all pairs a, b below the operand limit where they number at most {@link #EXHAUSTIVE_MAX},
     * else a fixed sample of {@link #SAMPLED_PAIRS}. When the check is complete, reports the accuracy.
     */
    void accuracy(int pairs, JsonWriter out) {
        long all = adder.pairCount();
        boolean exhaustive = all <= EXHAUSTIVE_MAX;
        long total = exhaustive ? all : SAMPLED_PAIRS;
        if (checkStep != steps) {
            checkedPairs = 0;
            correctPairs = 0;
            checkStep = steps;
            checkRng = new Rng(12345);
        }
        long end = Math.min(total, checkedPairs + pairs);
        while (checkedPairs < end) {
            int n = (int) Math.min(CHECK_CHUNK, end - checkedPairs);
            if (checkBatch == null || checkBatch.size != n) {
                checkBatch = adder.newBatch(n);
            }
            if (exhaustive) {
                adder.fillPairs(checkBatch, checkedPairs);
            } else {
                adder.fillRandom(checkBatch, checkRng);
            }
            correctPairs += adder.countCorrect(model, checkBatch);
            checkedPairs += n;
        }
        boolean done = checkedPairs == total;
        out.name("done").value(done).name("fraction").value(checkedPairs / (double) total)
                .name("pairs").value((double) total).name("exhaustive").value(exhaustive);
        if (done) {
            out.name("accuracy").value(correctPairs / (double) total);
            checkStep = -1;
        }
    }

    void longer(int bits, JsonWriter out) {
        Adder a = new Adder(bits);
        out.name("bits").value(bits).name("accuracy").value(a.accuracySampled(model, 2000, new Rng(bits)));
    }

    void trace(int a, int b, JsonWriter out) {
        Adder.Trace t = adder.trace(model, a, b);
        out.name("a").value(a).name("b").value(b).name("sum").value(t.predicted()).name("correct").value(t.correct());
        out.name("probabilities").array(t.probabilities(), 0, t.probabilities().length);
        out.name("hidden").beginArray();
        for (double[] h : t.hidden()) {
            out.array(h, 0, h.length);
        }
        out.endArray();
    }
}
