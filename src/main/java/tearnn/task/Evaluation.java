package tearnn.task;

import tearnn.model.Model;
import tearnn.model.State;

/**
 * Mean cross-entropy of a model on held-out tokens, computed a few windows at a time, so that a
 * page can measure a big validation set in short calls. The tokens are read as up to 8 parallel
 * stateful streams of BPTT-length windows from a zero state, in evaluation mode (no dropout).
 * The model must not change between calls; start a new evaluation after training.
 */
public final class Evaluation {
    private final Model model;
    private final TokenStreams streams;
    private final State state;
    private final int windows;
    private int done;
    private double sum;
    private long count;

    public Evaluation(Model model, int[] tokens, int bptt) {
        if (tokens.length < 2) {
            throw new IllegalArgumentException("evaluation needs at least 2 tokens, got " + tokens.length);
        }
        int b = Math.max(1, Math.min(8, (tokens.length - 1) / (bptt + 1)));
        int t = Math.min(bptt, tokens.length - 1);
        this.model = model;
        this.streams = new TokenStreams(tokens, b, t);
        this.state = model.newState(b);
        this.windows = streams.batchesPerEpoch();
    }

    /** Evaluates up to {@code n} more windows; returns whether all are done. */
    public boolean advance(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("windows to evaluate must be positive, got " + n);
        }
        for (int i = 0; i < n && done < windows; i++) {
            streams.next();
            model.evaluate(streams.batch(), state);
            sum += model.lastLossSum();
            count += model.lastCount();
            done++;
        }
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
