package tearnn.train;

import java.util.function.IntConsumer;
import tearnn.model.Batch;
import tearnn.model.BatchShares;
import tearnn.model.GradientFlow;
import tearnn.model.GradientPass;
import tearnn.model.Model;
import tearnn.model.ModelPass;
import tearnn.model.State;

/**
 * Synchronous data parallelism on threads. A batch is cut by sequence into shares
 * ({@link BatchShares}); each share's gradient is computed by a model of its own that reads the same
 * weights (the first share by the model itself, the others by {@linkplain Model#replica replicas}),
 * each on a thread of its own; then the shares' gradients and losses are added in a fixed order, the
 * first share's first, into the model's. A share's loss is divided by the whole batch's count, so the
 * sum is the batch's gradient, within rounding of one pass over the whole batch (only the order of
 * the sums over sequences differs); dropout masks are drawn per sequence from the batch's one seed,
 * and a carried state is cut and joined by sequence, so nothing else depends on the number of
 * threads, and a run with a given number is repeatable bit for bit. Inside a step the threads share
 * nothing they write: each has its own gradients, workspaces, batch and state; the weights are only
 * read until the update, which the caller applies after the pass.
 */
public final class DataParallel {
    private final Model model;
    private final Model[] replicas;
    private final ShareThreads threads;
    private final Pass pass;
    private BatchShares shares;

    /** Computes {@code model}'s gradients on {@code n} threads (at least 2). */
    public DataParallel(Model model, int n) {
        if (n < 2) {
            throw new IllegalArgumentException("data parallelism needs at least 2 threads, got " + n);
        }
        this.model = model;
        this.replicas = new Model[n];
        replicas[0] = model;
        for (int i = 1; i < n; i++) {
            replicas[i] = model.replica();
        }
        this.threads = new ShareThreads(n);
        this.pass = new Pass();
    }

    /** The number of threads. */
    public int threads() {
        return replicas.length;
    }

    /**
     * Starts a pass over {@code batch} from {@code state} (may be null: zeros; receives the final
     * state): the shares are cut, nothing computed yet.
     */
    GradientPass begin(Batch batch, State state, int truncate) {
        if (shares == null || !shares.fits(batch)) {
            shares = new BatchShares(model.architecture(), batch, replicas.length);
        }
        shares.split(batch, state);
        pass.begin(batch, state, truncate);
        return pass;
    }

    /** Stops the threads (they are daemons: a program that ends without this is not held up). */
    public void close() {
        threads.close();
    }

    /** The pass over the shares; it runs whole in its first call (the command line does not cut steps into parts). */
    private final class Pass implements GradientPass {
        private final IntConsumer share = this::run;
        private final ModelPass[] passes = new ModelPass[replicas.length];
        private Batch batch;
        private State state;
        private int truncate;
        private int seed;
        private int count;
        private boolean done;
        private double loss;

        void begin(Batch batch, State state, int truncate) {
            this.batch = batch;
            this.state = state;
            this.truncate = truncate;
            this.count = model.lossCount(batch);
            this.seed = model.nextDropoutSeed();
            this.done = false;
        }

        /** Share i's whole pass, on its own model. */
        private void run(int i) {
            ModelPass p = replicas[i].beginShare(shares.part(i), state == null ? null : shares.state(i), truncate, seed,
                    shares.first(i), count);
            p.advance(Double.POSITIVE_INFINITY);
            passes[i] = p;
        }

        @Override
        public double advance(double flops) {
            if (done) {
                return 0;
            }
            threads.run(share, shares.count());
            addShares();
            if (state != null) {
                shares.join(state);
            }
            done = true;
            return estimate();
        }

        /** The shares' gradients and loss sums added into the model's, in order: (g0 + g1) + g2 ... */
        private void addShares() {
            double[] g = model.params().grad;
            double sum = passes[0].lossSum();
            for (int i = 1; i < shares.count(); i++) {
                double[] gi = replicas[i].params().grad;
                for (int k = 0; k < g.length; k++) {
                    g[k] += gi[k];
                }
                sum += passes[i].lossSum();
            }
            loss = sum / count;
        }

        /** The operations of the whole pass, as the shares estimated them. */
        private double estimate() {
            double f = 0;
            for (int i = 0; i < shares.count(); i++) {
                f += passes[i].spent();
            }
            return f;
        }

        @Override
        public boolean done() {
            return done;
        }

        @Override
        public void gradientFlow(GradientFlow into) {
            into.reset(model.architecture().layers(), batch.steps, batch.size);
            for (int i = 0; i < shares.count(); i++) {
                into.take(replicas[i].stack(), shares.first(i));
            }
        }

        @Override
        public double loss() {
            return loss;
        }

        @Override
        public double fraction() {
            return done ? 1 : 0;
        }
    }
}
