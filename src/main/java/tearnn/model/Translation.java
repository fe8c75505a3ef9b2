package tearnn.model;

import java.util.Arrays;
import tearnn.math.Buffers;
import tearnn.math.Fn;

/**
 * A translator's decoding, one target token at a time (without teacher forcing: each step reads the
 * token the caller chose from the step before): {@link #begin} encodes B sources, {@link #step} runs the
 * decoder one step and gives the logits of the next token, and {@link #weight} where its attention
 * looked. Greedy decoding ({@link #greedy}) and beam search ({@link #beam}) are built on it. It runs
 * on the model's inference twin (see {@link Model#inference}): an evaluation between two steps would
 * disturb it.
 */
public final class Translation {
    private final Model model;
    private final Decoder decoder;
    private int batch;
    private State state;
    private State spare;
    private double[] embedded = new double[0];
    private double[] logits = new double[0];

    public Translation(Model model) {
        if (!model.architecture().decoder()) {
            throw new IllegalArgumentException("this model is not a translator (it has no decoder)");
        }
        this.model = model.inference();
        this.decoder = this.model.decoder();
    }

    /** Encodes {@code sources} [S][B] (with {@code mask} [S][B], null: every step real); the decoder starts from their final state. */
    public void begin(int[] sources, double[] mask, int steps, int batch) {
        Batch b = new Batch(steps, batch, sources, null, null, null, mask);
        model.architecture().checkTokens(Arrays.copyOf(sources, steps * batch), "source");
        this.batch = batch;
        new StackInput().forward(model, b.tokens, null, steps, batch, null, mask);
        if (state == null || state.batch != batch) {
            state = model.newState(batch);
            spare = model.newState(batch);
        }
        model.stack().finalState(state);
        decoder.prepare(batch, false);
        if (decoder.attention != null) {
            // the encoder's states, attended over at every step (the additive score's projections once)
            decoder.attention.keys(model.stack().output(), model.stack().outputOffset(), mask, steps, batch);
        }
    }

    /** One decoder step reading {@code tokens} [B]: the logits [B][V] of the next token (valid until the next step). */
    public double[] step(int[] tokens) {
        Architecture a = model.architecture();
        embedded = Buffers.grow(embedded, batch * a.embedding());
        decoder.embedding.forward(embedded, tokens, batch);
        decoder.stack.beginForward(embedded, 1, batch, state, null, 0, 0, 0);
        decoder.stack.forwardSteps(0, 1);
        decoder.stack.finalState(state);
        decoder.attend(batch, 0, batch);
        logits = Buffers.grow(logits, batch * a.outputs());
        model.head().outputs(logits, 0, decoder.headInput(), decoder.headInputOffset(), batch);
        return logits;
    }

    /** Where the last step's attention looked: the weight of source step {@code s} for sequence {@code b} (0 without attention). */
    public double weight(int b, int s) {
        return decoder.attention == null ? 0 : decoder.attention.weight(b, s);
    }

    /** Whether the model attends (else {@link #weight} is 0). */
    public boolean attends() {
        return decoder.attention != null;
    }

    /** Sequence b's decoder state becomes sequence {@code from[b]}'s (a beam search keeping its best continuations). */
    public void reorder(int[] from) {
        int H = model.architecture().hidden();
        for (int l = 0; l < model.architecture().layers(); l++) {
            for (int b = 0; b < batch; b++) {
                System.arraycopy(state.h, (l * batch + from[b]) * H, spare.h, (l * batch + b) * H, H);
                if (state.c != null) {
                    System.arraycopy(state.c, (l * batch + from[b]) * H, spare.c, (l * batch + b) * H, H);
                }
            }
        }
        State t = state;
        state = spare;
        spare = t;
    }

    /** What a decoding gave: the tokens of each output (without the end token) and, with attention, each token's weights over the source. */
    public record Output(int[] tokens, double[][] attention) {
    }

    /**
     * Greedy decoding of one source of {@code tokens}: the likeliest token at every step, from
     * {@code start} until {@code end} or {@code maxLength} tokens.
     */
    public static Output greedy(Model model, int[] source, int start, int end, int maxLength) {
        return beam(model, source, 1, start, end, maxLength);
    }

