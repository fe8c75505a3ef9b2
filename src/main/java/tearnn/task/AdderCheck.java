package tearnn.task;

import tearnn.math.Rng;
import tearnn.model.Batch;
import tearnn.model.Model;

/**
 * How many additions a model gets right (every sum bit), checked a part at a time so a page can
 * run it in short calls: all pairs a, b below the operand limit where they number at most
 * {@link #EXHAUSTIVE_MAX}, else a fixed random sample of {@link #SAMPLED_PAIRS}. The model must not
 * change between calls; start a new check after training.
 */
public final class AdderCheck {
    /**
     * Above this many pairs (from 11 bits: operands below 1,024, so 1,048,576 pairs), the check uses
     * a fixed random sample of them; 10 bits (262,144 pairs) are still all checked.
     */
    public static final long EXHAUSTIVE_MAX = 1L << 18;
    public static final int SAMPLED_PAIRS = 1 << 16;
    private static final int CHUNK = 4096;
    /** The sample's generator seed: every check of a model reads the same pairs. */
    private static final int SAMPLE_SEED = 12345;

    private final Adder adder;
    private final Model model;
    private final boolean exhaustive;
    private final long total;
    private final Rng sample = new Rng(SAMPLE_SEED);
    private long checked;
    private long correct;
    private Batch batch;

    public AdderCheck(Adder adder, Model model) {
        this.adder = adder;
        this.model = model;
        long all = adder.pairCount();
        this.exhaustive = all <= EXHAUSTIVE_MAX;
        this.total = exhaustive ? all : SAMPLED_PAIRS;
    }

    /** Checks up to {@code pairs} more pairs; returns whether the check is complete. */
    public boolean advance(long pairs) {
        if (pairs <= 0) {
            throw new IllegalArgumentException("pairs to check must be positive, got " + pairs);
        }
        long end = Math.min(total, checked + pairs);
        while (checked < end) {
            int n = (int) Math.min(CHUNK, end - checked);
            if (batch == null || batch.size != n) {
                batch = adder.newBatch(n);
            }
            if (exhaustive) {
                adder.fillPairs(batch, checked);
            } else {
                adder.fillRandom(batch, sample);
            }
            correct += adder.countCorrect(model, batch);
            checked += n;
        }
        return done();
    }

    public boolean done() {
        return checked == total;
    }

    /** Whether every pair is checked (else a fixed sample). */
    public boolean exhaustive() {
        return exhaustive;
    }

    /** Pairs the whole check reads. */
    public long total() {
        return total;
    }

    /** Share of the pairs checked so far, 0 to 1. */
    public double fraction() {
        return checked / (double) total;
    }

    /** Share of the pairs checked so far that the model adds right. */
    public double accuracy() {
        if (checked == 0) {
            throw new IllegalStateException("nothing checked yet");
        }
        return correct / (double) checked;
    }
}
