package tearnn.task;

import tearnn.model.Model;
import tearnn.train.Trainer;

/**
 * Where a task goes back to when training blows up: the newest {@link Checkpoint} whose weights were
 * vouched for by a {@linkplain Trainer#calm calm} step run on them. One is taken at the start of each
 * training call; the first step of the call runs on its weights, and if that step is calm it becomes
 * the one to go back to (else the older one stays: a spike, or the start of a blow-up).
 */
final class Checkpoints<P> {
    private Checkpoint<P> taken = new Checkpoint<>();
    private Checkpoint<P> vouched = new Checkpoint<>();
    private boolean waiting;

    /** At the start of a training call. */
    void begin(Model model, Trainer trainer, P progress) {
        taken.capture(model, trainer, progress);
        waiting = true;
    }

    /** After each step, with its loss: the first step after {@link #begin} vouches for the weights taken. */
    void stepped(Trainer trainer, double loss) {
        if (!waiting) {
            return;
        }
        waiting = false;
        if (trainer.guard().calm(loss)) {
            Checkpoint<P> t = vouched;
            vouched = taken;
            taken = t;
        }
    }

    /**
     * After a blow-up: puts the model and trainer back to the newest vouched checkpoint and returns its
     * progress (null: there is none, and the model keeps the last good weights).
     */
    P rollBack(Model model, Trainer trainer) {
        if (!vouched.taken()) {
            return null;
        }
        return vouched.restore(model, trainer);
    }
}
