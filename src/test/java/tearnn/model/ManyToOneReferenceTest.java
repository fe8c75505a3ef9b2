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

/**
 * Many-to-one on sequences of mixed lengths against PyTorch to 1e-9 (cases {@code many_to_one_*.json},
 * written by {@code generate.py}): PyTorch runs them packed, tearnn padded at the end with a mask, and
 * the softmax reads each sequence's last real step; the loss, the logits and every gradient agree.
 */
class ManyToOneReferenceTest {

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(ConnectivityReferenceTest.FOLDER)) {
            files = s.filter(p -> p.getFileName().toString().startsWith("many_to_one_")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no many-to-one case");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private static void check(Path file) throws IOException {
        JsonObject c = JsonObject.parse(Files.readString(file), file.getFileName().toString());
        Model m = ModelFile.read(c.string("model_file")).model;
        Architecture a = m.architecture();
        double[] lengths = c.array("lengths", c.list("lengths").size());
        int batch = lengths.length;
        int steps = c.list("inputs").size();
        double[] inputs = c.array("inputs", steps, batch, a.inputSize());
        double[] mask = new double[steps * batch];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                mask[t * batch + b] = 1;
            }
        }
        double[] cls = c.array("classes", batch);
        int[] classes = new int[batch];
        for (int b = 0; b < batch; b++) {
            classes[b] = (int) cls[b];
        }
        Batch bt = new Batch(steps, batch, null, inputs, classes, null, mask);
        double loss = c.number("loss");
        assertEquals(loss, m.forwardBackward(bt, null, 0), 1e-9 * Math.max(1, loss), "loss");
        ModelCaseReferenceTest.checkGradients(c, m.params(), "gradient");
        double[] logits = c.array("logits", batch, a.outputs());
        double[] got = m.predict(bt, null);
        for (int i = 0; i < logits.length; i++) {
            assertEquals(logits[i], got[i], 1e-9 * Math.max(1, Math.abs(logits[i])), "logit " + i);
        }
    }
}
