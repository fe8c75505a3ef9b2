package tearnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tearnn.math.Rng;
import tearnn.nn.CellType;
import tearnn.nn.Params;
import tearnn.nn.Tensor;

class InitTest {
    static Model lstm() {
        return new Model(Architecture.languageModel(CellType.LSTM, 10, 6, 8, 2, 0), 1);
    }

    @Test
    void pytorchDefaultBoundsAndSeed() {
        Model a = lstm();
        double k = 1 / Math.sqrt(8);
        for (Tensor t : a.params().tensors()) {
            if (!t.name().equals("embedding.weight")) {
                for (int i = 0; i < t.size(); i++) {
                    assertTrue(Math.abs(a.params().value[t.offset() + i]) <= k, t.name());
                }
            }
        }
        assertArrayEquals(a.params().value, lstm().params().value, "same seed, same weights");
    }

    @Test
    void orthogonalRecurrentBlocks() {
        Model m = lstm();
        Init.orthogonal(m, new Rng(3));
        Params p = m.params();
        Tensor w = p.find("rnn.weight_hh_l1");
        int h = 8;
        for (int g = 0; g < 4; g++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < h; j++) {
                    double dot = 0;
                    for (int c = 0; c < h; c++) {
                        dot += p.value[w.offset() + (g * h + i) * h + c] * p.value[w.offset() + (g * h + j) * h + c];
                    }
                    assertEquals(i == j ? 1 : 0, dot, 1e-12, "block " + g + " rows " + i + "," + j);
                }
            }
        }
        assertEquals(0, p.value[p.find("rnn.bias_ih_l0").offset()]);
    }

    @Test
    void xavierBoundsPerGateBlock() {
        Model m = lstm();
        Init.xavier(m, new Rng(4));
        Tensor w = m.params().find("rnn.weight_ih_l0");
        double bound = Math.sqrt(6.0 / (6 + 8));
        double max = 0;
        for (int i = 0; i < w.size(); i++) {
            max = Math.max(max, Math.abs(m.params().value[w.offset() + i]));
        }
        assertTrue(max <= bound && max > 0.8 * bound, "max " + max + " bound " + bound);
    }

    @Test
    void forgetGateBias() {
        Model m = lstm();
        Init.forgetBias(m, 1.0);
        Params p = m.params();
        for (int l = 0; l < 2; l++) {
            for (int j = 0; j < 8; j++) {
                assertEquals(1.0, p.value[p.find("rnn.bias_ih_l" + l).offset() + 8 + j]);
                assertEquals(0.0, p.value[p.find("rnn.bias_hh_l" + l).offset() + 8 + j]);
            }
        }
        Model gru = new Model(Architecture.languageModel(CellType.GRU, 10, 6, 8, 1, 0), 1);
        assertEquals("forget-gate bias applies to lstm only, not gru",
                assertThrows(IllegalArgumentException.class, () -> Init.forgetBias(gru, 1)).getMessage());
    }
}
