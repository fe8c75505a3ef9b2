package tearnn.task;

import tearnn.model.Model;
import tearnn.model.ModelPass;
import tearnn.model.State;

/**
 * Mean cross-entropy of a model on held-out tokens, computed a few windows at a time, or by a budget
 * of work (parts of a window, for a big model), so that a page can measure a big validation set in
 * short calls. The tokens are read as up to 8 parallel stateful streams of BPTT-length windows from a
 * zero state, in evaluation mode (no dropout), on the model's evaluation twin, so predictions and a
 * training step under way are left undisturbed. The weights must not change between calls; start a
 * new evaluation after training.
 */
public final class Evaluation {
    /** The held-out text is read as at most this many streams side by side (a batch of that many). */
    public static final int MAX_STREAMS = 8;

    private final Model model;
    private final TokenStreams streams;
    private final State state;
    private final int windows;
    private int done;
    private double sum;
    private long count;

    /** The window under way in parts (null: none). */
    private ModelPass pass;

    public Evaluation(Model model, int[] tokens, int bptt) {
        this(model, tokens, bptt, 0, 1);
    }

    /**
     * Share {@code share} of {@code shares} of the evaluation (several workers measuring one model):
     * the streams [share * B / shares, (share + 1) * B / shares) of the B the whole would read, each
     * read exactly as the whole reads it. The shares' {@link #lossSum} and {@link #count} add up to
     * the whole's (within rounding: the sums are grouped otherwise); a share may have no stream.
     */
    public Evaluation(Model model, int[] tokens, int bptt, int share, int shares) {
        if (tokens.length < 2) {
            throw new IllegalArgumentException("evaluation needs at least 2 tokens, got " + tokens.length);
        }
        if (shares < 1 || share < 0 || share >= shares) {
            throw new IllegalArgumentException("share " + share + " of " + shares + " does not exist");
        }
        int b = Math.max(1, Math.min(MAX_STREAMS, (tokens.length - 1) / (bptt + 1)));
        int t = Math.min(bptt, tokens.length - 1);
        int s0 = (int) ((long) share * b / shares);
        int s1 = (int) ((long) (share + 1) * b / shares);
        int length = tokens.length / b;
        this.model = model.evaluation();
        if (s1 > s0) {
            int[] mine = shares == 1 ? tokens : java.util.Arrays.copyOfRange(tokens, s0 * length, s1 * length);
            this.streams = new TokenStreams(mine, s1 - s0, t);
            this.state = this.model.newState(s1 - s0);
            this.windows = streams.batchesPerEpoch();
        } else {
            this.streams = null;
            this.state = null;
            this.windows = 0;
        }
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
        return windows == 0 ? 1 : (double) done / windows;
    }

    /** Tokens predicted in all the windows. */
    public long tokens() {
        return streams == null ? 0 : (long) windows * streams.tokensPerBatch();
    }

    /** The sum of the cross-entropy over the windows evaluated so far (nats), and their tokens. */
    public double lossSum() {
        return sum;
    }

    public long count() {
        return count;
    }

    /** Mean cross-entropy (nats per token) over the windows evaluated so far. */
    public double loss() {
        if (count == 0) {
            throw new IllegalStateException("nothing evaluated yet");
        }
        return sum / count;
    }
}
