package tearnn.model;

import java.util.Arrays;
import tearnn.nn.StatePair;

/**
 * The recurrent state of B sequences: {@code h} and (LSTM) {@code c}, each [L][B][H]. Passed to a
 * forward pass it is the initial state and receives the final one, detached: no gradient flows back
 * into the previous chunk (stateful training, sampling).
 */
public final class State extends StatePair {
    public final int layers;
    public final int batch;
    public final int hidden;

    public State(int layers, int batch, int hidden, boolean cell) {
        super(new double[layers * batch * hidden], cell ? new double[layers * batch * hidden] : null);
        this.layers = layers;
        this.batch = batch;
        this.hidden = hidden;
    }

    public void reset() {
        Arrays.fill(h, 0.0);
        if (c != null) {
            Arrays.fill(c, 0.0);
        }
    }

    public State copy() {
        State s = new State(layers, batch, hidden, c != null);
        System.arraycopy(h, 0, s.h, 0, h.length);
        if (c != null) {
            System.arraycopy(c, 0, s.c, 0, c.length);
        }
        return s;
    }
}
