package tearnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tearnn.file.ModelFile;
import tearnn.file.SavedModel;
import tearnn.json.JsonObject;
import tearnn.testing.ReferenceCases;
import tearnn.nn.Tensor;

/**
 * A chrono-initialized LSTM without peepholes on the adding problem, against PyTorch to 1e-9 (cases
 * {@code chrono_*.json}, written by {@code generate.py}, whose {@code chrono_} is the reference
 * definition): the file says how its weights began, its biases are what chrono defines, and the
 * last-step squared error, the predictions and every gradient are PyTorch's.
 */
class ChronoReferenceTest {

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        return ReferenceCases.each("chrono_", ChronoReferenceTest::check);
    }

    private static void check(JsonObject c) throws IOException {
        SavedModel saved = ModelFile.read(c.string("model_file"));
        Model m = saved.model;
        Architecture a = m.architecture();
        assertEquals(Initialization.CHRONO, saved.init.kind());
        int tMax = saved.init.chronoMax();
        int h = a.hidden();
        for (int l = 0; l < a.layers(); l++) {
            Tensor ih = m.params().find("rnn.bias_ih_l" + l);
            for (int j = 0; j < h; j++) {
                double f = m.params().value[ih.offset() + h + j];
                assertTrue(f >= 0 && f <= Math.log(tMax - 1), "b_f = log u, u in [1, T_max - 1]");
                assertEquals(-f, m.params().value[ih.offset() + j], "b_i = -b_f");
            }
        }

        int steps = c.list("inputs").size();
        int batch = c.list("values").size();
        double[] inputs = c.array("inputs", steps, batch, 2);
        double[] values = c.array("values", batch);
        Batch b = Batch.ofVectors(steps, batch, inputs, values);
        double loss = c.number("loss");
        assertEquals(loss, m.forwardBackward(b, null, 0), 1e-9 * Math.max(1, loss), "loss");
        ReferenceCases.checkGradients(c, m.params(), "gradient");
        double[] predictions = c.array("predictions", batch);
        double[] got = m.predict(b, null);
        for (int i = 0; i < batch; i++) {
            assertEquals(predictions[i], got[i], 1e-9 * Math.max(1, Math.abs(predictions[i])), "prediction " + i);
        }
    }
}
