package tearnn.nn;

import java.util.Arrays;
import tearnn.math.Rng;

/**
 * L recurrent layers, time-major: layer 0 reads the input, layer l reads layer l-1's outputs, the
 * top layer's outputs are the stack's. States are passed as [L][B][H] blocks (null means zeros).
 *
 * <p>Dropout (training only) is applied to every layer's output: the input of the layer above and,
 * for the top layer, the stack's output. The final states returned are never dropped.
 */
public final class RecurrentStack {
    private final CellType type;
    private final RecurrentLayer[] layers;
    private final int inputSize;
    private final int hidden;

    private int steps;
    private int batch;
    private double dropout;
    private double[][] dropped = new double[0][];
    private double[][] keep = new double[0][];
    private final Rng maskRng = new Rng(0);
    /** Gradients between layers: layer l writes its input gradient into between[l % 2]. */
    private final double[][] between = {new double[0], new double[0]};
    /** One layer's [B][H] blocks of a state and of a state's gradient, handed to the layer. */
    private StatePair layerState = new StatePair(new double[0], new double[0]);
    private StatePair layerGradient = new StatePair(new double[0], new double[0]);

    /**
     * Declares the parameters of L layers in {@code params}, named as PyTorch names them with the
     * given prefix ({@code prefix + "weight_ih_l0"}, ...).
     */
    public RecurrentStack(Params params, String prefix, CellType type, int inputSize, int hidden,
            int numLayers, boolean bias, boolean peephole) {
        if (inputSize <= 0 || hidden <= 0 || numLayers <= 0) {
            throw new IllegalArgumentException("input size, hidden size and number of layers must be positive, got "
                    + inputSize + ", " + hidden + ", " + numLayers);
        }
        this.type = type;
        this.inputSize = inputSize;
        this.hidden = hidden;
        this.layers = new RecurrentLayer[numLayers];
        for (int l = 0; l < numLayers; l++) {
            layers[l] = new RecurrentLayer(params, prefix, l, type, l == 0 ? inputSize : hidden, hidden, bias, peephole);
        }
    }

    public CellType type() {
        return type;
    }

    public int numLayers() {
        return layers.length;
    }

    public int hidden() {
        return hidden;
    }

    public int inputSize() {
        return inputSize;
    }

    public RecurrentLayer layer(int l) {
        return layers[l];
    }

    /**
     * Forward on dense input x [T][B][I] from {@code initial} [L][B][H] (null, or null parts: zeros),
     * with dropout {@code p} (0: none) whose masks are drawn per sequence from {@code seed}, the
     * batch's sequences being those from {@code first} on of a larger batch (see
     * {@link Dropout#drawPerSequence}).
     */
    public void forward(double[] x, int t, int b, StatePair initial, double[] mask, double p, int seed, int first) {
        beginForward(x, t, b, initial, mask, p, seed, first);
        forwardSteps(0, t);
    }

    /** Forward on one-hot input, tokens [T][B] each in [0, I). */
    public void forwardOneHot(int[] tokens, int t, int b, StatePair initial, double[] mask, double p, int seed, int first) {
        beginForwardOneHot(tokens, t, b, initial, mask, p, seed, first);
        forwardSteps(0, t);
    }

    /** Starts a forward pass on dense input (see {@link #forward}), running no step yet. */
    public void beginForward(double[] x, int t, int b, StatePair initial, double[] mask, double p, int seed, int first) {
        check(t, b, initial, mask);
        if (x.length < t * b * inputSize) {
            throw new IllegalArgumentException("input needs T*B*I = " + t * b * inputSize + " values, got " + x.length);
        }
        begin(t, b, p, seed, first);
        layers[0].beginForward(x, 0, t, b, layerBlocks(initial, 0), mask);
        beginUpperLayers(initial, mask);
    }

    /** Starts a forward pass on one-hot input (see {@link #forwardOneHot}), running no step yet. */
    public void beginForwardOneHot(int[] tokens, int t, int b, StatePair initial, double[] mask, double p, int seed, int first) {
        check(t, b, initial, mask);
        if (tokens.length < t * b) {
            throw new IllegalArgumentException("tokens need T*B = " + t * b + " values, got " + tokens.length);
        }
        for (int i = 0; i < t * b; i++) {
            if (tokens[i] < 0 || tokens[i] >= inputSize) {
                throw new IllegalArgumentException("token " + tokens[i] + " at position " + i
                        + " is outside the vocabulary [0, " + inputSize + ")");
            }
        }
        begin(t, b, p, seed, first);
        layers[0].beginForwardOneHot(tokens, t, b, layerBlocks(initial, 0), mask);
        beginUpperLayers(initial, mask);
    }

