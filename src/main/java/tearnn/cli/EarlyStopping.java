package tearnn.cli;

/**
 * Stops training when a validation metric has not improved by more than {@code minDelta} for
 * {@code patience} evaluations in a row. Lower is better (loss, perplexity) unless {@code maximize}.
 */
final class EarlyStopping {
    private final int patience;
    private final double minDelta;
    private final boolean maximize;
    private double best = Double.NaN;
    private int bestAt = -1;
    private int seen;
    private int sinceBest;

    EarlyStopping(int patience, double minDelta, boolean maximize) {
        if (patience <= 0) {
            throw new IllegalArgumentException("patience must be positive, got " + patience);
        }
        if (!(minDelta >= 0)) {
            throw new IllegalArgumentException("minimum improvement must be >= 0, got " + minDelta);
        }
        this.patience = patience;
        this.minDelta = minDelta;
        this.maximize = maximize;
    }

    /**
     * Records one evaluation; returns true if it is a new best (the caller may keep these weights).
     * A NaN metric never improves.
     */
    boolean record(double metric) {
        boolean better = metric == metric && (bestAt < 0
                || (maximize ? metric > best + minDelta : metric < best - minDelta));
        if (better) {
            best = metric;
            bestAt = seen;
            sinceBest = 0;
        } else {
            sinceBest++;
        }
        seen++;
        return better;
    }

    /** Whether patience has run out. */
    boolean shouldStop() {
        return sinceBest >= patience;
    }

    double best() {
        return best;
    }

    /** Index (0-based, in calls to {@link #record}) of the best evaluation, or -1. */
    int bestIndex() {
        return bestAt;
    }
}
