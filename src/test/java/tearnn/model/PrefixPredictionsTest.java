package tearnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tearnn.loss.LossKind;
import tearnn.math.Rng;
import tearnn.nn.Attention;
import tearnn.nn.CellType;

/**
 * "When did it know": the probabilities after step t are what the model says of the sequence cut
 * after step t, with and without attention pooling, of vectors and of tokens.
 */
class PrefixPredictionsTest {
    @ParameterizedTest
    @ValueSource(strings = {"none", "additive", "dot", "general"})
    void eachStepIsTheSequenceCutThere(String score) {
        int inputs = 3;
        int steps = 6;
        int classes = 4;
        Model m = new Model(Architecture.ofVectors(inputs, CellType.LSTM, 5).withLayers(2).withOutputs(classes, LossKind.SOFTMAX_CE)
                .withLastStepOnly(true).withAttention(score.equals("none") ? null : Attention.Score.of(score)), 3);
        Rng rng = new Rng(4);
        double[] x = new double[steps * inputs];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.uniform(-1, 1);
        }
        double[][] p = PrefixPredictions.ofVectors(m, x, steps).probabilities();
        for (int t = 1; t <= steps; t++) {
            double[] logits = m.predict(new Batch(t, 1, null, Arrays.copyOf(x, t * inputs), null, null, null), null);
            sameSoftmax(logits, p[t - 1], classes, score + ": step " + t);
        }
    }

    /** A text classifier's: its tokens through an embedding. */
    @ParameterizedTest
    @ValueSource(strings = {"none", "additive"})
    void eachTokenIsTheTextCutThere(String score) {
        int classes = 3;
        int[] tokens = {4, 0, 7, 7, 2};
        Model m = new Model(Architecture.ofTokens(9, 4, CellType.GRU, 5).withOutputs(classes, LossKind.SOFTMAX_CE)
                .withLastStepOnly(true).withAttention(score.equals("none") ? null : Attention.Score.of(score)), 6);
        double[][] p = PrefixPredictions.ofTokens(m, tokens).probabilities();
        for (int t = 1; t <= tokens.length; t++) {
            double[] logits = m.predict(new Batch(t, 1, Arrays.copyOf(tokens, t), null, null, null, null), null);
            sameSoftmax(logits, p[t - 1], classes, score + ": token " + t);
        }
    }

    /** p is the softmax of the logits. */
    private static void sameSoftmax(double[] logits, double[] p, int classes, String what) {
        double max = Arrays.stream(logits, 0, classes).max().getAsDouble();
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            sum += Math.exp(logits[k] - max);
        }
        for (int k = 0; k < classes; k++) {
            assertEquals(Math.exp(logits[k] - max) / sum, p[k], 1e-12, what + ", class " + k);
        }
    }
}
