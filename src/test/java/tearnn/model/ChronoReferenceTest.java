package tearnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tearnn.file.ModelFile;
import tearnn.file.SavedModel;
import tearnn.json.JsonObject;
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
        List<Path> files;
        try (Stream<Path> s = Files.list(ConnectivityReferenceTest.FOLDER)) {
            files = s.filter(p -> p.getFileName().toString().startsWith("chrono_")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no chrono case");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private static void check(Path file) throws IOException {
        JsonObject c = JsonObject.parse(Files.readString(file), file.getFileName().toString());
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
        ModelCaseReferenceTest.checkGradients(c, m.params(), "gradient");
        double[] predictions = c.array("predictions", batch);
        double[] got = m.predict(b, null);
        for (int i = 0; i < batch; i++) {
            assertEquals(predictions[i], got[i], 1e-9 * Math.max(1, Math.abs(predictions[i])), "prediction " + i);
        }
    }
}
