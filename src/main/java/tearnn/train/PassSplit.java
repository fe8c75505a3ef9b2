package tearnn.train;

import tearnn.model.Batch;
import tearnn.model.GradientPass;
import tearnn.model.Model;
import tearnn.model.State;

/**
 * Where a training step's gradient is computed: on this thread, on several threads by shares of the
 * batch ({@link DataParallel}), or as this worker's share when several workers each hold the model
 * ({@link SharedStep}: the step then waits for every share's contribution). Whichever it is, the
 * {@link Trainer} drives the pass it begins the same way. Changed between steps only.
 */
final class PassSplit {
    private final Model model;
    /** The threads computing the gradient by shares of the batch (null: this thread alone). */
    private DataParallel parallel;
    /** This worker's share of every step (null: the whole batch). */
    private SharedStep shared;

    PassSplit(Model model) {
        this.model = model;
    }

    /** {@code n} threads (1: this thread alone). */
    void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + n);
        }
        if (n == threads()) {
            return;
        }
        if (parallel != null) {
            parallel.close();
        }
        parallel = n > 1 ? new DataParallel(model, n) : null;
    }

    int threads() {
        return parallel == null ? 1 : parallel.threads();
    }

    /** Share {@code index} of {@code count} of each batch (0 of 1: the whole batch). */
    void share(int index, int count) {
        if (index != shareIndex() || count != shareCount()) {
            shared = count == 1 && index == 0 ? null : new SharedStep(model, index, count);
        }
    }

    int shareIndex() {
        return shared == null ? 0 : shared.index();
    }

    int shareCount() {
        return shared == null ? 1 : shared.count();
    }

    /** Begins a step's pass on {@code batch} from {@code state}, truncated every {@code truncate} steps (0: full). */
    GradientPass begin(Batch batch, State state, int truncate) {
        if (shared != null) {
            shared.begin(batch, state, truncate);
            return shared;
        }
        return parallel != null ? parallel.begin(batch, state, truncate) : model.beginPass(batch, state, truncate);
    }

    /** This worker's share's contribution, once its pass waits (see {@link SharedStep#contribution}). */
    double[] contribution() {
        return shared.contribution();
    }

    /** Every worker's contribution, in share order, added in that order (see {@link SharedStep#gatherShares}). */
    void gatherShares(double[][] contributions) {
        shared.gatherShares(contributions);
    }
}
