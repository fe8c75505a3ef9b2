package tearnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import tearnn.loss.LossKind;
import tearnn.math.Rng;
import tearnn.nn.CellType;

/**
 * A trace's gates are the cell's: for an LSTM, c_t = f c_{t-1} + i g and h_t = o tanh(c_t); for a
 * GRU, h_t = (1 - z) n + z h_{t-1}; the top layer's h is what a prediction reads.
 */
class TraceTest {
    static Model model(CellType cell, InputKind in) {
        return new Model(Architecture.of(in, 7, in == InputKind.EMBEDDING ? 4 : 0, cell, 6).withLayers(2)
                .withOutputs(7, LossKind.SOFTMAX_CE).withDropout(0.2), 9);
    }

    static final int[] TEXT = {1, 5, 2, 2, 6, 0, 3};

    @Test
    void lstmGatesMakeItsStates() {
        Trace tr = Trace.ofTokens(model(CellType.LSTM, InputKind.EMBEDDING), TEXT);
        assertArrayEquals(new String[] {"i", "f", "g", "o"}, tr.gateNames());
        int h = tr.hidden();
        for (int l = 0; l < tr.layers(); l++) {
            Trace.Layer layer = tr.layer(l);
            for (int t = 0; t < tr.steps(); t++) {
                for (int j = 0; j < h; j++) {
                    int at = t * h + j;
                    double cPrev = t == 0 ? 0 : layer.c()[at - h];
                    double[][] g = layer.gates();
                    assertEquals(g[1][at] * cPrev + g[0][at] * g[2][at], layer.c()[at], 1e-15, "c, layer " + l + " step " + t);
                    assertEquals(g[3][at] * Math.tanh(layer.c()[at]), layer.h()[at], 1e-12, "h, layer " + l + " step " + t);
                }
            }
        }
    }

    @Test
    void gruGatesMakeItsState() {
        Trace tr = Trace.ofTokens(model(CellType.GRU, InputKind.ONE_HOT), TEXT);
        assertArrayEquals(new String[] {"r", "z", "n"}, tr.gateNames());
        int h = tr.hidden();
        for (int l = 0; l < tr.layers(); l++) {
            Trace.Layer layer = tr.layer(l);
            assertEquals(null, layer.c());
            for (int t = 0; t < tr.steps(); t++) {
                for (int j = 0; j < h; j++) {
                    int at = t * h + j;
                    double hPrev = t == 0 ? 0 : layer.h()[at - h];
                    double z = layer.gates()[1][at];
                    assertEquals((1 - z) * layer.gates()[2][at] + z * hPrev, layer.h()[at], 1e-15);
                }
            }
        }
    }

    @Test
    void theTopLayerIsWhatPredictionsRead() {
        Model m = model(CellType.RNN_TANH, InputKind.DENSE);
        Rng rng = new Rng(2);
        double[] x = new double[5 * 7];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.uniform(-1, 1);
        }
        Trace tr = Trace.ofVectors(m, x, 5);
        assertEquals(0, tr.gateNames().length);
        State s = m.newState(1);
        m.predict(new Batch(5, 1, null, x, null, null, null), s);
        double[] last = new double[6];
        System.arraycopy(tr.layer(1).h(), 4 * 6, last, 0, 6);
        double[] fin = new double[6];
        System.arraycopy(s.h, 6, fin, 0, 6);
        assertArrayEquals(fin, last, "the trace's last h of the top layer is the final state");
        assertEquals("the text has no tokens", assertThrows(IllegalArgumentException.class,
                () -> Trace.ofTokens(model(CellType.GRU, InputKind.EMBEDDING), new int[0])).getMessage());
    }
}
