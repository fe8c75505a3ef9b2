package tearnn.task;

import tearnn.file.SavedModel;
import tearnn.model.Model;
import tearnn.train.DivergedException;
import tearnn.train.Trainer;

/**
 * What every task's run does the same way: train whole steps, or by a budget of work (parts of steps,
 * so a big model's step may take several calls; see {@link Trainer#advance}), with the same bits
 * either way; finish a step under way; and when training blows up, go back to the newest checkpoint
 * a calm step vouched for (see {@link Checkpoints}). A task says how its steps begin, what its
 * progress is, and how to count a step done.
 *
 * @param <P> the task's progress, as a checkpoint keeps it
 */
public abstract class TrainingRun<P> {
    protected final Model model;
    protected final Trainer trainer;
    private final Checkpoints<P> checkpoints = new Checkpoints<>();
    /** Calls that advanced training so far: the weights may change with every one. */
    private int revision;

    protected TrainingRun(Model model, Trainer trainer) {
        this.model = model;
        this.trainer = trainer;
    }

    /**
     * What a budget of work did: the steps it finished (0: the one under way goes on), their mean
     * loss, and the floating-point operations done (as estimated).
     */
    public record Work(int steps, double loss, double flops) {
    }

    /** Sets up the next step's batch and begins the step on the trainer. */
    protected abstract void beginStep();

    /** A copy of the task's progress now, between steps. */
    protected abstract P snapshot();

    /** Puts the task's progress back as {@code p} holds it; returns the step it stands at then. */
    protected abstract int restore(P p);

    /** Counts a step done. */
    protected abstract void stepDone();

    /** Training steps finished. */
    public abstract int steps();

    /** Floating-point operations of one training step, as estimated (see {@link Model#stepFlops}). */
    public abstract double stepFlops();

    /**
     * The run saved, so that a resumed run continues exactly. A step under way is left out (its
     * weights are not yet touched; one applying its update is finished first): the run is saved as it
     * stood when that step began.
     */
    public abstract SavedModel saved();

    /**
     * A model file of this run's model and trainer, to which a task adds its own (see {@link #saved});
     * a step applying its update is finished first.
     */
    protected final SavedModel savedModel() {
        if (trainer.updating()) {
            settle();
        }
        return new SavedModel(model, trainer);
    }

    /**
     * Trains {@code n} whole steps; returns their mean loss. If training blows up, the run goes back
     * to where it was before the blow-up began and the {@link DivergedException} says which step that
     * is.
     */
    public double train(int n) {
        if (trainer.shareCount() > 1) {
            throw new IllegalStateException("a run shared among workers trains by a budget of work, not by whole steps");
        }
        settle();
        checkpoints.begin(model, trainer, snapshot());
        double loss = 0;
        for (int i = 0; i < n; i++) {
            beginStep();
            advanceStep(Double.POSITIVE_INFINITY);
            loss += trainer.lastLoss();
        }
        return loss / n;
    }

    /**
     * Trains for about {@code flops} floating-point operations, in parts of steps; returns the steps
     * finished and their mean loss. The same steps as {@link #train}, bit for bit, however the work is
     * cut.
     */
    public Work work(double flops) {
        return work(flops, Integer.MAX_VALUE);
    }

    /** Told of each step a budget of work finishes: its loss, and its gradient's norm before clipping. */
    public interface StepListener {
        void finished(double loss, double gradNorm);
    }

    /** As {@link #work(double)}, stopping once {@code maxSteps} steps are finished. */
    public Work work(double flops, int maxSteps) {
        return work(flops, maxSteps, null);
    }

    /** As {@link #work(double, int)}, telling {@code listener} (if not null) of each step finished. */
    public Work work(double flops, int maxSteps, StepListener listener) {
        if (!trainer.stepping()) {
            checkpoints.begin(model, trainer, snapshot());
        }
        double spent = 0;
        int done = 0;
        double loss = 0;
        do {
            if (!trainer.stepping()) {
                beginStep();
            }
            spent += advanceStep(flops - spent);
            if (!trainer.stepping()) {
                loss += trainer.lastLoss();
                done++;
                if (listener != null) {
                    listener.finished(trainer.lastLoss(), trainer.lastGradNorm());
                }
            }
        } while (spent < flops && done < maxSteps && !trainer.waiting());
        return new Work(done, loss / done, spent);
    }

    /**
     * Finishes a step under way (after {@link #work}), so the run stands between steps. A shared step
     * that waits for the other workers' shares cannot be finished here.
     */
    public void settle() {
        while (trainer.stepping()) {
            if (trainer.waiting()) {
                throw new IllegalStateException("the step under way waits for the other workers' shares");
            }
            advanceStep(Double.POSITIVE_INFINITY);
        }
    }

    /** Advances the step under way; when it is done, counts it. A blow-up goes back to a checkpoint. */
    private double advanceStep(double flops) {
        revision++;
        double spent;
        try {
            spent = trainer.advance(flops);
        } catch (DivergedException e) {
            P back = checkpoints.rollBack(model, trainer);
            if (back == null) {
                throw e;
            }
            throw e.rolledBackTo(restore(back));
        }
        if (!trainer.stepping()) {
            checkpoints.stepped(trainer, trainer.lastLoss());
            stepDone();
        }
        return spent;
    }

    /**
     * A number that changes whenever the weights may have (a step or a part of one, a blow-up's
     * rollback): a result computed from the weights is stale once it moves.
     */
    public int revision() {
        return revision;
    }

    public Model model() {
        return model;
    }

    public Trainer trainer() {
        return trainer;
    }
}
