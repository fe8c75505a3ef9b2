package tearnn.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tearnn.math.Rng;
import tearnn.testing.GradCheck;

/**
 * {@link Attention}'s backward pass against finite differences, for each score, on sequences of mixed
 * lengths: the loss sum(g * context) for a fixed g, differentiated by every parameter, every query
 * value and every key value (a padded step's key gets no gradient, and has no weight).
 */
class AttentionGradientTest {
    private static final int Q = 4;
    private static final int K = 4;
    private static final int A = 3;
    private static final int T = 6;
    private static final int B = 3;
    private static final int[] LENGTHS = {6, 2, 4};

    private final Rng rng = new Rng(7);
    private final Params params = new Params();
    private Attention attention;
    private final double[] queries = new double[B * Q];
    private final double[] keys = new double[T * B * K];
    private final double[] mask = new double[T * B];
    private final double[] upstream = new double[B * K];
    private final double[] context = new double[B * K];

    private void build(Attention.Score score) {
        attention = new Attention(params, "attention.", score, Q, K, A);
        params.allocate();
        for (double[] a : new double[][] {params.value, queries, keys, upstream}) {
            for (int i = 0; i < a.length; i++) {
                a[i] = 2 * rng.nextDouble() - 1;
            }
        }
        for (int t = 0; t < T; t++) {
            for (int b = 0; b < B; b++) {
                mask[t * B + b] = t < LENGTHS[b] ? 1 : 0;
            }
        }
    }

    private double loss() {
        attention.forward(queries, 0, keys, 0, mask, T, B, context, 0);
        double sum = 0;
        for (int i = 0; i < context.length; i++) {
            sum += upstream[i] * context[i];
        }
        return sum;
    }

    @ParameterizedTest
    @EnumSource(Attention.Score.class)
    void theBackwardPassIsTheLossesSlope(Attention.Score score) {
        build(score);
        loss();
        double[] dKeys = new double[keys.length];
        double[] dQueries = new double[queries.length];
        java.util.Arrays.fill(params.grad, 0);
        attention.backward(upstream, 0, dKeys, 0, dQueries, 0);
        if (params.size() > 0) {
            GradCheck.check(score + ": parameters", params.grad, 0, params.value, 0, params.size(), this::loss);
        }
        GradCheck.check(score + ": queries", dQueries, 0, queries, 0, queries.length, this::loss);
        GradCheck.check(score + ": keys", dKeys, 0, keys, 0, keys.length, this::loss);
        for (int b = 0; b < B; b++) {
            double sum = 0;
            for (int t = 0; t < T; t++) {
                sum += attention.weight(b, t);
                if (t >= LENGTHS[b]) {
                    assertEquals(0.0, attention.weight(b, t), "a padded step has no weight");
                    for (int j = 0; j < K; j++) {
                        assertEquals(0.0, dKeys[(t * B + b) * K + j], "nor gradient");
                    }
                }
            }
            assertEquals(1.0, sum, 1e-12, "the weights of a sequence sum to 1");
        }
    }

    @Test
    void badShapesAreRefusedSayingWhy() {
        assertEquals("dot attention needs queries as long as keys, got 3 and 4", assertThrows(IllegalArgumentException.class,
                () -> new Attention(new Params(), "", Attention.Score.DOT, 3, 4, 0)).getMessage());
        assertEquals("attention must be additive, dot or general, got 'cosine'",
                assertThrows(IllegalArgumentException.class, () -> Attention.Score.of("cosine")).getMessage());
        build(Attention.Score.DOT);
        java.util.Arrays.fill(mask, 0);
        assertEquals("sequence 0 has no real step to attend to", assertThrows(IllegalArgumentException.class, this::loss).getMessage());
    }
}
