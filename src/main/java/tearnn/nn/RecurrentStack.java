package tearnn.nn;

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
    /** Gradients between layers: layer l writes its input gradient into between[l % 2]. */
    private final double[][] between = {new double[0], new double[0]};
    /** [B][H] scratch blocks for one layer's states and state gradients. */
    private double[] hBlock = new double[0];
    private double[] cBlock = new double[0];
    private double[] dhBlock = new double[0];
    private double[] dcBlock = new double[0];

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

    /** Forward on dense input x [T][B][I]. */
    public void forward(double[] x, int t, int b, double[] h0, double[] c0, double[] mask, double p, Rng rng) {
        check(t, b, h0, c0, mask);
        if (x.length < t * b * inputSize) {
            throw new IllegalArgumentException("input needs T*B*I = " + t * b * inputSize + " values, got " + x.length);
        }
        begin(t, b, p);
        layers[0].forward(x, 0, t, b, block(h0, 0, hBlock), block(c0, 0, cBlock), mask);
        rest(h0, c0, mask, rng);
    }

    /** Forward on one-hot input, tokens [T][B] each in [0, I). */
    public void forwardOneHot(int[] tokens, int t, int b, double[] h0, double[] c0, double[] mask, double p, Rng rng) {
        check(t, b, h0, c0, mask);
        if (tokens.length < t * b) {
            throw new IllegalArgumentException("tokens need T*B = " + t * b + " values, got " + tokens.length);
        }
        for (int i = 0; i < t * b; i++) {
            if (tokens[i] < 0 || tokens[i] >= inputSize) {
                throw new IllegalArgumentException("token " + tokens[i] + " at position " + i
                        + " is outside the vocabulary [0, " + inputSize + ")");
            }
        }
        begin(t, b, p);
        layers[0].forwardOneHot(tokens, t, b, block(h0, 0, hBlock), block(c0, 0, cBlock), mask);
        rest(h0, c0, mask, rng);
    }

    private void check(int t, int b, double[] h0, double[] c0, double[] mask) {
        if (t <= 0 || b <= 0) {
            throw new IllegalArgumentException("sequence length and batch size must be positive, got T=" + t + ", B=" + b);
        }
        int n = layers.length * b * hidden;
        if (h0 != null && h0.length < n) {
            throw new IllegalArgumentException("h0 needs L*B*H = " + n + " values, got " + h0.length);
        }
        if (c0 != null && c0.length < n) {
            throw new IllegalArgumentException("c0 needs L*B*H = " + n + " values, got " + c0.length);
        }
        if (mask != null && mask.length < t * b) {
            throw new IllegalArgumentException("mask needs T*B = " + t * b + " values, got " + mask.length);
        }
    }

    private void begin(int t, int b, double p) {
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
        if (hBlock.length < s) {
            hBlock = new double[s];
            cBlock = new double[s];
            dhBlock = new double[s];
            dcBlock = new double[s];
        }
    }

    /** Copies the [B][H] block of layer l of an [L][B][H] state into buf; null stays null. */
    private double[] block(double[] s, int l, double[] buf) {
        if (s == null) {
            return null;
        }
        int n = batch * hidden;
        System.arraycopy(s, l * n, buf, 0, n);
        return buf;
    }

    private void rest(double[] h0, double[] c0, double[] mask, Rng rng) {
        int n = steps * batch * hidden;
        int bh = batch * hidden;
        for (int l = 0; l < layers.length; l++) {
            if (l > 0) {
                double[] below = layers[l - 1].cell().hiddenStates();
                double[] x = below;
                int off = bh;
                if (dropout > 0) {
                    x = dropped[l - 1];
                    off = 0;
                }
                layers[l].forward(x, off, steps, batch, block(h0, l, hBlock), block(c0, l, cBlock), mask);
            }
            if (dropout > 0) {
                Dropout.forward(dropped[l], keep[l], layers[l].cell().hiddenStates(), bh, n, dropout, rng);
            }
        }
    }

    /** The stack's output [T][B][H] (after dropout, if any), read at {@link #outputOffset()}. */
    public double[] output() {
        return dropout > 0 ? dropped[layers.length - 1] : layers[layers.length - 1].cell().hiddenStates();
    }

    public int outputOffset() {
        return dropout > 0 ? 0 : batch * hidden;
    }

    /** Copies the final states into hN and (LSTM, if not null) cN, each [L][B][H]. */
    public void finalState(double[] hN, double[] cN) {
        int bh = batch * hidden;
        for (int l = 0; l < layers.length; l++) {
            RecurrentCell cell = layers[l].cell();
            System.arraycopy(cell.hiddenStates(), cell.finalOffset(), hN, l * bh, bh);
            if (cN != null && cell.cellStates() != null) {
                System.arraycopy(cell.cellStates(), cell.finalOffset(), cN, l * bh, bh);
            }
        }
    }

    /**
     * Backpropagates the last forward. {@code dOut} [T][B][H] is the gradient of {@link #output()}
     * (it is modified); {@code dhN}, {@code dcN} [L][B][H] of the final states (null means zero).
     * Accumulates every parameter gradient; overwrites {@code dx} [T][B][I] (dense input, if not
     * null), {@code dh0} and {@code dc0} [L][B][H] (if not null).
     */
    public void backward(double[] dOut, double[] dhN, double[] dcN, int truncate, double[] dx,
            double[] dh0, double[] dc0) {
        if (truncate < 0) {
            throw new IllegalArgumentException("truncation length must be >= 0 (0 = full), got " + truncate);
        }
        int bh = batch * hidden;
        double[] d = dOut;
        for (int l = layers.length - 1; l >= 0; l--) {
            if (dropout > 0 && d != null) {
                Dropout.backward(d, keep[l], steps * bh);
            }
            double[] dIn = l > 0 ? between[l % 2] : dx;
            layers[l].backward(d, block(dhN, l, hBlock), block(dcN, l, cBlock), truncate, dIn,
                    dh0 == null ? null : dhBlock, dc0 == null ? null : dcBlock);
            if (dh0 != null) {
                System.arraycopy(dhBlock, 0, dh0, l * bh, bh);
            }
            if (dc0 != null) {
                System.arraycopy(dcBlock, 0, dc0, l * bh, bh);
            }
            d = dIn;
        }
    }
}