    /** Layer l > 0 reads layer l-1's outputs (after dropout, if any). */
    private void beginUpperLayers(StatePair initial, double[] mask) {
        for (int l = 1; l < layers.length; l++) {
            double[] x = dropout > 0 ? dropped[l - 1] : layers[l - 1].cell().hiddenStates();
            int off = dropout > 0 ? 0 : batch * hidden;
            layers[l].beginForward(x, off, steps, batch, layerBlocks(initial, l), mask);
        }
    }

    /**
     * Runs steps [from, to) of the pass begun through every layer, the lowest first (a layer's steps
     * need the same steps of the layer below). Ranges give the same bits as one call over all steps.
     */
    public void forwardSteps(int from, int to) {
        int bh = batch * hidden;
        for (int l = 0; l < layers.length; l++) {
            layers[l].forwardSteps(from, to);
            if (dropout > 0) {
                Dropout.apply(dropped[l], keep[l], layers[l].cell().hiddenStates(), bh, from * bh, to * bh);
            }
        }
    }

    private void check(int t, int b, StatePair initial, double[] mask) {
        if (t <= 0 || b <= 0) {
            throw new IllegalArgumentException("sequence length and batch size must be positive, got T=" + t + ", B=" + b);
        }
        int n = layers.length * b * hidden;
        if (initial != null && initial.h != null && initial.h.length < n) {
            throw new IllegalArgumentException("h0 needs L*B*H = " + n + " values, got " + initial.h.length);
        }
        if (initial != null && initial.c != null && initial.c.length < n) {
            throw new IllegalArgumentException("c0 needs L*B*H = " + n + " values, got " + initial.c.length);
        }
        if (mask != null && mask.length < t * b) {
            throw new IllegalArgumentException("mask needs T*B = " + t * b + " values, got " + mask.length);
        }
    }

