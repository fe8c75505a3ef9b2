package tearnn.nn;

/** The recurrent cells, with their PyTorch names and the number of gate blocks G of each. */
public enum CellType {
    RNN_TANH("rnn_tanh", "RNN (tanh)", 1),
    RNN_RELU("rnn_relu", "RNN (relu)", 1),
    LSTM("lstm", "LSTM", 4),
    GRU("gru", "GRU", 3);

    /** The name used in JSON files and on the command line. */
    public final String id;
    /** The name shown to a person. */
    public final String label;
    /** Gate blocks stacked in weight_ih / weight_hh: the matrices have G*H rows. */
    public final int gates;

    CellType(String id, String label, int gates) {
        this.id = id;
        this.label = label;
        this.gates = gates;
    }

    public boolean hasCellState() {
        return this == LSTM;
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
