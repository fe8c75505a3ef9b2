package tearnn.task;

import tearnn.file.SavedModel;
import tearnn.math.Rng;

/**
 * The order in which a run goes through a fixed set of training examples: shuffled afresh (from its
 * own generator) at the start of every epoch, read one example at a time. It remembers where it stood
 * when the step under way began, so a run saved mid-step resumes from that step's beginning, and it
 * saves itself into a model file and reads itself back from one.
 */
final class EpochOrder {
    private Rng rng;
    private final Rng rngAtStep = new Rng(0);
    private int[] shuffled;
    /** The epoch's order as the step under way found it, when that step began a new epoch. */
    private int[] shuffledAtStep;
    private boolean reshuffledInStep;
    private int position;
    private int positionAtStep;

    /** What a checkpoint keeps: the generator's state, the epoch's order and the place in it. */
    record State(int[] rng, int[] shuffled, int position) {
    }

    /** A new order over {@code examples} (copied), shuffled from {@code seed}. */
    EpochOrder(int[] examples, int seed) {
        this.rng = new Rng(seed);
        this.shuffled = examples.clone();
        this.shuffledAtStep = new int[shuffled.length];
        shuffle();
    }

    private EpochOrder(Rng rng, int[] shuffled, int position) {
        this.rng = rng;
        this.shuffled = shuffled;
        this.shuffledAtStep = new int[shuffled.length];
        this.position = position;
    }

    /** The order a model file saved (see {@link #save}), or null when it holds none. */
    static EpochOrder read(SavedModel saved) {
        Rng rng = saved.generator("order");
        double[] kept = saved.array("shuffled");
        if (rng == null || kept == null) {
            return null;
        }
        int[] shuffled = new int[kept.length];
        for (int i = 0; i < kept.length; i++) {
            shuffled[i] = (int) kept[i];
        }
        return new EpochOrder(rng, shuffled, (int) saved.counter("position", 0));
    }

    /** Training examples in the order (saved files from other data have another count). */
    int size() {
        return shuffled.length;
    }

    private void shuffle() {
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        position = 0;
    }

    /** Marks the beginning of a step (what {@link #save} keeps while the step is under way). */
    void beginStep() {
        rngAtStep.copyFrom(rng);
        positionAtStep = position;
        reshuffledInStep = false;
    }

    /** Fills {@code chosen} with the next examples, starting a new epoch where one ends. */
    void next(int[] chosen) {
        for (int k = 0; k < chosen.length; k++) {
            if (position == shuffled.length) {
                if (!reshuffledInStep) {
                    System.arraycopy(shuffled, 0, shuffledAtStep, 0, shuffled.length);
                    reshuffledInStep = true;
                }
                shuffle();
            }
            chosen[k] = shuffled[position++];
        }
    }

    State state() {
        return new State(rng.state(), shuffled.clone(), position);
    }

    void restore(State s) {
        rng = Rng.fromState(s.rng());
        shuffled = s.shuffled().clone();
        position = s.position();
        reshuffledInStep = false;
    }

    /** Puts the order into a model file; {@code underStep}: as it stood when the step under way began. */
    void save(SavedModel s, boolean underStep) {
        s.putCounter("position", underStep ? positionAtStep : position);
        s.putGenerator("order", underStep ? rngAtStep : rng);
        int[] order = underStep && reshuffledInStep ? shuffledAtStep : shuffled;
        double[] kept = new double[order.length];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = order[i];
        }
        s.putArray("shuffled", kept);
    }
}
