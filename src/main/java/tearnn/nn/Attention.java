package tearnn.nn;

import java.util.Arrays;
import tearnn.math.Fn;

/**
 * Attention of one query per sequence over that sequence's keys (a recurrent stack's hidden states):
 * which past steps matter, and their weighted sum, the context. With query q [Q] and keys k_1..k_T [K]
 * (only the real steps: a padded step's weight is 0):
 *
 * <pre>
 *   e_t = q . k_t                                  dot      (Luong et al. 2015; Q = K)
 *   e_t = q^T W k_t                                general  (Luong et al. 2015), W = weight [Q][K]
 *   e_t = v . tanh(W_q q + b_q + W_k k_t)          additive (Bahdanau et al. 2015), W_q = query.weight [A][Q],
 *                                                  b_q = query.bias [A], W_k = key.weight [A][K], v = v.weight [1][A]
 *   a_t = exp(e_t) / sum_s exp(e_s)                the weights, over the real steps s
 *   c   = sum_t a_t k_t                            the context [K]
 * </pre>
 *
 * Backward, from dc [K] (each line reverses the forward line it names):
 *
 * <pre>
 *   c:        da_t = dc . k_t,  dk_t += a_t dc
 *   a_t:      de_t = a_t (da_t - sum_s a_s da_s)                 (the softmax's Jacobian)
 *   dot:      dq += sum_t de_t k_t,  dk_t += de_t q
 *   general:  s = sum_t de_t k_t;  dW += q s^T,  dq += W s,  dk_t += de_t W^T q
 *   additive: u_t = tanh(z_t), z_t = W_q q + b_q + W_k k_t:
 *             dv += sum_t de_t u_t;  dz_t = de_t v (1 - u_t^2);
 *             dW_k += sum_t dz_t k_t^T,  dk_t += W_k^T dz_t;
 *             g = sum_t dz_t:  dW_q += g q^T,  db_q += g,  dq += W_q^T g
 * </pre>
 *
 * The parameter names are those of the PyTorch module that writes the reference cases
 * ({@code src/test/resources/pytorch-reference/attention.py}). Keys are read time-major as a stack
 * writes its output: step t of sequence b at {@code (t * B + b) * K}; queries and contexts are [B][Q]
 * and [B][K]; the mask [T][B] is 1 at a real step and 0 at a padded one (null: every step real).
 */
public final class Attention {
    /** How a query scores a key. */
    public enum Score {
        DOT("dot"), GENERAL("general"), ADDITIVE("additive");

        public final String id;

        Score(String id) {
            this.id = id;
        }