    /**
     * Beam search of width {@code width} over one source: the {@code width} likeliest partial outputs
     * (by the sum of their tokens' log-probabilities) go on a step at a time; an output that emits
     * {@code end} is finished; the search stops when the best finished output beats every one still
     * going, or after {@code maxLength} tokens. Width 1 is greedy decoding.
     */
    public static Output beam(Model model, int[] source, int width, int start, int end, int maxLength) {
        if (width < 1 || maxLength < 1) {
            throw new IllegalArgumentException("a beam is at least 1 wide and an output at least 1 token long, got " + width
                    + " and " + maxLength);
        }
        if (source.length == 0) {
            throw new IllegalArgumentException("the source has no tokens");
        }
        int V = model.architecture().outputs();
        int S = source.length;
        int k = width;
        int[] sources = new int[S * k];
        for (int s = 0; s < S; s++) {
            for (int b = 0; b < k; b++) {
                sources[s * k + b] = source[s];
            }
        }
        Translation t = new Translation(model);
        t.begin(sources, null, S, k);
        // the live hypotheses: tokens so far, score, attention rows; at first only one is live
        int[][] tokens = new int[k][0];
        double[][][] weights = new double[k][0][];
        double[] score = new double[k];
        int live = 1;
        int[] next = new int[k];
        Arrays.fill(next, start);
        Output best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        double[] logp = new double[k * V];
        for (int step = 0; step < maxLength && live > 0; step++) {
            double[] y = t.step(next);
            for (int b = 0; b < live; b++) {
                double log = Fn.logSumExp(y, b * V, V);
                for (int v = 0; v < V; v++) {
                    logp[b * V + v] = score[b] + y[b * V + v] - log;
                }
            }
            // the k best (hypothesis, token) pairs, in order
            int[] pairs = Fn.topK(logp, live * V, k);
            int n = pairs.length;
            int[] from = new int[n];
            int[] token = new int[n];
            double[] top = new double[n];
            for (int j = 0; j < n; j++) {
                from[j] = pairs[j] / V;
                token[j] = pairs[j] % V;
                top[j] = logp[pairs[j]];
            }
            int[][] nextTokens = new int[k][];
            double[][][] nextWeights = new double[k][][];
            int[] order = new int[k];
            int kept = 0;
            for (int j = 0; j < n; j++) {
                int b = from[j];
                double[][] w = weights[b];
                if (t.attends()) {
                    double[] row = new double[S];
                    for (int s = 0; s < S; s++) {
                        row[s] = t.weight(b, s);
                    }
                    w = Arrays.copyOf(w, w.length + 1);
                    w[w.length - 1] = row;
                }
                if (token[j] == end || step == maxLength - 1) {
                    int[] out = token[j] == end ? tokens[b] : append(tokens[b], token[j]);
                    if (top[j] > bestScore) {
                        bestScore = top[j];
                        best = new Output(out, t.attends() ? w : null);
                    }
                    continue;
                }
                nextTokens[kept] = append(tokens[b], token[j]);
                nextWeights[kept] = w;
                score[kept] = top[j];
                order[kept] = b;
                next[kept] = token[j];
                kept++;
            }
            // stop when no live hypothesis can beat the best finished one (scores only fall)
            if (kept == 0 || (best != null && score[0] <= bestScore)) {
                break;
            }
            for (int j = kept; j < k; j++) {
                order[j] = order[0];
                next[j] = next[0];
            }
            t.reorder(order);
            System.arraycopy(nextTokens, 0, tokens, 0, kept);
            System.arraycopy(nextWeights, 0, weights, 0, kept);
            live = kept;
        }
        return best;
    }

    /**
     * Greedy decoding of many sources at once (padded at the end and masked): each output's tokens
     * (without the end token), at most {@code maxLength}, the likeliest at every step.
     */
    public static int[][] greedy(Model model, int[][] sources, int start, int end, int maxLength) {
        int n = sources.length;
        int steps = 0;
        for (int[] s : sources) {
            if (s.length == 0) {
                throw new IllegalArgumentException("a source has no tokens");
            }
            steps = Math.max(steps, s.length);
        }
        int[] tokens = new int[steps * n];
        double[] mask = new double[steps * n];
        for (int b = 0; b < n; b++) {
            for (int t = 0; t < sources[b].length; t++) {
                tokens[t * n + b] = sources[b][t];
                mask[t * n + b] = 1;
            }
        }
        Translation t = new Translation(model);
        t.begin(tokens, mask, steps, n);
        int V = model.architecture().outputs();
        int[][] out = new int[n][];
        int[] length = new int[n];
        int[][] grown = new int[n][maxLength];
        int[] next = new int[n];
        Arrays.fill(next, start);
        int live = n;
        for (int step = 0; step < maxLength && live > 0; step++) {
            double[] y = t.step(next);
            for (int b = 0; b < n; b++) {
                if (out[b] != null) {
                    next[b] = end;
                    continue;
                }
                int k = Fn.argmax(y, b * V, V);
                next[b] = k;
                if (k == end) {
                    out[b] = Arrays.copyOf(grown[b], length[b]);
                    live--;
                } else {
                    grown[b][length[b]++] = k;
                }
            }
        }
        for (int b = 0; b < n; b++) {
            if (out[b] == null) {
                out[b] = Arrays.copyOf(grown[b], length[b]);
            }
        }
        return out;
    }

    private static int[] append(int[] a, int v) {
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }
}
