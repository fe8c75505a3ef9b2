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

/**
 * The translator (an encoder-decoder with attention additive, dot, general or none) against PyTorch
 * to 1e-9 (cases {@code translator_*.json}, written by {@code generate.py} with {@code translator.py}):
 * sources and targets of mixed lengths, padded at the end and masked; the loss and every gradient, the
 * pass whole, in parts of 50 operations and evaluated; the logits and attention weights of every step
 * decoded one step at a time reading the case's decoder inputs; and the model file written and read
 * back gives the same loss.
 */
class TranslatorReferenceTest {

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        return ReferenceCases.each("translator_", TranslatorReferenceTest::check);
    }

    private static int[] ints(double[] v) {
        int[] r = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = (int) v[i];
        }
        return r;
    }

    private static double[] mask(double[] lengths, int steps) {
        int batch = lengths.length;
        double[] mask = new double[steps * batch];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                mask[t * batch + b] = 1;
            }
        }
        return mask;
    }

    private static void check(JsonObject c) throws IOException {
        Model m = ModelFile.read(c.string("model_file")).model;
        Architecture a = m.architecture();
        assertTrue(a.decoder());
        double[] lengths = c.array("lengths", c.list("lengths").size());
        double[] targetLengths = c.array("target_lengths", lengths.length);
        int batch = lengths.length;
        int steps = c.list("sources").size();
        int targetSteps = c.list("targets").size();
        int[] sources = ints(c.array("sources", steps, batch));
        int[] inputs = ints(c.array("inputs", targetSteps, batch));
        int[] targets = ints(c.array("targets", targetSteps, batch));
        Batch bt = Batch.ofPairs(steps, batch, sources, mask(lengths, steps), targetSteps, inputs, targets,
                mask(targetLengths, targetSteps));
        PassChecks.lossAndGradients(c, m, bt);

        // one step at a time, reading the case's decoder inputs: the same logits and weights
        int V = a.outputs();
        double[] logits = c.array("logits", targetSteps, batch, V);
        double[] weights = c.has("weights") ? c.array("weights", targetSteps, batch, steps) : null;
        Translation t = new Translation(m);
        t.begin(sources, mask(lengths, steps), steps, batch);
        for (int s = 0; s < targetSteps; s++) {
            double[] y = t.step(java.util.Arrays.copyOfRange(inputs, s * batch, (s + 1) * batch));
            for (int i = 0; i < batch * V; i++) {
                double e = logits[s * batch * V + i];
                assertEquals(e, y[i], 1e-9 * Math.max(1, Math.abs(e)), "logit at step " + s + ", " + i);
            }
            for (int b = 0; weights != null && b < batch; b++) {
                for (int k = 0; k < steps; k++) {
                    double e = weights[(s * batch + b) * steps + k];
                    assertEquals(e, t.weight(b, k), 1e-9, "weight at step " + s + " of sequence " + b + " on " + k);
                }
            }
        }

        // the model file round trip
        Model back = ModelFile.read(ModelFile.write(new SavedModel(m))).model;
        assertEquals(a, back.architecture());
        assertEquals(c.number("loss"), back.evaluate(bt, null), 1e-9 * Math.max(1, c.number("loss")), "read back from its file");
    }
}
