package tearnn.model;

import tearnn.math.Buffers;
import tearnn.math.Fn;
import tearnn.nn.Attention;
import tearnn.nn.Dense;
import tearnn.nn.Embedding;
import tearnn.nn.Params;
import tearnn.nn.RecurrentStack;

/**
 * A translator's decoder (Luong et al. 2015): an embedding of the target tokens and a recurrent stack
 * that starts from the encoder's final state, and, with attention, each decoder state's look back at
 * the encoder's states and the layer that joins what it sees to the state. For decoder state h_t
 * (the top layer's, row r = t B + b) over the encoder's states k_1..k_S of sequence b:
 *
 * <pre>
 *   c_t = attention(h_t; k_1..k_S)                    the context (see {@link Attention})
 *   j_t = [c_t; h_t]                                  joined [2H]
 *   g_t = tanh(W_c j_t + b_c)                         what the head reads, W_c = combine.weight [H][2H]
 * </pre>
 *
 * and without attention the head reads h_t itself. Backward, from dg_t:
 *
 * <pre>
 *   g_t:  dz_t = dg_t (1 - g_t^2);  dW_c += dz_t j_t^T,  db_c += dz_t,  dj_t = W_c^T dz_t
 *   j_t:  dc_t = dj_t[0, H),  dh_t = dj_t[H, 2H)
 *   c_t:  the attention's backward adds to dh_t (the query) and to dk_s (the keys)
 * </pre>
 *
 * The parameters are named as the PyTorch module of the reference cases names them
 * ({@code src/test/resources/pytorch-reference/translator.py}): {@code decoder_embedding.weight},
 * {@code decoder.weight_ih_l0} ..., {@code attention.*}, {@code combine.weight}, {@code combine.bias}.
 */
final class Decoder {
    final Embedding embedding;
    final RecurrentStack stack;
    /** Null without attention (then also no combining layer). */
    final Attention attention;
    final Dense combine;
    private final int hidden;

    /** Rows [R][H]: the contexts; [R][2H]: the joined vectors; [R][H]: what the head reads (g). */
    private double[] context = new double[0];
    private double[] joined = new double[0];
    private double[] combined = new double[0];
    /** Backward scratch: dc [R][H], dj [R][2H]. */
    private double[] dContext = new double[0];
    private double[] dJoined = new double[0];

    Decoder(Params params, Architecture a) {
        this.hidden = a.hidden();
        this.embedding = new Embedding(params, "decoder_embedding.weight", a.outputs(), a.embedding());
        this.stack = new RecurrentStack(params, "decoder.", a.cell(), a.embedding(), a.hidden(), a.layers(), a.bias(),
                a.peephole());
        this.attention = a.attention() == null ? null : new Attention(params, "attention.", a.attention(), hidden, hidden, hidden);
        this.combine = a.attention() == null ? null : new Dense(params, "combine.", 2 * hidden, hidden, true);
    }

    /** Grows the row workspaces for R rows. */
    void prepare(int rows, boolean training) {
        if (attention == null) {
            return;
        }
        context = Buffers.grow(context, rows * hidden);
        joined = Buffers.grow(joined, rows * 2 * hidden);
        combined = Buffers.grow(combined, rows * hidden);
        if (training) {
            dContext = Buffers.grow(dContext, rows * hidden);
            dJoined = Buffers.grow(dJoined, rows * 2 * hidden);
        }
    }

    /**
     * Rows [r0, r1) of R of what the head reads ({@link #headInput}), from the decoder stack's output
     * and the encoder's {@code keys} [S][B][H] (at {@code keysOff}, {@code keyMask} [S][B]).
     */
    void attend(double[] keys, int keysOff, double[] keyMask, int keySteps, int batch, int rows, int r0, int r1) {
        if (attention != null && r0 == 0) {
            attention.keys(keys, keysOff, keyMask, keySteps, batch);
        }
        attend(rows, r0, r1);
    }

    /** As {@link #attend(double[], int, double[], int, int, int, int, int)}, over the keys given last (decoding a step at a time). */
    void attend(int rows, int r0, int r1) {
        if (attention == null) {
            return;
        }
        int H = hidden;
        double[] h = stack.output();
        int hOff = stack.outputOffset();
        attention.forward(h, hOff, rows, r0, r1, context, 0);
        for (int r = r0; r < r1; r++) {
            System.arraycopy(context, r * H, joined, r * 2 * H, H);
            System.arraycopy(h, hOff + r * H, joined, r * 2 * H + H, H);
        }
        combine.forward(combined, r0 * H, joined, r0 * 2 * H, r1 - r0);
        for (int i = r0 * H; i < r1 * H; i++) {
            combined[i] = Fn.tanh(combined[i]);
        }
    }

    /** What the head reads: g (with attention) or the decoder stack's output, rows from {@link #headInputOffset}. */
    double[] headInput() {
        return attention == null ? stack.output() : combined;
    }

    int headInputOffset() {
        return attention == null ? stack.outputOffset() : 0;
    }

    /**
     * Rows [r0, r1) back from dg ({@code dHead} [R][H], turned into dz in place): writes dh_t of those
     * rows into {@code dOut} [T'][B][H] (the decoder stack's output gradient) and adds the keys' to
     * {@code dKeys} (at {@code dKeysOff}). Without attention dg is dh_t, copied. Ranges in increasing
     * order from 0 give the bits of one call.
     */
    void attendBack(double[] dHead, int r0, int r1, double[] dKeys, int dKeysOff, double[] dOut) {
        int H = hidden;
        if (attention == null) {
            System.arraycopy(dHead, r0 * H, dOut, r0 * H, (r1 - r0) * H);
            return;
        }
        for (int i = r0 * H; i < r1 * H; i++) {
            dHead[i] *= 1 - combined[i] * combined[i];
        }
        combine.inputGradient(dJoined, r0 * 2 * H, dHead, r0 * H, r1 - r0);
        for (int r = r0; r < r1; r++) {
            System.arraycopy(dJoined, r * 2 * H, dContext, r * H, H);
            System.arraycopy(dJoined, r * 2 * H + H, dOut, r * H, H);
        }
        attention.backward(dContext, 0, dKeys, dKeysOff, dOut, 0, r0, r1);
    }

    /** The combining layer's weight gradients of output units [from, to), from dz ({@code dz} [R][H]) over R rows. */
    void combineGradients(double[] dz, int rows, int from, int to) {
        combine.weightGradients(dz, joined, 0, rows, from, to);
    }

    /** Floating-point operations of one row of {@link #attend} over {@code keySteps} keys (and about twice as many back). */
    double rowCost(int keySteps) {
        return attention == null ? 0 : attention.cost(keySteps) + 4.0 * hidden * hidden + 30.0 * hidden;
    }
}
