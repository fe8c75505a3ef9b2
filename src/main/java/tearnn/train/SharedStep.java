package tearnn.train;

import tearnn.model.Batch;
import tearnn.model.BatchShares;
import tearnn.model.GradientFlow;
import tearnn.model.GradientPass;
import tearnn.model.Model;
import tearnn.model.ModelPass;
import tearnn.model.State;

/**
 * One worker's part of a step whose batch is shared among workers that each hold the whole model
 * (the page's workers: no memory in common). Every worker draws the same whole batch and the same
 * dropout seed, computes the gradient of its own share of the sequences ({@link BatchShares}), and
 * hands it out as its {@linkplain #contribution contribution}; whoever gathers them adds them in
 * share order and gives the sum back to every worker ({@link #gather}), which then takes the same
 * update, so all hold the same weights without shipping them. A contribution is laid out so that the
 * sum is all there is to do: the share's gradient, its loss sum, and the whole batch's final state
 * and gradient flow ({@link GradientFlow}) with the share's sequences filled and zeros elsewhere.
 */
final class SharedStep implements GradientPass {
    private final Model model;
    private final int index;
    private final int count;
    private BatchShares shares;
    private ModelPass pass;
    private State state;
    private State scratch;
    /** The whole batch's steps and sequences. */
    private int steps;
    private int size;
    /** This share's gradient flow, then (gathered) the whole batch's. */
    private final GradientFlow flow = new GradientFlow();
    private int lossCount;
    private boolean gathered;
    private double loss;
    private double[] contribution = new double[0];
    private double[] sum = new double[0];

    /** Share {@code index} of {@code count} of every batch, on {@code model}. */
    SharedStep(Model model, int index, int count) {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("share " + index + " of " + count + " does not exist");
        }
        this.model = model;
        this.index = index;
        this.count = count;
    }

    int index() {
        return index;
    }

    int count() {
        return count;
    }

    /** Starts this worker's share of a step over {@code batch} from {@code state} (may be null: zeros). */
    void begin(Batch batch, State state, int truncate) {
        if (batch.size < count) {
            throw new IllegalArgumentException("a batch of " + batch.size + " sequences cannot be shared by " + count
                    + " workers: give it at least one sequence each");
        }
        if (shares == null || !shares.fits(batch)) {
            shares = new BatchShares(model.architecture(), batch, count);
        }
        shares.split(batch, state);
        this.state = state;
        this.steps = batch.steps;
        this.size = batch.size;
        int seed = model.nextDropoutSeed();
        lossCount = model.lossCount(batch);
        gathered = false;
        pass = model.beginShare(shares.part(index), state == null ? null : shares.state(index), truncate, seed,
                shares.first(index), lossCount);
    }

    @Override
    public double advance(double flops) {
        return pass.done() ? 0 : pass.advance(flops);
    }

    @Override
    public boolean waiting() {
        return pass.done() && !gathered;
    }

    @Override
    public boolean done() {
        return gathered;
    }

    @Override
    public double loss() {
        return loss;
    }

    @Override
    public double fraction() {
        return gathered ? 1 : 0.99 * pass.fraction();
    }

    @Override
    public void gradientFlow(GradientFlow into) {
        into.reset(flow.layers(), flow.steps(), flow.batch());
        System.arraycopy(flow.values(), 0, into.values(), 0, flow.values().length);
    }

    /** The length of a contribution: gradients, the loss sum, the final state's h and c, the gradient flow. */
    int contributionLength() {
        return stateEnd() + model.architecture().layers() * steps * size;
    }

    /** Where the final state ends in a contribution (and the gradient flow begins). */
    private int stateEnd() {
        int n = model.params().size() + 1;
        if (state != null) {
            n += state.h.length + (state.c == null ? 0 : state.c.length);
        }
        return n;
    }

    /**
     * This worker's contribution, once its share is done ({@link #waiting}); the array is reused.
     * Built afresh at every call: in the JavaScript build the page may be handed this very array's
     * buffer (and detach it), so {@link #gatherShares} cannot count on the one built before.
     */
    double[] contribution() {
        if (!waiting()) {
            throw new IllegalStateException("this worker's share of the step is not done yet");
        }
        if (contribution.length != contributionLength()) {
            contribution = new double[contributionLength()];
        }
        double[] g = model.params().grad;
        System.arraycopy(g, 0, contribution, 0, g.length);
        contribution[g.length] = pass.lossSum();
        if (state != null) {
            if (scratch == null || scratch.batch != state.batch) {
                scratch = model.newState(state.batch);
            }
            scratch.reset();
            shares.join(index, scratch);
            System.arraycopy(scratch.h, 0, contribution, g.length + 1, scratch.h.length);
            if (scratch.c != null) {
                System.arraycopy(scratch.c, 0, contribution, g.length + 1 + scratch.h.length, scratch.c.length);
            }
        }
        flow.reset(model.architecture().layers(), steps, size);
        flow.take(model.stack(), shares.first(index));
        System.arraycopy(flow.values(), 0, contribution, stateEnd(), flow.values().length);
        return contribution;
    }

    /**
     * Takes every worker's contribution in share order (this worker's own may be null or empty: it is
     * taken from here), adds them in that order and goes on as {@link #gather(double[])}: workers that
     * add the same contributions this way hold the same bits.
     */
    void gatherShares(double[][] contributions) {
        if (contributions.length != count) {
            throw new IllegalArgumentException("the contributions of " + count + " workers are needed, got " + contributions.length);
        }
        double[] own = contribution();
        int n = own.length;
        if (sum.length != n) {
            sum = new double[n];
        }
        for (int i = 0; i < count; i++) {
            double[] c = contributions[i];
            if (i == index && (c == null || c.length == 0)) {
                c = own;
            }
            if (c == null || c.length != n) {
                throw new IllegalArgumentException("the contribution of worker " + (i + 1) + " has " + (c == null ? 0 : c.length)
                        + " values, this model's needs " + n);
            }
            if (i == 0) {
                System.arraycopy(c, 0, sum, 0, n);
            } else {
                for (int k = 0; k < n; k++) {
                    sum[k] += c[k];
                }
            }
        }
        gather(sum);
    }

    /** Takes the sum of every share's contribution: the batch's gradient, loss and final state. */
    void gather(double[] sum) {
        if (!waiting()) {
            throw new IllegalStateException(gathered ? "this step has its shares already" : "this worker's share of the step is not done yet");
        }
        if (sum.length != contributionLength()) {
            throw new IllegalArgumentException("the sum of the shares has " + sum.length + " values, this model's needs "
                    + contributionLength());
        }
        double[] g = model.params().grad;
        System.arraycopy(sum, 0, g, 0, g.length);
        loss = sum[g.length] / lossCount;
        if (state != null) {
            System.arraycopy(sum, g.length + 1, state.h, 0, state.h.length);
            if (state.c != null) {
                System.arraycopy(sum, g.length + 1 + state.h.length, state.c, 0, state.c.length);
            }
        }
        flow.reset(model.architecture().layers(), steps, size);
        System.arraycopy(sum, stateEnd(), flow.values(), 0, flow.values().length);
        gathered = true;
    }
}
