package tearnn.train;

import tearnn.math.Readable;
import tearnn.model.Batch;
import tearnn.model.Model;
import tearnn.model.State;
import tearnn.optim.Clip;
import tearnn.optim.Optimizer;
import tearnn.optim.Schedule;

/**
 * One training step = forward, loss, backward through time (full or truncated), optional clipping,
 * one optimizer update at the scheduled learning rate. A step that shows training blowing up is
 * refused with a {@link DivergedException} before anything changes: a loss or gradient that is not
 * finite; a loss above {@code 1000 max(first loss, recent loss) + 1} (the first loss is about that of
 * a model that knows nothing, so this is far worse than knowing nothing, and far above where
 * training had come to); weights past {@link #WEIGHT_LIMIT} in size. A step whose loss is at most
 * {@code 2 max(first, recent) + 1} is {@linkplain #calm calm}: its weights are good to go back to.
 */
public final class Trainer {
    private final Model model;
    private final Optimizer optimizer;
    private Schedule schedule;
    private double clipNorm;
    private double clipValue;
    private int truncate;
    private double lastGradNorm;
    /** The first loss this trainer saw, and a running average of the losses of the steps since. */
    private double firstLoss = Double.NaN;
    private double recentLoss = Double.NaN;
    /** Weights this large (in absolute value) mean training has blown up. */
    public static final double WEIGHT_LIMIT = 1e6;
    /**
     * A loss this many times above both the first loss and the recent ones (plus 1) means training
     * is blowing up. Single spikes of a hundred times happen and pass (RMSprop's large first steps on
     * a relu network); a blow-up climbs by orders of magnitude within a few steps.
     */
    static final double BLOW_UP = 1000;
    /** The running average's weight on the newest loss (about the last 20 steps). */
    private static final double RECENT = 0.05;

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

    /** The running average of recent losses (NaN before the first step). */
    public double recentLoss() {
        return recentLoss;
    }

    /**
     * Whether a loss is calm: at most {@code 2 max(first, recent) + 1}, so no worse than twice where
     * training started or had come to. The weights a calm step ran on are good to go back to.
     */
    public boolean calm(double loss) {
        return firstLoss != firstLoss || loss <= 2 * Math.max(firstLoss, recentLoss) + 1;
    }

    /** Sets the guard's memory of losses (to go back to a checkpoint's). */
    public void setLossHistory(double first, double recent) {
        firstLoss = first;
        recentLoss = recent;
    }

    /** The first loss this trainer saw (NaN before the first step). */
    public double firstLoss() {
        return firstLoss;
    }

    /**
     * Trains on one batch; {@code state} (may be null) is the initial state and receives the final
     * one, detached. Returns the mean loss before the update. If the step shows training blowing up
     * (see above) it is refused and the state reset to zeros (it may hold non-finite values).
     */
    public double step(Batch batch, State state) {
        double loss = model.forwardBackward(batch, state, truncate);
        double norm = Clip.globalNorm(model.params());
        lastGradNorm = norm;
        String broken = blowUp(loss, norm);
        if (broken != null) {
            if (state != null) {
                state.reset();
            }
            int step = optimizer.steps() + 1;
            throw new DivergedException(step, broken, step - 1);
        }
        if (clipNorm > 0) {
            Clip.scaleToNorm(model.params(), norm, clipNorm);
        }
        if (clipValue > 0) {
            Clip.byValue(model.params(), clipValue);
        }
        optimizer.step(model.params(), schedule.rate(optimizer.steps()));
        if (firstLoss != firstLoss) {
            firstLoss = loss;
            recentLoss = loss;
        } else {
            recentLoss += RECENT * (loss - recentLoss);
        }
        return loss;
    }

    /** What shows training blowing up at this step, or null if nothing does. */
    private String blowUp(double loss, double norm) {
        if (loss != loss || Double.isInfinite(loss)) {
            return "the loss became " + loss;
        }
        if (norm != norm || Double.isInfinite(norm)) {
            return "the gradient became " + norm;
        }
        if (firstLoss == firstLoss && loss > BLOW_UP * Math.max(firstLoss, recentLoss) + 1) {
            return "the loss jumped to " + Readable.number(loss) + " (it had been about " + Readable.number(recentLoss) + ")";
        }
        double w = 0;
        for (double v : model.params().value) {
            w = Math.max(w, Math.abs(v));
        }
        if (w > WEIGHT_LIMIT) {
            return "the weights grew to " + Readable.number(w) + " in size";
        }
        return null;
    }
}
