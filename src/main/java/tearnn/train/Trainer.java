package tearnn.train;

import tearnn.model.Batch;
import tearnn.model.GradientFlow;
import tearnn.model.GradientPass;
import tearnn.model.Model;
import tearnn.model.State;
import tearnn.optim.Clip;
import tearnn.optim.Optimizer;
import tearnn.optim.Schedule;

/**
 * One training step = forward, loss, backward through time (full or truncated), optional clipping
 * ({@link Clip}), one optimizer update at the scheduled learning rate; whole, or in parts of any size
 * with the same bits (a phase machine: the pass, the gradient's norm and checks, the update a range of
 * parameters at a time). The pass runs where {@link PassSplit} says (this thread, threads, or this
 * worker's share). A step that shows training blowing up ({@link BlowUpGuard}) is refused with a
 * {@link DivergedException} before anything changes.
 */
public final class Trainer {
    private final Model model;
    private final Optimizer optimizer;
    private Schedule schedule;
    private double rateScale = 1;
    private double clipNorm;
    private double clipValue;
    private int truncate;
    private double lastGradNorm;
    private final BlowUpGuard guard = new BlowUpGuard();
    /** Parts of a step: the pass through the model, the gradient's norm and checks, the update. */
    private enum Phase { IDLE, PASS, NORM, UPDATE }

    /**
     * Floating-point operations per parameter of the norm and checks, and of clipping and the update,
     * in the units of the products' (an update's square root and division take as long as many
     * multiply-adds).
     */
    private static final double NORM_COST = 4;
    private static final double UPDATE_COST = 60;

    private Phase phase = Phase.IDLE;
    private GradientPass pass;
    private final PassSplit split;
    private final GradientFlow flow = new GradientFlow();
    private State stepState;
    private int at;
    private double squares;
    private double largest;
    private double clipCoefficient;
    private double lastLoss;
    /** The loss and gradient norm of the step under way, once its norm is known; the last step's once it is done. */
    private double stepLoss;
    private double stepNorm;

