package tearnn.train;

import tearnn.math.Readable;

/**
 * Tells a step that shows training blowing up, before its update changes anything: a loss or a
 * gradient that is not finite; a loss above {@code 1000 max(first loss, recent loss) + 1} (the first
 * loss is about that of a model that knows nothing, so this is far worse than knowing nothing, and
 * far above where training had come to); weights past {@link #WEIGHT_LIMIT} in size. A step whose
 * loss is at most {@code 2 max(first, recent) + 1} is {@linkplain #calm calm}: the weights it ran on
 * are good to go back to. It remembers the first loss it saw and a running average of the losses
 * since (about the last 20 steps).
 */
public final class BlowUpGuard {
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

    private double firstLoss = Double.NaN;
    private double recentLoss = Double.NaN;
    /** Steps remembered since the first loss (a model opened mid-run starts from its first step here). */
    private int remembered;

    /**
     * The largest of {@code largest} and |w[i]| over [from, to): the size of the weights, range by
     * range.
     */
    public static double largest(double[] w, int from, int to, double largest) {
        double big = largest;
        for (int i = from; i < to; i++) {
            double a = Math.abs(w[i]);
            if (a > big) {
                big = a;
            }
        }
        return big;
    }

    /**
     * What shows training blowing up at a step of this mean loss, gradient norm and largest weight,
     * said as a person reads it ("the loss jumped to 2.1e+04 (it had been about 1.9)"); null if nothing does.
     */
    public String check(double loss, double norm, double largestWeight) {
        if (loss != loss || Double.isInfinite(loss)) {
            return "the loss became " + loss;
        }
        if (norm != norm || Double.isInfinite(norm)) {
            return "the gradient became " + norm;
        }
        if (firstLoss == firstLoss && loss > BLOW_UP * Math.max(firstLoss, recentLoss) + 1) {
            return "the loss jumped to " + Readable.number(loss) + " (it had been about " + Readable.number(recentLoss) + ")";
        }
        if (largestWeight > WEIGHT_LIMIT) {
            return "the weights grew to " + Readable.number(largestWeight) + " in size";
        }
        return null;
    }

    /** A step of this loss was taken: it joins the running average (the first sets both). */
    public void remember(double loss) {
        remembered++;
        if (firstLoss != firstLoss) {
            firstLoss = loss;
            recentLoss = loss;
        } else {
            recentLoss += RECENT * (loss - recentLoss);
        }
    }

    /**
     * Whether a loss is calm: at most {@code 2 max(first, recent) + 1}, so no worse than twice where
     * training started or had come to (any loss before the first step).
     */
    public boolean calm(double loss) {
        return firstLoss != firstLoss || loss <= 2 * Math.max(firstLoss, recentLoss) + 1;
    }

    /** The first loss remembered (NaN before the first step). */
    public double firstLoss() {
        return firstLoss;
    }

    /** Steps whose loss it remembered, the first loss's included. */
    public int remembered() {
        return remembered;
    }

    /** The running average of recent losses (NaN before the first step). */
    public double recentLoss() {
        return recentLoss;
    }

    /** Sets what it remembers (to go back to a checkpoint's). */
    public void setHistory(double first, double recent) {
        firstLoss = first;
        recentLoss = recent;
    }
}
