package tearnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import tearnn.testing.ReferenceCases;

/**
 * Whole models against PyTorch, to 1e-9: the adaptive softmax ({@code nn.AdaptiveLogSoftmaxWithLoss},
 * cases {@code adaptive_*.json}) and tied embeddings (a Linear whose weight is the embedding's,
 * {@code tied_*.json}), written by {@code src/test/resources/pytorch-reference/generate.py}: a model
 * file, tokens and targets, the mean loss, the full log-probabilities and the gradient of every
 * parameter. The training pass is run whole and in small parts (the bits must not change).
 */
class ModelCaseReferenceTest {

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(ConnectivityReferenceTest.FOLDER)) {
            files = s.filter(p -> p.getFileName().toString().startsWith("adaptive_") || p.getFileName().toString().startsWith("tied_"))
                    .sorted().toList();
        }
        assertTrue(files.stream().anyMatch(p -> p.getFileName().toString().startsWith("adaptive_")), "no adaptive softmax case");
        assertTrue(files.stream().anyMatch(p -> p.getFileName().toString().startsWith("tied_")), "no tied embedding case");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    static void check(Path file) throws IOException {
        JsonObject c = JsonObject.parse(Files.readString(file), file.getFileName().toString());
        assertEquals("tearnn-model-case/1", c.string("format"));
        Model m = ModelFile.read(c.string("model_file")).model;
        Architecture a = m.architecture();
        boolean tied = file.getFileName().toString().startsWith("tied_");
        assertEquals(tied, a.output().tied(), "the case's model ties its embedding");
        assertEquals(!tied, a.output().adaptive(), "the case's model has an adaptive softmax");
        if (tied) {
            assertEquals(m.params().find("embedding.weight"), m.params().aliases().get("fc.weight"), "fc.weight is embedding.weight");
        }
        int steps = c.list("tokens").size();
        int batch = ((List<?>) c.list("tokens").get(0)).size();
        int n = steps * batch;
        int[] tokens = ints(c.array("tokens", steps, batch));
        int[] targets = ints(c.array("targets", steps, batch));
        Batch b = Batch.ofTokens(steps, batch, tokens, targets);

        double loss = c.number("loss");
        assertEquals(loss, m.forwardBackward(b, null, 0), 1e-9 * Math.max(1, Math.abs(loss)), "loss");
        ReferenceCases.checkGradients(c, m.params(), "whole");

        // the same pass a few operations at a time: the same bits
        double[] whole = m.params().grad.clone();
        ModelPass pass = m.beginPass(b, null, 0);
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
        double[] got = m.predict(b, null).clone();
        if (!a.output().adaptive()) {
            // a full softmax's prediction is its logits: their log-softmax is the log-probabilities
            int o = a.outputs();
            for (int r = 0; r < n; r++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < o; k++) {
                    max = Math.max(max, got[r * o + k]);
                }
                double z = 0;
                for (int k = 0; k < o; k++) {
                    z += Math.exp(got[r * o + k] - max);
                }
                for (int k = 0; k < o; k++) {
                    got[r * o + k] -= max + Math.log(z);
                }
            }
        }
        for (int i = 0; i < n * a.outputs(); i++) {
            assertEquals(expected[i], got[i], 1e-9 * Math.max(1, Math.abs(expected[i])), "log p, row " + i / a.outputs()
                    + ", class " + i % a.outputs());
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
