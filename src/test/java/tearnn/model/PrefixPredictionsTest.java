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
 * after step t, with and without attention pooling.
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
            double max = Arrays.stream(logits, 0, classes).max().getAsDouble();
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                sum += Math.exp(logits[k] - max);
            }
            for (int k = 0; k < classes; k++) {
                assertEquals(Math.exp(logits[k] - max) / sum, p[t - 1][k], 1e-12, score + ": step " + t + ", class " + k);
            }
        }
    }
}
