package tearnn.task;

import tearnn.file.SavedModel;
import tearnn.model.Batch;
import tearnn.model.Model;
import tearnn.train.Trainer;

/**
 * A run through a fixed set of training examples, epoch after epoch in a shuffled order
 * ({@link EpochOrder}), a batch of them a step: the classifier's sequences, the forecaster's
 * windows. A task says how its examples fill a batch; this class counts the steps and the examples
 * seen, keeps them (and the order) in checkpoints and model files, and reads them back.
 */
abstract class EpochRun extends TrainingRun<EpochRun.Snapshot> {
    private final EpochOrder order;
    /** The examples of the step under way (reused from step to step). */
    private final int[] chosen;
    private int steps;
    private long examples;

    /** How far a run has come: steps, examples seen. */
    public record Progress(int steps, long examples) {
    }

    record Snapshot(Progress progress, EpochOrder.State order) {
    }

    /**
     * A run over the training examples {@code train}, {@code batch} a step, in an order shuffled from
     * {@code seed}; or, where {@code saved} keeps an order, resumed where that file stopped.
     */
    protected EpochRun(Model model, Trainer trainer, int batch, int[] train, int seed, SavedModel saved) {
        super(model, trainer);
        this.chosen = new int[batch];
        EpochOrder kept = saved != null ? EpochOrder.read(saved) : null;
        if (kept != null) {
            this.order = kept;
            this.steps = (int) saved.counter("steps", 0);
            this.examples = (long) saved.counter("examples", 0);
        } else {
            this.order = new EpochOrder(train, seed);
        }
    }

    /** Training examples in the order a saved file keeps (null: none kept), to tell another data set's. */
    static int keptExamples(SavedModel saved) {
        EpochOrder kept = EpochOrder.read(saved);
        return kept != null ? kept.size() : -1;
    }

    /** Fills the step's batch with the training examples {@code which} and returns it. */
    protected abstract Batch fillStep(int[] which);

    @Override
    protected final void beginStep() {
        order.beginStep();
        order.next(chosen);
        trainer.begin(fillStep(chosen), null);
    }

    @Override
    protected final Snapshot snapshot() {
        return new Snapshot(progress(), order.state());
    }

    @Override
    protected final int restore(Snapshot back) {
        steps = back.progress().steps();
        examples = back.progress().examples();
        order.restore(back.order());
        return steps;
    }

    @Override
    protected final void stepDone() {
        steps++;
        examples += chosen.length;
    }

    /** Puts the progress and the order into a model file (a step under way: as it stood when it began). */
    protected final void saveProgress(SavedModel s) {
        s.putCounter("steps", steps);
        s.putCounter("examples", examples);
        s.putCounter("batch", chosen.length);
        order.save(s, trainer.stepping());
    }

    @Override
    public final int steps() {
        return steps;
    }

    public final Progress progress() {
        return new Progress(steps, examples);
    }
}
