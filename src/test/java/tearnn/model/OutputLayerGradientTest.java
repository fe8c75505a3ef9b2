package tearnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tearnn.loss.LossKind;
import tearnn.math.Rng;
import tearnn.nn.CellType;

/**
 * Finite-difference checks of models whose output layer is the adaptive softmax (masks, dropout,
 * a many-to-one loss, carried state) or tied to the embedding, connectivity through them, and their
 * refusals.
 */
class OutputLayerGradientTest {

    static Architecture arch(InputKind in, CellType cell, boolean last, double dropout) {
        return Architecture.of(in, 6, in == InputKind.EMBEDDING ? 4 : 0, cell, 5).withLayers(2).withOutputs(6, LossKind.SOFTMAX_CE)
                .withLastStepOnly(last).withDropout(dropout).withOutput(new OutputLayer(true, new int[] {2, 4}, 2.0, true));
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void everyParameterWithMaskAndDropout(CellType cell) {
        Model m = new Model(arch(InputKind.EMBEDDING, cell, false, 0.25), 4);
        ModelGradientTest.check(m, ModelGradientTest.batch(m.architecture(), new Rng(6), true), null, 0, cell.id + " adaptive");
    }

    @Test
    void manyToOneAndOneHot() {
        Model m = new Model(arch(InputKind.ONE_HOT, CellType.GRU, true, 0), 5);
        ModelGradientTest.check(m, ModelGradientTest.batch(m.architecture(), new Rng(7), false), null, 0, "last step adaptive");
    }

    @Test
    void statefulSecondChunk() {
        Model m = new Model(arch(InputKind.EMBEDDING, CellType.LSTM, false, 0), 8);
        Rng rng = new Rng(9);
        State state = m.newState(ModelGradientTest.B);
        m.forwardBackward(ModelGradientTest.batch(m.architecture(), rng, false), state, 0);
        ModelGradientTest.check(m, ModelGradientTest.batch(m.architecture(), rng, false), state, 0, "stateful adaptive");
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void tiedEmbeddingsGetBothGradients(CellType cell) {
        Architecture a = Architecture.ofTokens(6, 5, cell, 5).withLayers(2).withDropout(0.25).withOutput(OutputLayer.TIED);
        Model m = new Model(a, 4);
        assertEquals(null, m.params().find("fc.weight"), "no tensor of its own");
        assertEquals(m.params().find("embedding.weight"), m.params().aliases().get("fc.weight"));
        assertEquals(a.parameterCount(), m.params().size());
        ModelGradientTest.check(m, ModelGradientTest.batch(a, new Rng(6), true), null, 0, cell.id + " tied");
    }

    @Test
    void tiedEmbeddingsNeedMatchingSizes() {
        assertEquals("tied embeddings need the embedding size equal to the hidden size (here 4 and 5)",
                assertThrows(IllegalArgumentException.class, () -> Architecture.ofTokens(6, 4, CellType.GRU, 5)
                        .withOutput(OutputLayer.TIED)).getMessage());
        assertEquals("tied embeddings need an embedding (this model reads one_hot input)",
                assertThrows(IllegalArgumentException.class, () -> Architecture.ofTokens(6, 0, CellType.GRU, 5)
                        .withOutput(OutputLayer.TIED)).getMessage());
    }

    @Test
    void connectivityReadsTheAdaptiveDistribution() {
        Model m = new Model(arch(InputKind.EMBEDDING, CellType.LSTM, false, 0), 10);
        int[] prompt = {1, 5, 3, 0};
        double[] logp = m.predict(Batch.ofTokens(prompt.length, 1, prompt, null), null);
        for (int target = 0; target < 6; target++) {
            Connectivity.Result r = new Connectivity(m).ofTokens(prompt, target);
            assertEquals(logp[3 * 6 + target], r.logProbability(), 1e-12, "log p of " + target);
        }
        double sum = 0;
        for (int k = 0; k < 6; k++) {
            sum += Math.exp(logp[3 * 6 + k]);
        }
        assertEquals(1.0, sum, 1e-12, "the full distribution sums to 1");
    }

    @Test
    void badLayoutsAreRefusedWithTheReason() {
        assertEquals("adaptive softmax cutoffs must increase, got 4 then 2", refused(new int[] {4, 2}, 2.0));
        assertEquals("adaptive softmax cutoffs must lie between 1 and 5 (the vocabulary has 6 tokens), got 6",
                refused(new int[] {2, 6}, 2.0));
        assertEquals("adaptive softmax needs at least one cutoff", refused(new int[0], 2.0));
        assertEquals("adaptive softmax cluster 2 would project 5 inputs to floor(5 / 2.0^3) = 0 units: use fewer cutoffs"
                + " or a smaller div_value", refused(new int[] {1, 2, 3}, 2.0));
        assertEquals("adaptive softmax div_value must be in [1, 1024], got 0.5", refused(new int[] {2}, 0.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Architecture.ofVectors(3,
                CellType.GRU, 5).withOutputs(2, LossKind.MSE).withOutput(OutputLayer.adaptive(1)));
        assertEquals("the adaptive softmax predicts classes: its loss is softmax_ce, not mse", e.getMessage());
    }

    private static String refused(int[] cutoffs, double div) {
        return assertThrows(IllegalArgumentException.class, () -> Architecture.ofTokens(6, 4, CellType.GRU,
                5).withOutput(new OutputLayer(true, cutoffs, div, false))).getMessage();
    }
}
