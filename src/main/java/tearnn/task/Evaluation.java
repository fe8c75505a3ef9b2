package tearnn.task;

import tearnn.model.Model;
import tearnn.model.State;
import tearnn.model.TrainingPass;

/**
 * Mean cross-entropy of a model on held-out tokens, computed a few windows at a time, or by a budget
 * of work (parts of a window, for a big model), so that a page can measure a big validation set in
 * short calls. The tokens are read as up to 8 parallel stateful streams of BPTT-length windows from a
 * zero state, in evaluation mode (no dropout), on the model's evaluation twin, so predictions and a
 * training step under way are left undisturbed. The weights must not change between calls; start a
 * new evaluation after training.
 */
public final class Evaluation {
    private final Model model;
    private final TokenStreams streams;
    private final State state;
    private final int windows;
    private int done;
    private double sum;
    private long count;

    /** The window under way in parts (null: none). */
    private TrainingPass pass;

    public Evaluation(Model model, int[] tokens, int bptt) {
        if (tokens.length < 2) {
            throw new IllegalArgumentException("evaluation needs at least 2 tokens, got " + tokens.length);
        }
        int b = Math.max(1, Math.min(8, (tokens.length - 1) / (bptt + 1)));
        int t = Math.min(bptt, tokens.length - 1);
        this.model = model.evaluation();
        this.streams = new TokenStreams(tokens, b, t);
        this.state = this.model.newState(b);
        this.windows = streams.batchesPerEpoch();
    }

    /**
     * Evaluates for about {@code flops} floating-point operations (at least a part of a window);
     * returns the operations done, as estimated ({@link #done()} says whether all windows are). The
     * same sum, bit for bit, as {@link #advance(int)}.
     */
    public double work(double flops) {
        return work(flops, windows);
    }

    /** As {@link #work(double)}, finishing at most {@code maxWindows} windows. */
    private double work(double flops, int maxWindows) {
        double spent = 0;
        int target = Math.min(windows, done + maxWindows);
        while (done < target && spent < flops) {
            if (pass == null) {
                streams.next();
                pass = model.beginEvaluation(streams.batch(), state);
            }
            spent += pass.advance(flops - spent);
            if (pass.done()) {
                sum += pass.lossSum();
                count += pass.count();
                done++;
                pass = null;
            }
        }
        return spent;
    }

    /** Evaluates up to {@code n} more windows; returns whether all are done. */
    public boolean advance(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("windows to evaluate must be positive, got " + n);
        }
        work(Double.POSITIVE_INFINITY, n);
        return done();
    }

    public boolean done() {
        return done == windows;
    }

    /** Share of the windows evaluated, 0 to 1. */
    public double fraction() {
        return (double) done / windows;
    }

    /** Tokens predicted in all the windows. */
    public long tokens() {
        return (long) windows * streams.tokensPerBatch();
    }

    /** Mean cross-entropy (nats per token) over the windows evaluated so far. */
    public double loss() {
        if (count == 0) {
            throw new IllegalStateException("nothing evaluated yet");
        }
        return sum / count;
    }
}
