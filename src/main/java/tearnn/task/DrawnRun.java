package tearnn.task;

import tearnn.file.SavedModel;
import tearnn.math.Rng;
import tearnn.model.Batch;
import tearnn.model.Model;
import tearnn.train.Trainer;

/**
 * A run on sequences drawn fresh at every step from a seeded generator: the memory tasks', the
 * translator's pairs. A task says how a step's batch is drawn; this class counts the steps and the
 * sequences seen, keeps them and the generator in checkpoints and model files (a step under way: the
 * generator as it was when the step began), and reads them back.
 */
abstract class DrawnRun extends TrainingRun<DrawnRun.Snapshot> {
    private Rng data;
    /** The generator as it was when the step under way began. */
    private final Rng dataAtStep = new Rng(0);
    private final int batch;
    private int steps;
    private long sequences;

    /** How far a run has come. */
    public record Progress(int steps, long sequences) {
    }

    /** The progress and the generator's state, as a checkpoint keeps them. */
    record Snapshot(Progress progress, int[] data) {
    }

    /**
     * A run drawing {@code batch} sequences a step from {@code seed}; or, where {@code saved} is not
     * null, resumed where that file stopped.
     */
    protected DrawnRun(Model model, Trainer trainer, int batch, int seed, SavedModel saved) {
        super(model, trainer);
        this.batch = batch;
        Rng kept = saved != null ? saved.generator("data") : null;
        this.data = kept != null ? kept : new Rng(seed);
        if (saved != null) {
            this.steps = (int) saved.counter("steps", 0);
            this.sequences = (long) saved.counter("sequences", 0);
        }
    }

    /** Draws the step's {@code batch} sequences from {@code data} into the task's batch and returns it. */
    protected abstract Batch drawStep(Rng data);

    @Override
    protected final void beginStep() {
        dataAtStep.copyFrom(data);
        trainer.begin(drawStep(data), null);
    }

    @Override
    protected final Snapshot snapshot() {
        return new Snapshot(progress(), data.state());
    }

    @Override
    protected final int restore(Snapshot back) {
        steps = back.progress().steps();
        sequences = back.progress().sequences();
        data = Rng.fromState(back.data());
        return steps;
    }

    @Override
    protected final void stepDone() {
        steps++;
        sequences += batch;
    }

    /** Puts the progress and the generator into a model file (a step under way: as it stood when it began). */
    protected final void saveProgress(SavedModel s) {
        s.putCounter("steps", steps);
        s.putCounter("sequences", sequences);
        s.putCounter("batch", batch);
        s.putGenerator("data", trainer.stepping() ? dataAtStep : data);
    }

    @Override
    public final int steps() {
        return steps;
    }

    public final Progress progress() {
        return new Progress(steps, sequences);
    }
}
