package tearnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tearnn.file.ModelFile;
import tearnn.json.JsonObject;
import tearnn.testing.ReferenceCases;
import tearnn.loss.LossKind;

/**
 * The direct forecaster's model against PyTorch to 1e-9 (cases {@code forecast_*.json}, written by
 * {@code generate.py}): a stack over dense input (the series and extra columns), a head of O outputs
 * read at the last step, the squared error averaged over every output of every sequence. The loss, the
 * predictions [B][O] and every gradient are PyTorch's.
 */
class ForecastReferenceTest {

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        return ReferenceCases.each("forecast_", ForecastReferenceTest::check);
    }

    private static void check(JsonObject c) throws IOException {
        Model m = ModelFile.read(c.string("model_file")).model;
        Architecture a = m.architecture();
        assertEquals(LossKind.MSE, a.loss());
        int steps = c.list("inputs").size();
        int batch = c.list("values").size();
        int outputs = a.outputs();
        double[] inputs = c.array("inputs", steps, batch, a.inputSize());
        double[] values = c.array("values", batch, outputs);
        Batch b = Batch.ofVectors(steps, batch, inputs, values);
        double loss = c.number("loss");
        assertEquals(loss, m.forwardBackward(b, null, 0), 1e-9 * Math.max(1, loss), "loss");
        ReferenceCases.checkGradients(c, m.params(), "gradient");
        double[] predictions = c.array("predictions", batch, outputs);
        double[] got = m.predict(b, null);
        assertEquals(batch * outputs, got.length, "a prediction per output of every sequence");
        for (int i = 0; i < got.length; i++) {
            assertEquals(predictions[i], got[i], 1e-9 * Math.max(1, Math.abs(predictions[i])), "prediction " + i);
        }
    }
}
