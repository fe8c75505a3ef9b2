package tearnn.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tearnn.loss.LossKind;
import tearnn.math.Rng;
import tearnn.nn.Attention;
import tearnn.nn.CellType;

/**
 * Finite differences through a many-to-one classifier on sequences of mixed lengths: padded at the
 * end and masked, the softmax reading each sequence's last real step, or the context of its attention
 * over every real step.
 */
class ManyToOneGradientTest {
    @ParameterizedTest
    @ValueSource(strings = {"rnn_tanh", "lstm", "gru"})
    void sequencesOfMixedLengths(String cell) {
        check(cell, null);
    }

    /** The head on the context of the last state's attention over every real step, for each score. */
    @ParameterizedTest
    @ValueSource(strings = {"additive/lstm", "dot/gru", "general/rnn_tanh"})
    void withAttentionPooling(String scoreAndCell) {
        String[] p = scoreAndCell.split("/");
        check(p[1], Attention.Score.of(p[0]));
    }

    /** A text classifier's: tokens through an embedding, with and without attention pooling. */
    @ParameterizedTest
    @ValueSource(strings = {"none/gru", "additive/lstm"})
    void tokensOfMixedLengths(String scoreAndCell) {
        String[] p = scoreAndCell.split("/");
        int steps = 5;
        int size = 3;
        int[] lengths = {5, 1, 3};
        Model m = new Model(Architecture.ofTokens(7, 4, CellType.parse(p[1]), 5).withOutputs(2, LossKind.SOFTMAX_CE)
                .withLastStepOnly(true).withAttention(p[0].equals("none") ? null : Attention.Score.of(p[0])), 4);
        Rng rng = new Rng(8);
        int[] tokens = new int[steps * size];
        double[] mask = new double[steps * size];
        for (int b = 0; b < size; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                mask[t * size + b] = 1;
                tokens[t * size + b] = rng.nextInt(7);
            }
        }
        Batch batch = new Batch(steps, size, tokens, null, new int[] {1, 0, 1}, null, mask);
        ModelGradientTest.check(m, batch, null, 0, "many-to-one of tokens/" + scoreAndCell);
    }

    private static void check(String cell, Attention.Score attention) {
        int steps = 6;
        int size = 4;
        int inputs = 3;
        int[] lengths = {6, 2, 4, 1};
        Model m = new Model(Architecture.ofVectors(inputs, CellType.parse(cell), 5).withLayers(2).withOutputs(3, LossKind.SOFTMAX_CE)
                .withLastStepOnly(true).withAttention(attention), 9);
        Rng rng = new Rng(2);
        double[] x = new double[steps * size * inputs];
        double[] mask = new double[steps * size];
        int[] classes = new int[size];
        for (int b = 0; b < size; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                mask[t * size + b] = 1;
                for (int k = 0; k < inputs; k++) {
                    x[(t * size + b) * inputs + k] = rng.uniform(-1, 1);
                }
            }
            classes[b] = rng.nextInt(3);
        }
        Batch batch = new Batch(steps, size, null, x, classes, null, mask);
        ModelGradientTest.check(m, batch, null, 0, "many-to-one/" + cell + (attention == null ? "" : "/attention " + attention.id));
    }
}
