package tearnn.nn;

/**
 * A recurrent state: {@code h} and, for an LSTM, the cell state {@code c}; each [B][H] for one layer
 * or [L][B][H] for a stack. A null array counts as zeros (and a cell without a cell state ignores c).
 * Used for initial and final states and for their gradients.
 */
public class StatePair {
    public final double[] h;
    public final double[] c;

    public StatePair(double[] h, double[] c) {
        this.h = h;
        this.c = c;
    }
}