    /**
     * Sizes the workspaces and draws every layer's dropout mask, layer by layer, all steps at once (so
     * the masks are the same whatever ranges the steps then run in).
     */
    private void begin(int t, int b, double p, int seed, int first) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + p);
        }
        steps = t;
        batch = b;
        dropout = p;
        int n = t * b * hidden;
        if (p > 0 && (dropped.length != layers.length || dropped[0].length < n)) {
            dropped = new double[layers.length][n];
            keep = new double[layers.length][n];
        }
        if (between[0].length < n) {
            between[0] = new double[n];
            between[1] = new double[n];
        }
        int s = b * hidden;
        if (layerState.h.length < s) {
            layerState = new StatePair(new double[s], new double[s]);
            layerGradient = new StatePair(new double[s], new double[s]);
        }
        if (p > 0) {
            Dropout.drawPerSequence(keep, t, b, hidden, p, seed, first, maskRng);
        }
    }

    /** Layer l's [B][H] blocks of an [L][B][H] state, copied into {@link #layerState}; null stays null. */
    private StatePair layerBlocks(StatePair s, int l) {
        return s == null ? null : copyBlocks(s, l, layerState);
    }

    /** Copies layer l's blocks of {@code s} into {@code into} (a null part gives zeros); returns {@code into}. */
    private StatePair copyBlocks(StatePair s, int l, StatePair into) {
        int n = batch * hidden;
        copyBlock(s.h, l * n, into.h, n);
        copyBlock(s.c, l * n, into.c, n);
        return into;
    }

    private static void copyBlock(double[] from, int off, double[] to, int n) {
        if (from == null) {
            Arrays.fill(to, 0, n, 0.0);
        } else {
            System.arraycopy(from, off, to, 0, n);
        }
    }

    /** The stack's output [T][B][H] (after dropout, if any), read at {@link #outputOffset()}. */
    public double[] output() {
        return dropout > 0 ? dropped[layers.length - 1] : layers[layers.length - 1].cell().hiddenStates();
    }

    public int outputOffset() {
        return dropout > 0 ? 0 : batch * hidden;
    }

    /** Copies the final states into {@code into}: h, and (LSTM, if not null) c, each [L][B][H]. */
    public void finalState(StatePair into) {
        int bh = batch * hidden;
        for (int l = 0; l < layers.length; l++) {
            RecurrentCell cell = layers[l].cell();
            System.arraycopy(cell.hiddenStates(), cell.finalOffset(), into.h, l * bh, bh);
            if (into.c != null && cell.cellStates() != null) {
                System.arraycopy(cell.cellStates(), cell.finalOffset(), into.c, l * bh, bh);
            }
        }
    }

    /**
     * Backpropagates the last forward. Overwrites {@code dx} [T][B][I] (dense input, if not null) and
     * {@code dInitial} [L][B][H] (if not null: h, and c for an LSTM) with the gradients of the input
     * and the initial state; reads {@code dOut} [T][B][H], the gradient of {@link #output()} (it is
     * modified), and {@code dFinal} [L][B][H], the final state's (null, or null parts: zeros).
     * Accumulates every parameter gradient. The same as {@link #beginBackward}, {@link #backwardSteps}
     * over all steps, {@link #weightGradients} of every layer and {@link #endBackward}.
     */
    public void backward(double[] dx, StatePair dInitial, double[] dOut, StatePair dFinal, int truncate) {
        beginBackward(dFinal);
        backwardSteps(dx, dOut, 0, steps, truncate);
        for (int l = layers.length - 1; l >= 0; l--) {
            weightGradients(l, 0, layers[l].gateRows());
        }
        endBackward(dInitial);
    }

    /** Starts backpropagating the last forward from the final state's gradient (null: zeros). */
    public void beginBackward(StatePair dFinal) {
        for (int l = layers.length - 1; l >= 0; l--) {
            layers[l].beginBackward(layerBlocks(dFinal, l));
        }
    }

    /**
     * Steps to-1 down to {@code from} back through every layer, the highest first: reads rows
     * [from, to) of {@code dOut} (modified by dropout), writes those of {@code dx} (dense input, if not
     * null). Ranges, the last first, give the same bits as one call over all steps.
     */
    public void backwardSteps(double[] dx, double[] dOut, int from, int to, int truncate) {
        if (truncate < 0) {
            throw new IllegalArgumentException("truncation length must be >= 0 (0 = full), got " + truncate);
        }
        int bh = batch * hidden;
        double[] d = dOut;
        for (int l = layers.length - 1; l >= 0; l--) {
            if (dropout > 0 && d != null) {
                Dropout.backward(d, keep[l], from * bh, to * bh);
            }
            double[] dIn = l > 0 ? between[l % 2] : dx;
            layers[l].backwardSteps(dIn, d, from, to, truncate);
            d = dIn;
        }
    }

    /**
     * Step s of sequences [b0, b1) through layer l (and its dropout): a part of
     * {@link #forwardSteps}, giving the same bits. Layer l-1 must have run it.
     */
    public void forwardPart(int l, int s, int b0, int b1) {
        layers[l].forwardPart(s, b0, b1);
        if (dropout > 0) {
            int bh = batch * hidden;
            int from = s * bh + b0 * hidden;
            Dropout.apply(dropped[l], keep[l], layers[l].cell().hiddenStates(), bh, from, from + (b1 - b0) * hidden);
        }
    }

    /**
     * Step s of sequences [b0, b1) back through layer l: a part of {@link #backwardSteps}, giving the
     * same bits. {@code dOut} is the top layer's output gradient, {@code dx} the input's (as there);
     * layer l+1 must have gone back through it.
     */
    public void backwardPart(int l, double[] dx, double[] dOut, int s, int b0, int b1, int truncate) {
        int bh = batch * hidden;
        double[] d = l == layers.length - 1 ? dOut : between[(l + 1) % 2];
        if (dropout > 0 && d != null) {
            int from = s * bh + b0 * hidden;
            Dropout.backward(d, keep[l], from, from + (b1 - b0) * hidden);
        }
        layers[l].backwardPart(l > 0 ? between[l % 2] : dx, d, s, b0, b1, truncate);
    }

    /** The weight gradients of gate rows [from, to) of layer l (see {@link RecurrentLayer#weightGradients}). */
    public void weightGradients(int l, int from, int to) {
        layers[l].weightGradients(from, to);
    }

    /** Ends the backward pass: writes the initial state's gradient into {@code dInitial} (if not null). */
    public void endBackward(StatePair dInitial) {
        int bh = batch * hidden;
        for (int l = layers.length - 1; l >= 0; l--) {
            layers[l].endBackward(dInitial == null ? null : layerGradient);
            if (dInitial != null && dInitial.h != null) {
                System.arraycopy(layerGradient.h, 0, dInitial.h, l * bh, bh);
            }
            if (dInitial != null && dInitial.c != null && type.hasCellState()) {
                System.arraycopy(layerGradient.c, 0, dInitial.c, l * bh, bh);
            }
        }
    }

    /** Time steps of the pass under way. */
    public int steps() {
        return steps;
    }
}
