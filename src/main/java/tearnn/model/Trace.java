package tearnn.model;

import tearnn.nn.RecurrentCell;
import tearnn.nn.RecurrentStack;

/**
 * What a model computes at every step of a text: per layer, the hidden state h_t, the cell state
 * c_t (LSTM) and every gate's activation (i, f, g, o for an LSTM; r, z, n for a GRU; none for a
 * vanilla RNN), from a zero state and without dropout, on the model's inference twin (so a training
 * step under way is left undisturbed). Arrays are step-major: value (t, unit) at t * H + unit.
 */
public final class Trace {
    /** One layer: h [T][H], c [T][H] (null but for an LSTM), gates[g] [T][H] in the order of {@link #gateNames}. */
    public record Layer(double[] h, double[] c, double[][] gates) {
    }

    private final int steps;
    private final int hidden;
    private final String[] gateNames;
    private final Layer[] layers;

    private Trace(RecurrentStack stack, int steps) {
        this.steps = steps;
        this.hidden = stack.hidden();
        this.layers = new Layer[stack.numLayers()];
        this.gateNames = stack.layer(0).cell().gateNames();
        int n = steps * hidden;
        for (int l = 0; l < layers.length; l++) {
            RecurrentCell cell = stack.layer(l).cell();
            double[] h = new double[n];
            System.arraycopy(cell.hiddenStates(), hidden, h, 0, n); // slot 0 is h_0; batch of 1
            double[] c = null;
            if (cell.cellStates() != null) {
                c = new double[n];
                System.arraycopy(cell.cellStates(), hidden, c, 0, n);
            }
            double[][] gates = new double[gateNames.length][n];
            for (int g = 0; g < gates.length; g++) {
                for (int t = 0; t < steps; t++) {
                    for (int j = 0; j < hidden; j++) {
                        gates[g][t * hidden + j] = cell.gate(g, t, 0, j);
                    }
                }
            }
            layers[l] = new Layer(h, c, gates);
        }
    }

    /** The trace of a text of tokens (embedding or one-hot input). */
    public static Trace ofTokens(Model model, int[] tokens) {
        Architecture a = model.architecture();
        a.checkTokens(tokens, "text");
        Model m = model.inference();
        int n = tokens.length;
        new StackInput().forward(m, tokens, null, n, 1, null, null);
        return new Trace(m.stack(), n);
    }

    /** The trace of {@code steps} input vectors [T][I] (dense input). */
    public static Trace ofVectors(Model model, double[] inputs, int steps) {
        Architecture a = model.architecture();
        if (a.input() != InputKind.DENSE) {
            throw new IllegalArgumentException("this model reads tokens, not vectors");
        }
        if (steps < 1 || inputs.length < steps * a.inputSize()) {
            throw new IllegalArgumentException("the text needs " + Math.max(1, steps) + " x " + a.inputSize() + " inputs");
        }
        Model m = model.inference();
        m.stack().forward(inputs, steps, 1, null, null, 0, 0, 0);
        return new Trace(m.stack(), steps);
    }

    public int steps() {
        return steps;
    }

    public int hidden() {
        return hidden;
    }

    /** The gates' names, in the order of {@link Layer#gates}: i, f, g, o (LSTM), r, z, n (GRU), none (RNN). */
    public String[] gateNames() {
        return gateNames.clone();
    }

    public int layers() {
        return layers.length;
    }

    public Layer layer(int l) {
        return layers[l];
    }
}
