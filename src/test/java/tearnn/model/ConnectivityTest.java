package tearnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tearnn.loss.LossKind;
import tearnn.math.Rng;
import tearnn.nn.CellType;
import tearnn.nn.Tensor;

/**
 * Connectivity (||d log p(y) / d x_t|| for each prompt position) against central finite differences
 * on a model with dense input; a model reading tokens (embedding or one-hot) gives what the same
 * model given the vectors it reads (embedding rows, one-hot vectors) as dense input gives.
 */
class ConnectivityTest {
    static final int V = 7;
    static final int H = 5;
    static final int E = 4;

    static Architecture arch(InputKind in, CellType cell, int inputSize) {
        return Architecture.of(in, inputSize, in == InputKind.EMBEDDING ? E : 0, cell, H).withLayers(2)
                .withPeephole(cell == CellType.LSTM).withOutputs(V, LossKind.SOFTMAX_CE).withDropout(0.3);
    }

    /** A dense-input twin of {@code m} whose first layer reads vectors of {@code width}: every recurrent and head weight copied. */
    static Model denseTwin(Model m, int width) {
        Model d = new Model(arch(InputKind.DENSE, m.architecture().cell(), width), 1);
        for (Tensor t : d.params().tensors()) {
            Tensor from = m.params().find(t.name());
            System.arraycopy(m.params().value, from.offset(), d.params().value, t.offset(), t.size());
        }
        return d;
    }

    @ParameterizedTest
    @EnumSource(value = CellType.class, names = {"RNN_TANH", "LSTM", "GRU"})
    void denseInputAgainstFiniteDifferences(CellType cell) {
        againstFiniteDifferences(new Model(arch(InputKind.DENSE, cell, 3), 5), cell.id);
    }

    /** A classifier whose head reads the context of the last state's attention over every step: back through the attention too. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"additive", "dot", "general"})
    void throughAttentionPooling(String score) {
        againstFiniteDifferences(new Model(arch(InputKind.DENSE, CellType.GRU, 3).withDropout(0).withLastStepOnly(true)
                .withAttention(tearnn.nn.Attention.Score.of(score)), 8), "attention " + score);
    }

    private static void againstFiniteDifferences(Model m, String name) {
        String cell = name;
        Rng rng = new Rng(6);
        int steps = 6;
        double[] x = new double[steps * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.uniform(-1, 1);
        }
        Connectivity c = new Connectivity(m);
        Connectivity.Result r = c.ofVectors(x, steps, 2);
        for (int t = 0; t < steps; t++) {
            double squares = 0;
            for (int i = t * 3; i < t * 3 + 3; i++) {
                double v = x[i];
                double eps = 1e-5;
                x[i] = v + eps;
                double up = c.ofVectors(x, steps, 2).logProbability();
                x[i] = v - eps;
                double down = c.ofVectors(x, steps, 2).logProbability();
                x[i] = v;
                double g = (up - down) / (2 * eps);
                squares += g * g;
            }
            assertEquals(Math.sqrt(squares), r.norms()[t], 1e-8 * Math.max(1, r.norms()[t]), cell + " position " + t);
        }
        assertEquals(r.logProbability(), c.ofVectors(x, steps, 2).logProbability(), 0, "repeatable");
    }

    @ParameterizedTest
    @EnumSource(value = CellType.class, names = {"RNN_TANH", "LSTM", "GRU"})
    void tokensReadAsTheVectorsTheyAre(CellType cell) {
        int[] prompt = {3, 1, 4, 1, 5};
        int steps = prompt.length;
        Model emb = new Model(arch(InputKind.EMBEDDING, cell, V), 7);
        Tensor rows = emb.params().find("embedding.weight");
        double[] vectors = new double[steps * E];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(emb.params().value, rows.offset() + prompt[t] * E, vectors, t * E, E);
        }
        same(new Connectivity(emb).ofTokens(prompt, 6), new Connectivity(denseTwin(emb, E)).ofVectors(vectors, steps, 6), cell.id + " embedding");

        Model oneHot = new Model(arch(InputKind.ONE_HOT, cell, V), 8);
        double[] hot = new double[steps * V];
        for (int t = 0; t < steps; t++) {
            hot[t * V + prompt[t]] = 1;
        }
        same(new Connectivity(oneHot).ofTokens(prompt, 0), new Connectivity(denseTwin(oneHot, V)).ofVectors(hot, steps, 0), cell.id + " one-hot");
    }

    static void same(Connectivity.Result a, Connectivity.Result b, String what) {
        assertEquals(b.logProbability(), a.logProbability(), 1e-12, what);
        for (int t = 0; t < a.norms().length; t++) {
            assertEquals(b.norms()[t], a.norms()[t], 1e-12, what + " position " + t);
        }
    }

    @org.junit.jupiter.api.Test
    void badQuestionsAreRefused() {
        Model words = new Model(arch(InputKind.EMBEDDING, CellType.GRU, V), 1);
        Connectivity c = new Connectivity(words);
        assertEquals("the prompt has no tokens", assertThrows(IllegalArgumentException.class, () -> c.ofTokens(new int[0], 1)).getMessage());
        assertEquals("target 7 is outside the 7 outputs", assertThrows(IllegalArgumentException.class, () -> c.ofTokens(new int[] {1}, 7)).getMessage());
        assertEquals("token 9 is outside the vocabulary of 7", assertThrows(IllegalArgumentException.class, () -> c.ofTokens(new int[] {9}, 1)).getMessage());
        Model adder = new Model(Architecture.ofVectors(2, CellType.GRU, 4).withOutputs(1, LossKind.SIGMOID_BCE), 1);
        assertEquals("connectivity reads the probability of a token: this model's output is sigmoid_bce, not softmax_ce",
                assertThrows(IllegalArgumentException.class, () -> new Connectivity(adder)).getMessage());
    }
}
