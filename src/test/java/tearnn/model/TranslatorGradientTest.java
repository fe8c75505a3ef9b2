package tearnn.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tearnn.math.Rng;
import tearnn.nn.Attention;
import tearnn.nn.CellType;

/**
 * Finite differences through a translator (an encoder-decoder) on pairs of mixed lengths, sources and
 * targets padded at the end and masked: with each attention score, and without attention (the decoder
 * reaches the source only through the encoder's final state, whose gradient flows back into the encoder).
 */
class TranslatorGradientTest {
    @ParameterizedTest
    @ValueSource(strings = {"additive/lstm", "dot/gru", "general/rnn_tanh", "none/lstm", "none/gru"})
    void pairsOfMixedLengths(String scoreAndCell) {
        String[] p = scoreAndCell.split("/");
        Attention.Score score = p[0].equals("none") ? null : Attention.Score.of(p[0]);
        int sourceVocab = 7;
        int targetVocab = 6;
        int[] lengths = {5, 2, 4};
        int[] targetLengths = {3, 4, 1};
        int steps = 5;
        int targetSteps = 4;
        int size = lengths.length;
        Model m = new Model(Architecture.ofTokens(sourceVocab, 3, CellType.parse(p[1]), 4).withLayers(2)
                .withDecoder(targetVocab, score), 11);
        Rng rng = new Rng(5);
        int[] sources = new int[steps * size];
        double[] mask = new double[steps * size];
        int[] inputs = new int[targetSteps * size];
        int[] targets = new int[targetSteps * size];
        double[] targetMask = new double[targetSteps * size];
        for (int b = 0; b < size; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                sources[t * size + b] = rng.nextInt(sourceVocab);
                mask[t * size + b] = 1;
            }
            for (int t = 0; t < targetLengths[b]; t++) {
                inputs[t * size + b] = rng.nextInt(targetVocab);
                targets[t * size + b] = rng.nextInt(targetVocab);
                targetMask[t * size + b] = 1;
            }
        }
        Batch batch = Batch.ofPairs(steps, size, sources, mask, targetSteps, inputs, targets, targetMask);
        ModelGradientTest.check(m, batch, null, 0, "translator/" + scoreAndCell);
    }
}
