package tearnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tearnn.file.ModelFile;
import tearnn.json.JsonObject;
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
        List<Path> files;
        try (Stream<Path> s = Files.list(ConnectivityReferenceTest.FOLDER)) {
            files = s.filter(p -> p.getFileName().toString().startsWith("forecast_")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no forecast case");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private static void check(Path file) throws IOException {
        JsonObject c = JsonObject.parse(Files.readString(file), file.getFileName().toString());
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
        ModelCaseReferenceTest.checkGradients(c, m.params(), "gradient");
        double[] predictions = c.array("predictions", batch, outputs);
        double[] got = m.predict(b, null);
        assertEquals(batch * outputs, got.length, "a prediction per output of every sequence");
        for (int i = 0; i < got.length; i++) {
            assertEquals(predictions[i], got[i], 1e-9 * Math.max(1, Math.abs(predictions[i])), "prediction " + i);
        }
    }
}
