package tearnn.nn;

import java.util.Arrays;
import tearnn.math.Fn;

/**
 * Attention of queries over a recurrent stack's hidden states (the keys): which steps matter, and
 * their weighted sum, the context. With query q [Q] and its sequence's keys k_1..k_T [K] (only the
 * real steps: a padded step's weight is 0):
 *
 * <pre>
 *   e_t = q . k_t                                  dot      (Luong et al. 2015; Q = K)
 *   e_t = q^T W k_t                                general  (Luong et al. 2015), W = weight [Q][K]
 *   e_t = v . tanh(W_q q + b_q + p_t),             additive (Bahdanau et al. 2015), W_q = query.weight [A][Q],
 *         p_t = W_k k_t                            b_q = query.bias [A], W_k = key.weight [A][K], v = v.weight [1][A]
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
 *   additive: u_t = tanh(z_t), z_t = W_q q + b_q + p_t:
 *             dv += sum_t de_t u_t;  dz_t = de_t v (1 - u_t^2);
 *             g = sum_t dz_t:  dW_q += g q^T,  db_q += g,  dq += W_q^T g;
 *             dp_t += dz_t, and once every query went back:  dW_k += sum_t dp_t k_t^T,  dk_t += W_k^T dp_t
 * </pre>
 *
 * A sequence may have several queries (a decoder's steps): there are R rows of queries, and row r
 * attends over the keys of sequence r mod B. The additive score's key projections p_t are computed once
 * for all rows. The parameter names are those of the PyTorch module that writes the reference cases
 * ({@code src/test/resources/pytorch-reference/attention.py}). Keys are read time-major as a stack
 * writes its output: step t of sequence b at {@code (t * B + b) * K}; queries and contexts are [R][Q]
 * and [R][K]; the mask [T][B] is 1 at a real step and 0 at a padded one (null: every step real).
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

    // what the forward pass keeps for the backward one: R rows of queries over B sequences of T steps
    private int batch;
    private int steps;
    private int rows;
    private double[] mask;
    private double[] keys;
    private int keysOff;
    private double[] queries;
    private int queriesOff;
    /** a [R][T]. */
    private double[] weights = new double[0];
    /** general: W^T q [R][K]. */
    private double[] projected = new double[0];
    /** additive: p = W_k k [T][B][A], and u = tanh(z) [R][T][A]. */
    private double[] keyProjection = new double[0];
    private double[] u = new double[0];
    /** additive, backward: dp [T][B][A]. */
    private double[] dKeyProjection = new double[0];
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

    /** The number of parameters of an attention of this score, over keys and queries of {@code hidden}. */
    public static long parameterCount(Score score, int hidden) {
        return score == Score.GENERAL ? (long) hidden * hidden : score == Score.ADDITIVE ? (long) hidden * (2L * hidden + 2) : 0;
    }

    public Score score() {
        return score;
    }

    public int keySize() {
        return keySize;
    }

    /** The weight of step {@code t} in row {@code r}'s context (row b: sequence b's only query), after {@link #forward}. */
    public double weight(int r, int t) {
        return weights[r * steps + t];
    }

    /**
     * Floating-point operations of one query over {@code steps} steps, forward (about twice as many
     * back); the additive score's key projections are counted in for one query a sequence.
     */
    public double cost(int steps) {
        return 4.0 * steps * keySize + (score == Score.ADDITIVE ? 2.0 * size * (steps * (keySize + 3) + querySize)
                : score == Score.GENERAL ? 2.0 * querySize * keySize : 0);
    }

    private static double[] atLeast(double[] a, int n) {
        return a.length >= n ? a : new double[n];
    }

    /** One query per sequence (R = B), every sequence: see {@link #forward(double[], int, double[], int, double[], int, int, int, int, int, double[], int)}. */
    public void forward(double[] queries, int queriesOff, double[] keys, int keysOff, double[] mask, int steps, int batch,
            double[] context, int contextOff) {
        forward(queries, queriesOff, keys, keysOff, mask, steps, batch, batch, 0, batch, context, contextOff);
    }

    /** One query per sequence (R = B), sequences [b0, b1). */
    public void forward(double[] queries, int queriesOff, double[] keys, int keysOff, double[] mask, int steps, int batch,
            int b0, int b1, double[] context, int contextOff) {
        forward(queries, queriesOff, keys, keysOff, mask, steps, batch, batch, b0, b1, context, contextOff);
    }

    /**
     * The contexts of query rows [r0, r1) of R, row r over the T steps of keys of sequence r mod B,
     * written to {@code context} at {@code contextOff} (row r at {@code contextOff + r K}). The inputs
     * are kept (not copied) for {@link #backward}; ranges in increasing order from 0 give each row the
     * bits of one call.
     */
    public void forward(double[] queries, int queriesOff, double[] keys, int keysOff, double[] mask, int steps, int batch,
            int rows, int r0, int r1, double[] context, int contextOff) {
        if (r0 == 0 || this.keys != keys || this.steps != steps || this.batch != batch) {
            keys(keys, keysOff, mask, steps, batch);
        }
        forward(queries, queriesOff, rows, r0, r1, context, contextOff);
    }

    /**
     * The keys [T][B][K] (at {@code keysOff}, with {@code mask}) that the following {@link
     * #forward(double[], int, int, int, int, double[], int)} calls attend over, kept (not copied); the
     * additive score's projections p_t = W_k k_t are computed here, once for every query to come.
     */
    public void keys(double[] keys, int keysOff, double[] mask, int steps, int batch) {
        this.keys = keys;
        this.keysOff = keysOff;
        this.mask = mask;
        this.steps = steps;
        this.batch = batch;
        if (score == Score.ADDITIVE) {
            keyProjection = atLeast(keyProjection, steps * batch * size);
            projectKeys();
        }
    }

    /**
     * The contexts of query rows [r0, r1) of R over the keys last given ({@link #keys}), row r over
     * those of sequence r mod B: see the forward above.
     */
    public void forward(double[] queries, int queriesOff, int rows, int r0, int r1, double[] context, int contextOff) {
        this.queries = queries;
        this.queriesOff = queriesOff;
        if (r0 == 0 || this.rows != rows) {
            this.rows = rows;
            weights = atLeast(weights, rows * steps);
            projected = atLeast(projected, score == Score.GENERAL ? rows * keySize : 0);
            u = atLeast(u, score == Score.ADDITIVE ? rows * steps * size : 0);
        }
        int K = keySize;
        double[] w = params.value;
        for (int r = r0; r < r1; r++) {
            int b = r % batch;
            int q = queriesOff + r * querySize;
            if (score == Score.GENERAL) {
                // W^T q once per row: e_t = (W^T q) . k_t
                Arrays.fill(projected, r * K, (r + 1) * K, 0.0);
                for (int i = 0; i < querySize; i++) {
                    double qi = queries[q + i];
                    int wr = weight.offset() + i * K;
                    for (int j = 0; j < K; j++) {
                        projected[r * K + j] += qi * w[wr + j];
                    }
                }
            } else if (score == Score.ADDITIVE) {
                additiveForward(r, q);
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < steps; t++) {
                if (real(t, b)) {
                    double e = scoreOf(r, t);
                    weights[r * steps + t] = e;
                    max = Math.max(max, e);
                }
            }
            if (max == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("sequence " + b + " has no real step to attend to");
            }
            double sum = 0;
            for (int t = 0; t < steps; t++) {
                double a = real(t, b) ? Fn.exp(weights[r * steps + t] - max) : 0;
                weights[r * steps + t] = a;
                sum += a;
            }
            int c = contextOff + r * K;
            Arrays.fill(context, c, c + K, 0.0);
            for (int t = 0; t < steps; t++) {
                double a = weights[r * steps + t] / sum;
                weights[r * steps + t] = a;
                if (a != 0) {
                    int k = keysOff + (t * batch + b) * K;
                    for (int j = 0; j < K; j++) {
                        context[c + j] += a * keys[k + j];
                    }
                }
            }
        }
    }

    private boolean real(int t, int b) {
        return mask == null || mask[t * batch + b] != 0;
    }

    /** additive: p_t = W_k k_t of every real step of every sequence, once for all rows. */
    private void projectKeys() {
        int A = size;
        int K = keySize;
        double[] w = params.value;
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) {
                if (!real(t, b)) {
                    continue;
                }
                int k = keysOff + (t * batch + b) * K;
                int out = (t * batch + b) * A;
                for (int a = 0; a < A; a++) {
                    double z = 0;
                    int wr = keyWeight.offset() + a * K;
                    for (int j = 0; j < K; j++) {
                        z += w[wr + j] * keys[k + j];
                    }
                    keyProjection[out + a] = z;
                }
            }
        }
    }

    /** additive: u_t = tanh(W_q q + b_q + p_t) of row r (its query at q), every real step. */
    private void additiveForward(int r, int q) {
        int A = size;
        int b = r % batch;
        double[] w = params.value;
        row = atLeast(row, A);
        for (int a = 0; a < A; a++) {
            double z = w[queryBias.offset() + a];
            int wr = queryWeight.offset() + a * querySize;
            for (int i = 0; i < querySize; i++) {
                z += w[wr + i] * queries[q + i];
            }
            row[a] = z;
        }
        for (int t = 0; t < steps; t++) {
            if (!real(t, b)) {
                continue;
            }
            int p = (t * batch + b) * A;
            int out = (r * steps + t) * A;
            for (int a = 0; a < A; a++) {
                u[out + a] = Fn.tanh(row[a] + keyProjection[p + a]);
            }
        }
    }

    /** e_t of row r, step t. */
    private double scoreOf(int r, int t) {
        int k = keysOff + (t * batch + r % batch) * keySize;
        double e = 0;
        switch (score) {
            case DOT -> {
                int q = queriesOff + r * querySize;
                for (int j = 0; j < keySize; j++) {
                    e += queries[q + j] * keys[k + j];
                }
            }
            case GENERAL -> {
                for (int j = 0; j < keySize; j++) {
                    e += projected[r * keySize + j] * keys[k + j];
                }
            }
            case ADDITIVE -> {
                int ur = (r * steps + t) * size;
                for (int a = 0; a < size; a++) {
                    e += params.value[v.offset() + a] * u[ur + a];
                }
            }
        }
        return e;
    }

    /** Every row back: see {@link #backward(double[], int, double[], int, double[], int, int, int)}. */
    public void backward(double[] dContext, int dContextOff, double[] dKeys, int dKeysOff, double[] dQueries, int dQueriesOff) {
        backward(dContext, dContextOff, dKeys, dKeysOff, dQueries, dQueriesOff, 0, rows);
    }

    /**
     * From dc [R][K] (at {@code dContextOff}) of rows [r0, r1): adds the gradients of the parameters
     * to {@code params.grad}, of the keys to {@code dKeys} (time-major as the keys, at
     * {@code dKeysOff}) and of the queries to {@code dQueries} [R][Q] (at {@code dQueriesOff}). The
     * additive score's key side (W_k and the keys through it) is added when the last row has gone back.
     * Each parameter's gradient sums over the rows in order (and over each one's steps in order), so
     * that ranges in increasing order from 0 give the bits of all at once.
     */
    public void backward(double[] dContext, int dContextOff, double[] dKeys, int dKeysOff, double[] dQueries, int dQueriesOff,
            int r0, int r1) {
        int K = keySize;
        int B = batch;
        double[] g = params.grad;
        double[] w = params.value;
        dScores = atLeast(dScores, steps);
        row = atLeast(row, Math.max(K, size));
        if (score == Score.ADDITIVE && r0 == 0) {
            dKeyProjection = atLeast(dKeyProjection, steps * B * size);
            Arrays.fill(dKeyProjection, 0, steps * B * size, 0.0);
        }
        for (int r = r0; r < r1; r++) {
            int b = r % B;
            int dc = dContextOff + r * K;
            // c: da_t = dc . k_t, dk_t += a_t dc
            double weighted = 0;
            for (int t = 0; t < steps; t++) {
                double a = weights[r * steps + t];
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
                dScores[t] = weights[r * steps + t] * (dScores[t] - weighted);
            }
            int q = queriesOff + r * querySize;
            int dq = dQueriesOff + r * querySize;
            switch (score) {
                // dot: dq += sum_t de_t k_t, dk_t += de_t q
                case DOT -> keysBackward(b, dQueries, dq, queries, q, dKeys, dKeysOff);
                case GENERAL -> {
                    // s = sum_t de_t k_t, dk_t += de_t W^T q; then dW += q s^T, dq += W s
                    Arrays.fill(row, 0, K, 0.0);
                    keysBackward(b, row, 0, projected, r * K, dKeys, dKeysOff);
                    for (int i = 0; i < querySize; i++) {
                        int wr = weight.offset() + i * K;
                        double qi = queries[q + i];
                        double sum = 0;
                        for (int j = 0; j < K; j++) {
                            g[wr + j] += qi * row[j];
                            sum += w[wr + j] * row[j];
                        }
                        dQueries[dq + i] += sum;
                    }
                }
                case ADDITIVE -> additiveBackward(r, q, dQueries, dq);
            }
        }
        if (score == Score.ADDITIVE && r1 == rows) {
            keyProjectionBackward(dKeys, dKeysOff);
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

    /** additive, row r: from de_t (dScores) to v, W_q, b_q, its query, and dp_t of its sequence's steps. */
    private void additiveBackward(int r, int q, double[] dQueries, int dq) {
        int A = size;
        int b = r % batch;
        double[] g = params.grad;
        double[] w = params.value;
        // g = sum_t dz_t, gathered in row
        Arrays.fill(row, 0, A, 0.0);
        for (int t = 0; t < steps; t++) {
            double de = dScores[t];
            if (de == 0) {
                continue;
            }
            int ut = (r * steps + t) * A;
            int dp = (t * batch + b) * A;
            for (int a = 0; a < A; a++) {
                double ua = u[ut + a];
                // dv += de_t u_t; dz_t = de_t v (1 - u_t^2)
                g[v.offset() + a] += de * ua;
                double dz = de * w[v.offset() + a] * (1 - ua * ua);
                row[a] += dz;
                dKeyProjection[dp + a] += dz;
            }
        }
        // dW_q += g q^T, db_q += g, dq += W_q^T g
        for (int a = 0; a < A; a++) {
            double ga = row[a];
            g[queryBias.offset() + a] += ga;
            int wr = queryWeight.offset() + a * querySize;
            for (int i = 0; i < querySize; i++) {
                g[wr + i] += ga * queries[q + i];
                dQueries[dq + i] += w[wr + i] * ga;
            }
        }
    }

    /** additive, once every row went back: dW_k += sum_t dp_t k_t^T, dk_t += W_k^T dp_t (real steps, in order). */
    private void keyProjectionBackward(double[] dKeys, int dKeysOff) {
        int A = size;
        int K = keySize;
        double[] g = params.grad;
        double[] w = params.value;
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) {
                if (!real(t, b)) {
                    continue;
                }
                int k = keysOff + (t * batch + b) * K;
                int dk = dKeysOff + (t * batch + b) * K;
                int dp = (t * batch + b) * A;
                for (int a = 0; a < A; a++) {
                    double d = dKeyProjection[dp + a];
                    int wr = keyWeight.offset() + a * K;
                    for (int j = 0; j < K; j++) {
                        g[wr + j] += d * keys[k + j];
                        dKeys[dk + j] += w[wr + j] * d;
                    }
                }
            }
        }
    }
}
