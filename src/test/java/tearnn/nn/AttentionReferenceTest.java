package tearnn.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tearnn.json.JsonObject;
import tearnn.testing.ReferenceCases;

/**
 * {@link Attention} against PyTorch to 1e-9 (cases {@code attention_*.json}, written by
 * {@code generate.py} with the module of {@code attention.py}): dot, general and additive scores over
 * sequences of mixed lengths (padded steps masked) or none padded; the contexts, the weights, and the
 * gradients of every parameter, of the queries and of the keys, the loss being sum(upstream * context).
 */
class AttentionReferenceTest {

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        return ReferenceCases.each("attention_", AttentionReferenceTest::check);
    }

    private static void close(double expected, double got, String what) {
        assertEquals(expected, got, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }

    private static void check(JsonObject c) {
        int q = c.integer("query_size");
        int k = c.integer("key_size");
        int batch = c.list("lengths").size();
        int steps = c.list("keys").size();
        Params p = new Params();
        Attention attention = new Attention(p, "", Attention.Score.of(c.string("score")), q, k, c.integer("size"));
        p.allocate();
        JsonObject tensors = c.object("tensors");
        assertEquals(p.tensors().size(), tensors.map().size(), "the module's parameters, by name");
        for (Tensor t : p.tensors()) {
            double[] v = t.vector() ? tensors.array(t.name(), t.size()) : tensors.array(t.name(), t.rows(), t.cols());
            System.arraycopy(v, 0, p.value, t.offset(), v.length);
        }
        double[] lengths = c.array("lengths", batch);
        double[] mask = new double[steps * batch];
        boolean padded = false;
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                mask[t * batch + b] = t < lengths[b] ? 1 : 0;
                padded |= t >= lengths[b];
            }
        }
        double[] queries = c.array("query", batch, q);
        double[] keys = c.array("keys", steps, batch, k);
        double[] context = new double[batch * k];
        attention.forward(queries, 0, keys, 0, padded ? mask : null, steps, batch, context, 0);
        double[] expected = c.array("context", batch, k);
        for (int i = 0; i < context.length; i++) {
            close(expected[i], context[i], "context " + i);
        }
        double[] weights = c.array("weights", batch, steps);
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                close(weights[b * steps + t], attention.weight(b, t), "weight of sequence " + b + ", step " + t);
            }
        }
        double[] dKeys = new double[steps * batch * k];
        double[] dQueries = new double[batch * q];
        attention.backward(c.array("upstream", batch, k), 0, dKeys, 0, dQueries, 0);
        ReferenceCases.checkGradients(c, p, c.string("name"));
        double[] gq = c.array("grad_query", batch, q);
        for (int i = 0; i < gq.length; i++) {
            close(gq[i], dQueries[i], "d loss / d query " + i);
        }
        double[] gk = c.array("grad_keys", steps, batch, k);
        for (int i = 0; i < gk.length; i++) {
            close(gk[i], dKeys[i], "d loss / d key " + i);
        }
    }
}