        /** The score named {@code id}; another is refused naming those there are. */
        public static Score of(String id) {
            for (Score s : values()) {
                if (s.id.equals(id)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("attention must be additive, dot or general, got '" + id + "'");
        }
    }

    private final Params params;
    private final Score score;
    private final int querySize;
    private final int keySize;
    private final int size;
    /** general: W [Q][K]. */
    private final Tensor weight;
    /** additive: W_q [A][Q], b_q [A], W_k [A][K], v [1][A]. */
    private final Tensor queryWeight;
    private final Tensor queryBias;
    private final Tensor keyWeight;
    private final Tensor v;

    // what the forward pass keeps for the backward one, for B sequences of T steps
    private int batch;
    private int steps;
    private double[] keys;
    private int keysOff;
    private double[] queries;
    private int queriesOff;
    /** a [B][T]. */
    private double[] weights = new double[0];
    /** general: W^T q [B][K]. */
    private double[] projected = new double[0];
    /** additive: u = tanh(z) [T][B][A]. */
    private double[] u = new double[0];
    // scratch
    private double[] dScores = new double[0];
    private double[] row = new double[0];

    /**
     * An attention of queries of {@code querySize} over keys of {@code keySize}; {@code size} is A, the
     * additive score's inner size (the others have none: 0). Its parameters are named under {@code prefix}.
     */
    public Attention(Params params, String prefix, Score score, int querySize, int keySize, int size) {
        this.params = params;
        this.score = score;
        this.querySize = querySize;
        this.keySize = keySize;
        this.size = score == Score.ADDITIVE ? size : 0;
        if (score == Score.DOT && querySize != keySize) {
            throw new IllegalArgumentException("dot attention needs queries as long as keys, got " + querySize + " and " + keySize);
        }
        if (score == Score.ADDITIVE && size <= 0) {
            throw new IllegalArgumentException("additive attention needs a positive size, got " + size);
        }
        boolean additive = score == Score.ADDITIVE;
        weight = score == Score.GENERAL ? params.add(prefix + "weight", querySize, keySize) : null;
        queryWeight = additive ? params.add(prefix + "query.weight", size, querySize) : null;
        queryBias = additive ? params.addVector(prefix + "query.bias", size) : null;
        keyWeight = additive ? params.add(prefix + "key.weight", size, keySize) : null;
        v = additive ? params.add(prefix + "v.weight", 1, size) : null;
    }

    public Score score() {
        return score;
    }

    public int keySize() {
        return keySize;
    }

    /** The weight of step {@code t} in sequence {@code b}'s context, after {@link #forward}. */
    public double weight(int b, int t) {
        return weights[b * steps + t];
    }

    /** Floating-point operations of one sequence of {@code steps} steps, forward (about twice as many back). */
    public double cost(int steps) {
        return 4.0 * steps * keySize + (score == Score.ADDITIVE ? 2.0 * size * (steps * (keySize + 2) + querySize)
                : score == Score.GENERAL ? 2.0 * querySize * keySize : 0);
    }

    private static double[] atLeast(double[] a, int n) {
        return a.length >= n ? a : new double[n];
    }

    /** As {@link #forward(double[], int, double[], int, double[], int, int, int, int, double[], int)} for every sequence. */
    public void forward(double[] queries, int queriesOff, double[] keys, int keysOff, double[] mask, int steps, int batch,
            double[] context, int contextOff) {
        forward(queries, queriesOff, keys, keysOff, mask, steps, batch, 0, batch, context, contextOff);
    }

    /**
     * The contexts [B][K] of sequences [b0, b1) of B, each a query over its T steps of keys, written to
     * {@code context} at {@code contextOff} (row b at {@code contextOff + b K}). The inputs are kept (not
     * copied) for {@link #backward}; a pass in parts gives each sequence's bits of one call.
     */
    public void forward(double[] queries, int queriesOff, double[] keys, int keysOff, double[] mask, int steps, int batch,
            int b0, int b1, double[] context, int contextOff) {
        this.queries = queries;
        this.queriesOff = queriesOff;
        this.keys = keys;
        this.keysOff = keysOff;
        if (b0 == 0 || this.steps != steps || this.batch != batch) {
            this.steps = steps;
            this.batch = batch;
            weights = atLeast(weights, batch * steps);
            projected = atLeast(projected, score == Score.GENERAL ? batch * keySize : 0);
            u = atLeast(u, score == Score.ADDITIVE ? steps * batch * size : 0);
        }
        int K = keySize;
        double[] w = params.value;
        for (int b = b0; b < b1; b++) {
            int q = queriesOff + b * querySize;
            if (score == Score.GENERAL) {
                // W^T q once per sequence: e_t = (W^T q) . k_t
                Arrays.fill(projected, b * K, (b + 1) * K, 0.0);
                for (int i = 0; i < querySize; i++) {
                    double qi = queries[q + i];
                    int r = weight.offset() + i * K;
                    for (int j = 0; j < K; j++) {
                        projected[b * K + j] += qi * w[r + j];
                    }
                }
            } else if (score == Score.ADDITIVE) {
                additiveForward(b, q);
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < steps; t++) {
                if (mask == null || mask[t * batch + b] != 0) {
                    double e = scoreOf(b, t);
                    weights[b * steps + t] = e;
                    max = Math.max(max, e);
                }
            }
            if (max == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("sequence " + b + " has no real step to attend to");
            }
            double sum = 0;
            for (int t = 0; t < steps; t++) {
                boolean real = mask == null || mask[t * batch + b] != 0;
                double a = real ? Fn.exp(weights[b * steps + t] - max) : 0;
                weights[b * steps + t] = a;
                sum += a;
            }
            int c = contextOff + b * K;
            Arrays.fill(context, c, c + K, 0.0);
            for (int t = 0; t < steps; t++) {
                double a = weights[b * steps + t] / sum;
                weights[b * steps + t] = a;
                if (a != 0) {
                    int k = keysOff + (t * batch + b) * K;
                    for (int j = 0; j < K; j++) {
                        context[c + j] += a * keys[k + j];
                    }
                }
            }
        }
    }

    /** additive: u_t = tanh(W_q q + b_q + W_k k_t) of sequence b (its query at q), every step. */
    private void additiveForward(int b, int q) {
        int A = size;
        int K = keySize;
        double[] w = params.value;
        row = atLeast(row, A);
        for (int a = 0; a < A; a++) {
            double z = w[queryBias.offset() + a];
            int r = queryWeight.offset() + a * querySize;
            for (int i = 0; i < querySize; i++) {
                z += w[r + i] * queries[q + i];
            }
            row[a] = z;
        }
        for (int t = 0; t < steps; t++) {
            int k = keysOff + (t * batch + b) * K;
            int out = (t * batch + b) * A;
            for (int a = 0; a < A; a++) {
                double z = row[a];
                int r = keyWeight.offset() + a * K;
                for (int j = 0; j < K; j++) {
                    z += w[r + j] * keys[k + j];
                }
                u[out + a] = Fn.tanh(z);
            }
        }
    }

    /** e_t of sequence b, step t. */
    private double scoreOf(int b, int t) {
        int k = keysOff + (t * batch + b) * keySize;
        double e = 0;
        switch (score) {
            case DOT -> {
                int q = queriesOff + b * querySize;
                for (int j = 0; j < keySize; j++) {
                    e += queries[q + j] * keys[k + j];
                }
            }
            case GENERAL -> {
                for (int j = 0; j < keySize; j++) {
                    e += projected[b * keySize + j] * keys[k + j];
                }
            }
            case ADDITIVE -> {
                int r = (t * batch + b) * size;
                for (int a = 0; a < size; a++) {
                    e += params.value[v.offset() + a] * u[r + a];
                }
            }
        }
        return e;
    }

    /** As {@link #backward(double[], int, double[], int, double[], int, int, int)} for every sequence. */
    public void backward(double[] dContext, int dContextOff, double[] dKeys, int dKeysOff, double[] dQueries, int dQueriesOff) {
        backward(dContext, dContextOff, dKeys, dKeysOff, dQueries, dQueriesOff, 0, batch);
    }

    /**
     * From dc [B][K] (at {@code dContextOff}) of sequences [b0, b1): adds the gradients of the
     * parameters to {@code params.grad}, of the keys to {@code dKeys} (time-major as the keys, at
     * {@code dKeysOff}) and of the queries to {@code dQueries} [B][Q] (at {@code dQueriesOff}). Each
     * parameter's gradient sums over the sequences in order (and over each one's steps in order), so
     * that ranges in increasing order from 0 give the bits of all at once.
     */
    public void backward(double[] dContext, int dContextOff, double[] dKeys, int dKeysOff, double[] dQueries, int dQueriesOff,
            int b0, int b1) {
        int K = keySize;
        int B = batch;
        double[] g = params.grad;
        double[] w = params.value;
        dScores = atLeast(dScores, steps);
        row = atLeast(row, Math.max(K, size));
        for (int b = b0; b < b1; b++) {
            int dc = dContextOff + b * K;
            // c: da_t = dc . k_t, dk_t += a_t dc
            double weighted = 0;
            for (int t = 0; t < steps; t++) {
                double a = weights[b * steps + t];
                dScores[t] = 0;
                if (a == 0) {
                    continue;
                }
                int k = keysOff + (t * B + b) * K;
                int dk = dKeysOff + (t * B + b) * K;
                double da = 0;
                for (int j = 0; j < K; j++) {
                    da += dContext[dc + j] * keys[k + j];
                    dKeys[dk + j] += a * dContext[dc + j];
                }
                dScores[t] = da;
                weighted += a * da;
            }
            // a_t: de_t = a_t (da_t - sum_s a_s da_s)
            for (int t = 0; t < steps; t++) {
                dScores[t] = weights[b * steps + t] * (dScores[t] - weighted);
            }
            int q = queriesOff + b * querySize;
            int dq = dQueriesOff + b * querySize;
            switch (score) {
                // dot: dq += sum_t de_t k_t, dk_t += de_t q
                case DOT -> keysBackward(b, dQueries, dq, queries, q, dKeys, dKeysOff);
                case GENERAL -> {
                    // s = sum_t de_t k_t, dk_t += de_t W^T q; then dW += q s^T, dq += W s
                    Arrays.fill(row, 0, K, 0.0);
                    keysBackward(b, row, 0, projected, b * K, dKeys, dKeysOff);
                    for (int i = 0; i < querySize; i++) {
                        int r = weight.offset() + i * K;
                        double qi = queries[q + i];
                        double sum = 0;
                        for (int j = 0; j < K; j++) {
                            g[r + j] += qi * row[j];
                            sum += w[r + j] * row[j];
                        }
                        dQueries[dq + i] += sum;
                    }
                }
                case ADDITIVE -> additiveBackward(b, q, dKeys, dKeysOff, dQueries, dq);
            }
        }
    }

    /** Sequence b's lines shared by dot and general: sum += sum_t de_t k_t (at sumOff), dk_t += de_t y (y at yOff). */
    private void keysBackward(int b, double[] sum, int sumOff, double[] y, int yOff, double[] dKeys, int dKeysOff) {
        int K = keySize;
        for (int t = 0; t < steps; t++) {
            double de = dScores[t];
            if (de != 0) {
                int k = keysOff + (t * batch + b) * K;
                int dk = dKeysOff + (t * batch + b) * K;
                for (int j = 0; j < K; j++) {
                    sum[sumOff + j] += de * keys[k + j];
                    dKeys[dk + j] += de * y[yOff + j];
                }
            }
        }
    }

    /** additive, sequence b: from de_t (dScores) to v, W_k, W_q, b_q, its keys and its query. */
    private void additiveBackward(int b, int q, double[] dKeys, int dKeysOff, double[] dQueries, int dq) {
        int A = size;
        int K = keySize;
        int B = batch;
        double[] g = params.grad;
        double[] w = params.value;
        // g = sum_t dz_t, gathered in row
        Arrays.fill(row, 0, A, 0.0);
        for (int t = 0; t < steps; t++) {
            double de = dScores[t];
            if (de == 0) {
                continue;
            }
            int ut = (t * B + b) * A;
            int k = keysOff + (t * B + b) * K;
            int dk = dKeysOff + (t * B + b) * K;
            for (int a = 0; a < A; a++) {
                double ua = u[ut + a];
                // dv += de_t u_t; dz_t = de_t v (1 - u_t^2)
                g[v.offset() + a] += de * ua;
                double dz = de * w[v.offset() + a] * (1 - ua * ua);
                row[a] += dz;
                // dW_k += dz_t k_t^T, dk_t += W_k^T dz_t
                int r = keyWeight.offset() + a * K;
                for (int j = 0; j < K; j++) {
                    g[r + j] += dz * keys[k + j];
                    dKeys[dk + j] += w[r + j] * dz;
                }
            }
        }
        // dW_q += g q^T, db_q += g, dq += W_q^T g
        for (int a = 0; a < A; a++) {
            double ga = row[a];
            g[queryBias.offset() + a] += ga;
            int r = queryWeight.offset() + a * querySize;
            for (int i = 0; i < querySize; i++) {
                g[r + i] += ga * queries[q + i];
                dQueries[dq + i] += w[r + i] * ga;
            }
        }
    }
}
