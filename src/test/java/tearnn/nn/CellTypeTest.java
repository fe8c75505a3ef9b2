package tearnn.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What a cell type declares is what its cell does: its gate blocks, and whether it carries a cell state. */
class CellTypeTest {
    @Test
    void eachCellIsWhatItsTypeDeclares() {
        for (CellType type : CellType.values()) {
            Params params = new Params();
            RecurrentLayer layer = new RecurrentLayer(params, "rnn.", 0, type, 3, 5, true, false);
            params.allocate();
            layer.forward(new double[2 * 1 * 3], 0, 2, 1, null, null);
            assertEquals(type.gates * 5, layer.cell().gateRows(), type.id);
            assertEquals(type.hasCellState(), layer.cell().cellStates() != null, type.id + ": a cell state");
        }
    }
}
