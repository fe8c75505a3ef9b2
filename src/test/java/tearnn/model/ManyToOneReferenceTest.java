package tearnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tearnn.file.ModelFile;
import tearnn.json.JsonObject;
import tearnn.testing.ReferenceCases;

/**
 * Many-to-one on sequences of mixed lengths against PyTorch to 1e-9 (cases {@code many_to_one_*.json},
 * written by {@code generate.py}): PyTorch runs them packed, tearnn padded at the end with a mask, and
 * the softmax reads each sequence's last real step, or (many_to_one_attention_*) the context of its
 * attention over every real step; the loss, the logits and every gradient agree, the pass whole or in
 * parts of 50 operations.
 */
class ManyToOneReferenceTest {

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        return ReferenceCases.each("many_to_one_", ManyToOneReferenceTest::check);
    }

    private static void check(JsonObject c) throws IOException {
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
        PassChecks.lossAndGradients(c, m, bt);
        double[] logits = c.array("logits", batch, a.outputs());
        double[] got = m.predict(bt, null);
        for (int i = 0; i < logits.length; i++) {
            assertEquals(logits[i], got[i], 1e-9 * Math.max(1, Math.abs(logits[i])), "logit " + i);
        }
    }
}
