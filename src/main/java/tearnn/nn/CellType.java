package tearnn.nn;

/**
 * The recurrent cells, with their PyTorch names, the number of gate blocks G of each, and whether it
 * carries a cell state c beside h (its states, initial and final, are then pairs: see {@link StatePair}).
 */
public enum CellType {
    RNN_TANH("rnn_tanh", "RNN (tanh)", 1, false),
    RNN_RELU("rnn_relu", "RNN (relu)", 1, false),
    LSTM("lstm", "LSTM", 4, true),
    GRU("gru", "GRU", 3, false);

    /** The name used in JSON files and on the command line. */
    public final String id;
    /** The name shown to a person. */
    public final String label;
    /** Gate blocks stacked in weight_ih / weight_hh: the matrices have G*H rows. */
    public final int gates;
    private final boolean cellState;

    CellType(String id, String label, int gates, boolean cellState) {
        this.id = id;
        this.label = label;
        this.gates = gates;
        this.cellState = cellState;
    }

    /** Whether the cell carries a cell state c beside h (its cell class says so too: {@link RecurrentCell}). */
    public boolean hasCellState() {
        return cellState;
    }

    public static CellType parse(String id) {
        for (CellType c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown cell type '" + id + "' (expected rnn_tanh, rnn_relu, lstm or gru)");
    }
}
