package tearnn.train;

import tearnn.math.Readable;
import tearnn.model.Batch;
import tearnn.model.GradientFlow;
import tearnn.model.GradientPass;
import tearnn.model.Model;
import tearnn.model.State;
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
    private double rateScale = 1;
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
    /** The threads computing the gradient by shares of the batch (null: this thread alone). */
    private DataParallel parallel;
    /** This worker's share of every step, among workers that each hold the model (null: the whole batch). */
    private SharedStep shared;
    private final GradientFlow flow = new GradientFlow();
    private State stepState;
    private int at;
    private double squares;
    private double largest;
    private double clipCoefficient;
    private double lastLoss;

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

    /**
     * Computes each step's gradient on {@code n} threads, by shares of the batch (see
     * {@link DataParallel}); 1 is this thread alone. Between steps only.
     */
    public void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + n);
        }
        if (stepping()) {
            throw new IllegalStateException("the number of threads changes between steps only");
        }
        if (n == threads()) {
            return;
        }
        if (parallel != null) {
            parallel.close();
        }
        parallel = n > 1 ? new DataParallel(model, n) : null;
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
        shared = count == 1 && index == 0 ? null : new SharedStep(model, index, count);
    }

    /** This worker's share of each step (0 of 1: the whole batch). */
    public int shareIndex() {
        return shared == null ? 0 : shared.index();
    }

    public int shareCount() {
        return shared == null ? 1 : shared.count();
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
        return shared.contribution();
    }

    /**
     * Takes every worker's contribution, in share order (this worker's own may be null or empty), and
     * adds them in that order (see {@link SharedStep}); the step then goes on (its update) as any other.
     */
    public void gatherShares(double[][] contributions) {
        if (!waiting()) {
            throw new IllegalStateException("no shared step waits for its shares");
        }
        shared.gatherShares(contributions);
        gathered();
    }

    private void gathered() {
        pass.gradientFlow(flow);
        phase = Phase.NORM;
        at = 0;
        squares = 0;
        largest = 0;
    }

    /** The number of threads computing each step's gradient. */
    public int threads() {
        return parallel == null ? 1 : parallel.threads();
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

    /** Global gradient norm of the last step, before clipping. */
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
        if (shared != null) {
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
        if (shared != null) {
            shared.begin(batch, state, truncate);
            pass = shared;
        } else {
            pass = parallel != null ? parallel.begin(batch, state, truncate) : model.beginPass(batch, state, truncate);
        }
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
                        pass.gradientFlow(flow);
                        phase = Phase.NORM;
                        at = 0;
                        squares = 0;
                        largest = 0;
                    } else if (pass.waiting()) {
                        return spent;
                    }
                }
                case NORM -> {
                    // the sum of squares runs on from range to range: the bits of one sum
                    int to = to(flops - spent, NORM_COST, n);
                    double[] g = model.params().grad;
                    double[] w = model.params().value;
                    double sum = squares;
                    double big = largest;
                    for (int i = at; i < to; i++) {
                        sum += g[i] * g[i];
                        double a = Math.abs(w[i]);
                        if (a > big) {
                            big = a;
                        }
                    }
                    squares = sum;
                    largest = big;
                    spent += (to - at) * NORM_COST;
                    at = to;
                    if (at == n) {
                        checked();
                    }
                }
                case UPDATE -> {
                    int to = to(flops - spent, UPDATE_COST, n);
                    double[] g = model.params().grad;
                    double coefficient = clipCoefficient;
                    double value = clipValue;
                    if (coefficient < 1) {
                        for (int i = at; i < to; i++) {
                            g[i] *= coefficient;
                        }
                    }
                    if (value > 0) {
                        for (int i = at; i < to; i++) {
                            g[i] = Math.max(-value, Math.min(value, g[i]));
                        }
                    }
                    optimizer.update(model.params().value, g, at, to);
                    spent += (to - at) * UPDATE_COST;
                    at = to;
                    if (at == n) {
                        phase = Phase.IDLE;
                        remember(lastLoss);
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
        lastGradNorm = norm;
        lastLoss = loss;
        String broken = blowUp(loss, norm, largest);
        if (broken != null) {
            phase = Phase.IDLE;
            if (stepState != null) {
                stepState.reset();
            }
            int step = optimizer.steps() + 1;
            throw new DivergedException(step, broken, step - 1);
        }
        clipCoefficient = clipNorm > 0 ? clipNorm / (norm + 1e-6) : 1;
        optimizer.beginStep(model.params(), currentRate());
        phase = Phase.UPDATE;
        at = 0;
    }

    private void remember(double loss) {
        if (firstLoss != firstLoss) {
            firstLoss = loss;
            recentLoss = loss;
        } else {
            recentLoss += RECENT * (loss - recentLoss);
        }
    }

    /** What shows training blowing up at this step, or null if nothing does. */
    private String blowUp(double loss, double norm, double w) {
        if (loss != loss || Double.isInfinite(loss)) {
            return "the loss became " + loss;
        }
        if (norm != norm || Double.isInfinite(norm)) {
            return "the gradient became " + norm;
        }
        if (firstLoss == firstLoss && loss > BLOW_UP * Math.max(firstLoss, recentLoss) + 1) {
            return "the loss jumped to " + Readable.number(loss) + " (it had been about " + Readable.number(recentLoss) + ")";
        }
        if (w > WEIGHT_LIMIT) {
            return "the weights grew to " + Readable.number(w) + " in size";
        }
        return null;
    }
}
