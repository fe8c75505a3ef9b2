package tearnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tearnn.nn.CellType;
import tearnn.nn.Params;
import tearnn.nn.Tensor;

/** The six recipes of {@link Initialization}, each checked against its definition. */
class InitializationTest {
    private static final int H = 8;

    private static Model model(CellType cell, int layers) {
        return new Model(Architecture.languageModel(cell, 10, 6, H, layers, 0), 1);
    }

    private static double at(Model m, String tensor, int i) {
        Tensor t = m.params().find(tensor);
        return m.params().value[t.offset() + i];
    }

    /**
     * Chrono (Tallec and Ollivier 2018), LSTM: b_f = log u, u ~ U[1, T_max - 1]; b_i = -b_f; every other
     * recurrent bias 0 (b_hh all 0); the weights are PyTorch's default, drawn from the same seed.
     */
    @Test
    void chronoLstmBiasesFollowTheDefinition() {
        int tMax = 50;
        Model m = model(CellType.LSTM, 2);
        Initialization.of(Initialization.CHRONO, tMax).apply(m, 7);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < 2; l++) {
            for (int j = 0; j < H; j++) {
                double f = at(m, "rnn.bias_ih_l" + l, H + j);
                assertTrue(f >= 0 && f <= Math.log(tMax - 1), "b_f = log u, u in [1, T_max - 1]: " + f);
                assertEquals(-f, at(m, "rnn.bias_ih_l" + l, j), "b_i = -b_f");
                assertEquals(0, at(m, "rnn.bias_ih_l" + l, 2 * H + j), "b_g");
                assertEquals(0, at(m, "rnn.bias_ih_l" + l, 3 * H + j), "b_o");
                lo = Math.min(lo, f);
                hi = Math.max(hi, f);
            }
            for (int i = 0; i < 4 * H; i++) {
                assertEquals(0, at(m, "rnn.bias_hh_l" + l, i), "b_hh");
            }
        }
        assertTrue(hi - lo > 1, "the forgetting times are spread over 1 to T_max, not one value: " + lo + " to " + hi);
        Model pytorch = model(CellType.LSTM, 2);
        Initialization.DEFAULT.apply(pytorch, 7);
        assertEquals(at(pytorch, "rnn.weight_hh_l1", 5), at(m, "rnn.weight_hh_l1", 5), "weights as PyTorch's default");
    }

    /** Chrono, GRU: PyTorch's z keeps the old state (h' = (1 - z) n + z h), so b_z = log u; r and n biases 0. */
    @Test
    void chronoGruSetsTheUpdateGate() {
        Model m = model(CellType.GRU, 1);
        Initialization.of(Initialization.CHRONO, 20).apply(m, 3);
        for (int j = 0; j < H; j++) {
            double z = at(m, "rnn.bias_ih_l0", H + j);
            assertTrue(z >= 0 && z <= Math.log(19), "b_z = log u: " + z);
            assertEquals(0, at(m, "rnn.bias_ih_l0", j), "b_r");
            assertEquals(0, at(m, "rnn.bias_ih_l0", 2 * H + j), "b_n");
        }
    }

    /** The IRNN (Le et al. 2015): every weight_hh the identity, the recurrent biases 0. */
    @Test
    void identityIsTheIrnn() {
        Model m = model(CellType.RNN_RELU, 2);
        Initialization.of(Initialization.IDENTITY, 0).apply(m, 5);
        for (int l = 0; l < 2; l++) {
            for (int i = 0; i < H; i++) {
                for (int j = 0; j < H; j++) {
                    assertEquals(i == j ? 1 : 0, at(m, "rnn.weight_hh_l" + l, i * H + j));
                }
                assertEquals(0, at(m, "rnn.bias_ih_l" + l, i));
                assertEquals(0, at(m, "rnn.bias_hh_l" + l, i));
            }
        }
        assertFalse(at(m, "rnn.weight_ih_l0", 0) == 0, "input weights as PyTorch's");
    }

    /** Orthogonal: W W^T = I for every gate block of every weight_hh. */
    @Test
    void orthogonalBlocks() {
        Model m = model(CellType.GRU, 1);
        Initialization.of(Initialization.ORTHOGONAL, 0).apply(m, 9);
        Params p = m.params();
        Tensor w = p.find("rnn.weight_hh_l0");
        for (int g = 0; g < 3; g++) {
            for (int i = 0; i < H; i++) {
                for (int j = 0; j < H; j++) {
                    double dot = 0;
                    for (int c = 0; c < H; c++) {
                        dot += p.value[w.offset() + (g * H + i) * H + c] * p.value[w.offset() + (g * H + j) * H + c];
                    }
                    assertEquals(i == j ? 1 : 0, dot, 1e-12);
                }
            }
        }
    }

    @Test
    void forgetGateBiasOne() {
        Model m = model(CellType.LSTM, 1);
        Initialization.of(Initialization.FORGET, 0).apply(m, 2);
        for (int j = 0; j < H; j++) {
            assertEquals(1, at(m, "rnn.bias_ih_l0", H + j));
            assertEquals(0, at(m, "rnn.bias_hh_l0", H + j));
        }
    }

    @Test
    void sameSeedSameWeightsAndPyTorchsAsTheModelBegins() {
        for (String kind : Initialization.KINDS) {
            CellType cell = kind.equals(Initialization.IDENTITY) ? CellType.RNN_RELU : CellType.LSTM;
            Model a = model(cell, 2);
            Model b = model(cell, 2);
            Initialization.of(kind, 30).apply(a, 4);
            Initialization.of(kind, 30).apply(b, 4);
            assertArrayEquals(a.params().value, b.params().value, kind);
        }
        Model made = new Model(Architecture.languageModel(CellType.GRU, 10, 6, H, 1, 0), 4);
        Model again = new Model(Architecture.languageModel(CellType.GRU, 10, 6, H, 1, 0), 99);
        Initialization.DEFAULT.apply(again, 4);
        assertArrayEquals(made.params().value, again.params().value, "the default is what a new model of that seed has");
        assertEquals(Initialization.DEFAULT, Initialization.of(Initialization.PYTORCH, 123), "only chrono takes a T_max");
    }

    @Test
    void aRecipeThatDoesNotFitTheCellIsRefusedSayingWhy() {
        assertEquals("chrono initialization sets the gate biases of an LSTM or a GRU; the cell is RNN (tanh)",
                assertThrows(IllegalArgumentException.class,
                        () -> Initialization.of(Initialization.CHRONO, 10).apply(model(CellType.RNN_TANH, 1), 1)).getMessage());
        assertEquals("identity recurrent weights (IRNN) are for an RNN (relu); the cell is LSTM",
                assertThrows(IllegalArgumentException.class,
                        () -> Initialization.of(Initialization.IDENTITY, 0).apply(model(CellType.LSTM, 1), 1)).getMessage());
        assertEquals("a forget-gate bias is an LSTM's; the cell is GRU", Initialization.of(Initialization.FORGET, 0)
                .refusal(CellType.GRU, true));
        assertEquals("chrono initialization needs T_max >= 2, got 1",
                assertThrows(IllegalArgumentException.class, () -> new Initialization(Initialization.CHRONO, 1)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Initialization("he", 0)).getMessage()
                .startsWith("unknown initialization 'he'"));
    }
}
