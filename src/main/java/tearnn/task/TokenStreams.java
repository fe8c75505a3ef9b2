package tearnn.task;

import tearnn.model.Batch;

/**
 * Cuts a token sequence into B parallel streams (stream b starts at b * len / B) and serves
 * consecutive windows of T steps from all of them: input tokens x[t][b] and next-token targets.
 * Consecutive batches continue each stream where the last one stopped, so the recurrent state can
 * be carried over (stateful training); {@link #next} returns false at the end of an epoch.
 */
public final class TokenStreams {
    private final int[] tokens;
    private final int streams;
    private final int steps;
    private final int streamLength;
    private final Batch batch;
    private int position;

    public TokenStreams(int[] tokens, int streams, int steps) {
        if (streams <= 0 || steps <= 0) {
            throw new IllegalArgumentException("batch size and BPTT length must be positive, got " + streams + " and " + steps);
        }
        this.tokens = tokens;
        this.streams = streams;
        this.steps = steps;
        this.streamLength = tokens.length / streams;
        if (streamLength < steps + 1) {
            throw new IllegalArgumentException("the text has " + tokens.length + " tokens: too short for " + streams
                    + " streams of one BPTT window of " + steps + " steps (needs at least " + streams * (steps + 1)
                    + "); lower the batch size or the BPTT length, or give more text");
        }
        this.batch = Batch.ofTokens(steps, streams, new int[steps * streams], new int[steps * streams]);
    }

    /** Batches per epoch. */
    public int batchesPerEpoch() {
        return (streamLength - 1) / steps;
    }

    /** Tokens predicted per batch (T * B). */
    public int tokensPerBatch() {
        return steps * streams;
    }

    /** Fills the (reused) batch with the next window; false (and rewinds) at the end of the epoch. */
    public boolean next() {
        if (position + steps + 1 > streamLength) {
            position = 0;
            return false;
        }
        for (int b = 0; b < streams; b++) {
            int base = b * streamLength + position;
            for (int t = 0; t < steps; t++) {
                batch.tokens[t * streams + b] = tokens[base + t];
                batch.classes[t * streams + b] = tokens[base + t + 1];
            }
        }
        position += steps;
        return true;
    }

    public Batch batch() {
        return batch;
    }

    /** Window start within each stream (for saving progress). */
    public int position() {
        return position;
    }

    public void seek(int pos) {
        if (pos < 0 || pos % steps != 0 || pos + 1 > streamLength) {
            throw new IllegalArgumentException("stream position " + pos + " is not a window start");
        }
        position = pos;
    }
}