    public Trainer(Model model, Optimizer optimizer, Schedule schedule) {
        if (model == null || optimizer == null || schedule == null) {
            throw new IllegalArgumentException("a trainer needs a model, an optimizer and a schedule");
        }
        this.model = model;
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.split = new PassSplit(model);
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

    /**
     * Computes each step's gradient on {@code n} threads, by shares of the batch (see
     * {@link DataParallel}); 1 is this thread alone. Between steps only.
     */
    public void setThreads(int n) {
        if (n >= 1 && stepping()) {
            throw new IllegalStateException("the number of threads changes between steps only");
        }
        split.setThreads(n);
    }

    /**
     * Computes only share {@code index} of {@code count} of each step's batch (see {@link SharedStep}):
     * after its share, a step {@linkplain #waiting waits} for the sum of every share's
     * {@linkplain #contribution contribution}, given by {@link #gatherShares}. {@code count} 1 is the whole
     * batch. Between steps only.
     */
    public void share(int index, int count) {
        if (index == shareIndex() && count == shareCount()) {
            return;
        }
        if (stepping()) {
            throw new IllegalStateException("the shares of a step change between steps only");
        }
        split.share(index, count);
    }

    /** This worker's share of each step (0 of 1: the whole batch). */
    public int shareIndex() {
        return split.shareIndex();
    }

    public int shareCount() {
        return split.shareCount();
    }

    /** Whether the step under way waits for the shares ({@link #gatherShares}) to go on. */
    public boolean waiting() {
        return phase == Phase.PASS && pass.waiting();
    }

    /**
     * This worker's contribution to the step under way, once it {@linkplain #waiting waits}: its
     * share's gradient, loss sum and final state (see {@link SharedStep}). The array is reused.
     */
    public double[] contribution() {
        if (!waiting()) {
            throw new IllegalStateException("no shared step waits for its shares");
        }
        return split.contribution();
    }

    /**
     * Takes every worker's contribution, in share order (this worker's own may be null or empty), and
     * adds them in that order (see {@link SharedStep}); the step then goes on (its update) as any other.
     */
    public void gatherShares(double[][] contributions) {
        if (!waiting()) {
            throw new IllegalStateException("no shared step waits for its shares");
        }
        split.gatherShares(contributions);
        passDone();
    }

    /** The pass is done (its shares gathered): the gradient's norm and checks come next. */
    private void passDone() {
        pass.gradientFlow(flow);
        phase = Phase.NORM;
        at = 0;
        squares = 0;
        largest = 0;
    }

    /** The number of threads computing each step's gradient. */
    public int threads() {
        return split.threads();
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

    /**
     * ||dL/dh_t|| of every layer, step and sequence in the last step's pass (see {@link GradientFlow});
     * empty before the first.
     */
    public GradientFlow gradientFlow() {
        return flow;
    }

    /** Global gradient norm of the last step done, before clipping. */
    public double lastGradNorm() {
        return lastGradNorm;
    }

    /** Learning rate the next step will use: the schedule's, times the {@link #setRateScale scale}. */
    public double currentRate() {
        return schedule.rate(optimizer.steps()) * rateScale;
    }

    /** The schedule's learning rate for the next step, before the {@link #setRateScale scale} (what a person set). */
    public double scheduledRate() {
        return schedule.rate(optimizer.steps());
    }

    /**
     * Multiplies the schedule's rate by {@code scale} from the next step on (a time budget's
     * warm-up and decay, see {@link tearnn.optim.TimeBudget}); 1 leaves it as it is.
     */
    public void setRateScale(double scale) {
        if (!(scale >= 0 && scale <= 1)) {
            throw new IllegalArgumentException("learning-rate scale must be in [0, 1], got " + scale);
        }
        rateScale = scale;
    }

    /** What tells a blow-up, and remembers the losses of the steps taken (see {@link BlowUpGuard}). */
    public BlowUpGuard guard() {
        return guard;
    }

    /**
     * Trains on one batch; {@code state} (may be null) is the initial state and receives the final
     * one, detached. Returns the mean loss before the update. If the step shows training blowing up
     * (see above) it is refused and the state reset to zeros (it may hold non-finite values).
     */
    public double step(Batch batch, State state) {
        if (shareCount() > 1) {
            throw new IllegalStateException("a shared step waits for the other workers' shares: begin it and advance it");
        }
        begin(batch, state);
        advance(Double.POSITIVE_INFINITY);
        return lastLoss;
    }

    /**
     * Starts a step on one batch (see {@link #step}), to be done in parts by {@link #advance}: the
     * pass through the model, then the gradient's norm and the blow-up checks, then clipping and the
     * update, a range of parameters at a time. Whatever the parts, the bits are those of one step.
     */
    public void begin(Batch batch, State state) {
        pass = split.begin(batch, state, truncate);
        stepState = state;
        phase = Phase.PASS;
    }

    /** Whether the step under way is applying its update (the weights are part old, part new). */
    public boolean updating() {
        return phase == Phase.UPDATE;
    }

    /** Whether a step is under way (begun and not yet done). */
    public boolean stepping() {
        return phase != Phase.IDLE;
    }

    /** How far the step under way has come, 0 to 1 (0: none under way). */
    public double stepFraction() {
        int n = model.params().size();
        return switch (phase) {
            case IDLE -> 0;
            case PASS -> 0.95 * pass.fraction();
            case NORM -> 0.95 + 0.02 * at / n;
            case UPDATE -> 0.97 + 0.03 * at / n;
        };
    }

    /** The mean loss of the last step done. */
    public double lastLoss() {
        return lastLoss;
    }

    /**
     * Does parts of the step under way worth about {@code flops} floating-point operations (at least
     * one part); returns the operations done, as estimated. {@link #stepping()} says whether the step
     * goes on; once done, its update is applied. A blow-up found after the pass refuses the step with
     * a {@link DivergedException}, as {@link #step} does.
     */
    public double advance(double flops) {
        double spent = 0;
        while (phase != Phase.IDLE) {
            int n = model.params().size();
            switch (phase) {
                case PASS -> {
                    spent += pass.advance(flops - spent);
                    if (pass.done()) {
                        passDone();
                    } else if (pass.waiting()) {
                        return spent;
                    }
                }
                case NORM -> {
                    // the sum of squares runs on from range to range: the bits of one sum
                    int to = to(flops - spent, NORM_COST, n);
                    squares = Clip.sumOfSquares(model.params().grad, at, to, squares);
                    largest = BlowUpGuard.largest(model.params().value, at, to, largest);
                    spent += (to - at) * NORM_COST;
                    at = to;
                    if (at == n) {
                        checked();
                    }
                }
                case UPDATE -> {
                    int to = to(flops - spent, UPDATE_COST, n);
                    double[] g = model.params().grad;
                    Clip.scale(g, at, to, clipCoefficient);
                    if (clipValue > 0) {
                        Clip.clamp(g, at, to, clipValue);
                    }
                    optimizer.update(model.params().value, g, at, to);
                    spent += (to - at) * UPDATE_COST;
                    at = to;
                    if (at == n) {
                        phase = Phase.IDLE;
                        lastLoss = stepLoss;
                        lastGradNorm = stepNorm;
                        guard.remember(lastLoss);
                        return spent;
                    }
                }
                default -> throw new IllegalStateException(phase.name());
            }
            if (spent >= flops) {
                break;
            }
        }
        return spent;
    }

    /** The end of the next range of parameters: as many as fit in {@code budget} at {@code cost} each, at least one. */
    private int to(double budget, double cost, int n) {
        double fit = Math.floor(budget / cost);
        return (int) Math.min(n, at + Math.max(1, Math.min(fit, n)));
    }

    /** After the gradient's norm: refuses a step that shows a blow-up, else sets up clipping and the update. */
    private void checked() {
        double loss = pass.loss();
        double norm = Math.sqrt(squares);
        stepNorm = norm;
        stepLoss = loss;
        String broken = guard.check(loss, norm, largest);
        if (broken != null) {
            phase = Phase.IDLE;
            if (stepState != null) {
                stepState.reset();
            }
            int step = optimizer.steps() + 1;
            throw new DivergedException(step, broken, step - 1);
        }
        clipCoefficient = Clip.coefficient(norm, clipNorm);
        optimizer.beginStep(model.params(), currentRate());
        phase = Phase.UPDATE;
        at = 0;
    }
}
