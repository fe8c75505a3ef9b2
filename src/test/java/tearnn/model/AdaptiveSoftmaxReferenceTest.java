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
import tearnn.json.JsonObject;
import tearnn.nn.Params;
import tearnn.nn.Tensor;

/**
 * The adaptive softmax against PyTorch's {@code nn.AdaptiveLogSoftmaxWithLoss}: the cases
 * {@code adaptive_*.json} written by {@code src/test/resources/pytorch-reference/generate.py} (a model
 * file, tokens and targets, the mean loss, the full log-probabilities and the gradient of every
 * tensor), to 1e-9. The training pass is run whole and in small parts (the bits must not change).
 */
class AdaptiveSoftmaxReferenceTest {

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(ConnectivityReferenceTest.FOLDER)) {
            files = s.filter(p -> p.getFileName().toString().startsWith("adaptive_")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no adaptive softmax case in " + ConnectivityReferenceTest.FOLDER.toAbsolutePath());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    static void check(Path file) throws IOException {
        JsonObject c = JsonObject.parse(Files.readString(file), file.getFileName().toString());
        assertEquals("tearnn-model-case/1", c.string("format"));
        Model m = ModelFile.read(c.string("model_file")).model;
        Architecture a = m.architecture();
        assertTrue(a.output().adaptive(), "the case's model has an adaptive softmax");
        int steps = c.list("tokens").size();
        int batch = ((List<?>) c.list("tokens").get(0)).size();
        int n = steps * batch;
        int[] tokens = ints(c.array("tokens", steps, batch));
        int[] targets = ints(c.array("targets", steps, batch));
        Batch b = Batch.ofTokens(steps, batch, tokens, targets);

        double loss = c.number("loss");
        assertEquals(loss, m.forwardBackward(b, null, 0), 1e-9 * Math.max(1, Math.abs(loss)), "loss");
        checkGradients(c, m.params(), "whole");

        // the same pass a few operations at a time: the same bits
        double[] whole = m.params().grad.clone();
        TrainingPass pass = m.beginPass(b, null, 0);
        while (!pass.done()) {
            pass.advance(50);
        }
        assertEquals(m.forwardBackward(b, null, 0), pass.loss(), 0.0, "loss in parts");
        pass = m.beginPass(b, null, 0);
        while (!pass.done()) {
            pass.advance(50);
        }
        for (int i = 0; i < whole.length; i++) {
            assertEquals(whole[i], m.params().grad[i], 0.0, "gradient element " + i + " in parts");
        }

        assertEquals(loss, m.evaluate(b, null), 1e-9 * Math.max(1, Math.abs(loss)), "evaluated loss");
        double[] expected = c.array("log_probabilities", n, a.outputs());
        double[] got = m.predict(b, null);
        for (int i = 0; i < n * a.outputs(); i++) {
            assertEquals(expected[i], got[i], 1e-9 * Math.max(1, Math.abs(expected[i])), "log p, row " + i / a.outputs()
                    + ", class " + i % a.outputs());
        }
    }

    private static void checkGradients(JsonObject c, Params p, String how) {
        JsonObject grads = c.object("grad");
        assertEquals(p.tensors().size(), grads.map().size(), "one gradient per tensor");
        for (Tensor t : p.tensors()) {
            double[] expected = t.vector() ? grads.array(t.name(), t.size()) : grads.array(t.name(), t.rows(), t.cols());
            for (int i = 0; i < t.size(); i++) {
                assertEquals(expected[i], p.grad[t.offset() + i], 1e-9 * Math.max(1, Math.abs(expected[i])),
                        how + ": d loss / d " + t.name() + "[" + i + "]");
            }
        }
    }

    private static int[] ints(double[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = (int) a[i];
        }
        return r;
    }
}
