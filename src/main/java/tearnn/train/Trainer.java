package tearnn.train;

import tearnn.model.Batch;
import tearnn.model.Model;
import tearnn.model.State;
import tearnn.optim.Clip;
import tearnn.optim.Optimizer;
import tearnn.optim.Schedule;

/**
 * One training step = forward, loss, backward through time (full or truncated), optional clipping,
 * one optimizer update at the scheduled learning rate. A step whose loss or gradient is not finite
 * is refused with a {@link DivergedException} before anything changes.
 */
public final class Trainer {
    private final Model model;
    private final Optimizer optimizer;
    private Schedule schedule;
    private double clipNorm;
    private double clipValue;
    private int truncate;
    private double lastGradNorm;

    public Trainer(Model model, Optimizer optimizer, Schedule schedule) {
        if (model == null || optimizer == null || schedule == null) {
            throw new IllegalArgumentException("a trainer needs a model, an optimizer and a schedule");
        }
        this.model = model;
        this.optimizer = optimizer;
        this.schedule = schedule;
    }

    public Model model() {
        return model;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public Schedule schedule() {
        return schedule;
    }

    public void setSchedule(Schedule s) {
        if (s == null) {
            throw new IllegalArgumentException("schedule must not be null");
        }
        schedule = s;
    }

    /** Clip gradients to this global L2 norm before each update; 0 turns it off. */
    public void setClipNorm(double max) {
        if (!(max >= 0) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("clipping norm must be finite and >= 0 (0 = off), got " + max);
        }
        clipNorm = max;
    }

    /** Clamp every gradient to [-v, v] before each update; 0 turns it off. */
    public void setClipValue(double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("clipping value must be finite and >= 0 (0 = off), got " + v);
        }
        clipValue = v;
    }

    /** Truncate backpropagation every k steps within a batch; 0 = full. */
    public void setTruncate(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("truncation length must be >= 0 (0 = full), got " + k);
        }
        truncate = k;
    }

    public double clipNorm() {
        return clipNorm;
    }

    public double clipValue() {
        return clipValue;
    }

    public int truncate() {
        return truncate;
    }

    /** Global gradient norm of the last step, before clipping. */
    public double lastGradNorm() {
        return lastGradNorm;
    }

    /** Learning rate the next step will use. */
    public double currentRate() {
        return schedule.rate(optimizer.steps());
    }

    /**
     * Trains on one batch; {@code state} (may be null) is the initial state and receives the final
     * one, detached. Returns the mean loss before the update. On divergence the state is reset to
     * zeros, since it holds the non-finite values.
     */
    public double step(Batch batch, State state) {
        double loss = model.forwardBackward(batch, state, truncate);
        double norm = Clip.globalNorm(model.params());
        lastGradNorm = norm;
        if (loss != loss || Double.isInfinite(loss) || norm != norm || Double.isInfinite(norm)) {
            if (state != null) {
                state.reset();
            }
            throw new DivergedException((loss != loss || Double.isInfinite(loss) ? "the loss became " + loss
                    : "the gradient became " + norm) + " at step " + (optimizer.steps() + 1)
                    + "; the update was not applied and the last good weights are kept."
                    + " Try a lower learning rate or gradient clipping.");
        }
        if (clipNorm > 0) {
            Clip.scaleToNorm(model.params(), norm, clipNorm);
        }
        if (clipValue > 0) {
            Clip.byValue(model.params(), clipValue);
        }
        optimizer.step(model.params(), schedule.rate(optimizer.steps()));
        return loss;
    }
}
