package tearnn.train;

/**
 * Training blew up: a loss or gradient that is not finite, a loss far above its recent values, or
 * weights past any sensible size. The step was not applied. {@link #keptStep} is the step whose
 * weights the model now has: the last good one, or (after a roll-back by the task) an earlier one,
 * from before the blow-up began.
 */
public final class DivergedException extends RuntimeException {
    /** The refused step (1 = the first). */
    public final int step;
    /** What went wrong, as a person reads it: "the loss jumped to 2.801e+26 (it had been about 8.41)". */
    public final String what;
    /** The step of the weights the model has now. */
    public final int keptStep;

    public DivergedException(int step, String what, int keptStep) {
        super(what + " at step " + step + "; " + (keptStep == step - 1
                ? "the update was not applied and the last good weights are kept"
                : "training went back to step " + keptStep + ", from before the blow-up began")
                + ". Try a lower learning rate or gradient clipping.");
        this.step = step;
        this.what = what;
        this.keptStep = keptStep;
    }

    /** The same blow-up, after the model went back to the weights of {@code step}. */
    public DivergedException rolledBackTo(int kept) {
        return new DivergedException(step, what, kept);
    }
}
