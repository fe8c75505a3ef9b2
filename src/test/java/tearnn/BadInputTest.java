package tearnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tearnn.loss.LossKind;
import tearnn.model.Architecture;
import tearnn.model.Batch;
import tearnn.model.Model;
import tearnn.nn.CellType;
import tearnn.optim.OptimizerKind;
import tearnn.optim.Schedule;
import tearnn.task.Adder;
import tearnn.task.Corpus;
import tearnn.task.LanguageModelSettings;
import tearnn.task.TokenStreams;
import tearnn.text.Tokenizer;
import tearnn.train.DivergedException;
import tearnn.train.Trainer;

/** Every public entry point answers bad input with an exception whose message names the problem. */
class BadInputTest {
    static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    static Model lm() {
        return new Model(Architecture.languageModel(CellType.LSTM, 5, 3, 4, 1, 0), 1);
    }

    @Test
    void architecture() {
        assertEquals("hidden size must be positive, got 0", message(() -> Architecture.languageModel(CellType.GRU, 5, 3, 0, 1, 0)));
        assertEquals("number of layers must be positive, got -1",
                message(() -> Architecture.languageModel(CellType.GRU, 5, 3, 4, -1, 0)));
        assertEquals("dropout must be in [0, 1), got 1.0", message(() -> Architecture.languageModel(CellType.GRU, 5, 3, 4, 1, 1)));
        assertEquals("dropout must be in [0, 1), got NaN",
                message(() -> Architecture.languageModel(CellType.GRU, 5, 3, 4, 1, Double.NaN)));
        assertEquals("input size must be positive, got 0", message(() -> Architecture.languageModel(CellType.GRU, 0, 3, 4, 1, 0)));
        assertEquals("unknown loss 'hinge' (expected softmax_ce, sigmoid_bce or mse)", message(() -> LossKind.parse("hinge")));
        assertEquals("unknown cell type 'elman' (expected rnn_tanh, rnn_relu, lstm or gru)", message(() -> CellType.parse("elman")));
    }

    @Test
    void batches() {
        Model m = lm();
        assertEquals("a batch needs at least one step, got T=0", message(() -> Batch.ofTokens(0, 1, new int[0], new int[0])));
        assertEquals("a batch needs at least one sequence, got B=-2", message(() -> Batch.ofTokens(1, -2, new int[0], new int[0])));
        assertEquals("token 9 at position 1 is outside the vocabulary [0, 5)",
                message(() -> m.forwardBackward(Batch.ofTokens(2, 1, new int[] {1, 9}, new int[] {1, 1}), null, 0)));
        assertEquals("token -1 at position 0 is outside the vocabulary [0, 5)",
                message(() -> m.predict(Batch.ofTokens(1, 1, new int[] {-1}, null), null)));
        assertEquals("this model reads tokens: the batch needs T*B = 4 token indices",
                message(() -> m.evaluate(Batch.ofTokens(2, 2, new int[] {1, 2}, new int[] {1, 1, 1, 1}), null)));
        assertEquals("the batch needs 4 target classes",
                message(() -> m.evaluate(Batch.ofTokens(2, 2, new int[] {1, 2, 3, 4}, new int[] {1}), null)));
        assertEquals("target class 7 at row 1 is outside [0, 5)",
                message(() -> m.evaluate(Batch.ofTokens(1, 2, new int[] {1, 2}, new int[] {1, 7}), null)));
        assertEquals("state is for 1 layers x 3 sequences x 4 hidden, the batch needs 1 x 1 x 4",
                message(() -> m.evaluate(Batch.ofTokens(1, 1, new int[] {1}, new int[] {1}), m.newState(3))));
        assertEquals("the batch has no real (unmasked) step to learn from", message(() -> m.evaluate(
                Batch.ofTokens(1, 1, new int[] {1}, new int[] {1}).withMask(new double[] {0}), null)));
        assertEquals("mask values must be 0 or 1, got 0.5 at 0", message(() -> m.evaluate(
                Batch.ofTokens(1, 1, new int[] {1}, new int[] {1}).withMask(new double[] {0.5}), null)));

        Model dense = new Model(Adder.architecture(CellType.GRU, 4), 1);
        assertEquals("input 1 is not finite: NaN", message(() -> dense.forwardBackward(
                Batch.ofVectors(1, 1, new double[] {0, Double.NaN}, new double[] {1}), null, 0)));
        assertEquals("target 0 is not finite: Infinity", message(() -> dense.forwardBackward(
                Batch.ofVectors(1, 1, new double[] {0, 1}, new double[] {Double.POSITIVE_INFINITY}), null, 0)));
        assertEquals("binary target 2.0 at element 0 is outside [0, 1]", message(() -> dense.forwardBackward(
                Batch.ofVectors(1, 1, new double[] {0, 1}, new double[] {2}), null, 0)));
        assertEquals("this model reads vectors: the batch needs T*B*I = 4 inputs", message(() -> dense.forwardBackward(
                Batch.ofVectors(2, 1, new double[] {0, 1}, new double[] {1, 1}), null, 0)));
    }

    @Test
    void trainer() {
        Model m = lm();
        Trainer t = new Trainer(m, OptimizerKind.SGD.create(m.params().size()), Schedule.constant(1e300));
        assertEquals("truncation length must be >= 0 (0 = full), got -3", message(() -> t.setTruncate(-3)));
        assertEquals("clipping norm must be finite and >= 0 (0 = off), got -1.0", message(() -> t.setClipNorm(-1)));
        Batch b = Batch.ofTokens(3, 1, new int[] {1, 2, 3}, new int[] {2, 3, 4});
        t.step(b, null);
        double[] good = m.params().value.clone();
        DivergedException e = assertThrows(DivergedException.class, () -> {
            for (int i = 0; i < 5; i++) {
                t.step(b, null);
                System.arraycopy(m.params().value, 0, good, 0, good.length);
            }
        });
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("Try a lower learning rate or gradient clipping"),
                e.getMessage());
        org.junit.jupiter.api.Assertions.assertArrayEquals(good, m.params().value, "weights of the last good step kept");
    }

    @Test
    void corpusAndStreams() {
        Tokenizer words = new Tokenizer(false, true);
        assertEquals("the corpus is empty", message(() -> Corpus.fromText("", words, 100, 0.1)));
        assertEquals("the corpus has no word in it (only white space)", message(() -> Corpus.fromText(" \n\t ", words, 100, 0.1)));
        assertEquals("the corpus has only 3 tokens: too short to hold out a validation part; give at least 20 tokens",
                message(() -> Corpus.fromText("a b c", words, 100, 0.1)));
        assertEquals("the corpus has only 1 token: too short to hold out a validation part; give at least 20 tokens, or train at"
                + " character level (it has 50,000 characters)", message(() -> Corpus.fromText("x".repeat(50_000), words, 100, 0.1)));
        assertEquals("the corpus looks binary (it contains NUL characters), not text",
                message(() -> Corpus.fromText("PK\u0003\u0004\u0000\u0000abc", words, 100, 0.1)));
        assertEquals("the corpus looks binary (4 of 10 characters are control or invalid characters), not text",
                message(() -> Corpus.fromText("ab\u0001\u0002cd\uFFFD\uFFFDef", words, 100, 0.1)));
        assertEquals("the text has 10 tokens: too short for 2 streams of one BPTT window of 5 steps (needs at least 12);"
                + " lower the batch size or the BPTT length, or give more text",
                message(() -> new TokenStreams(new int[10], 2, 5)));
        assertEquals("BPTT length must be a whole number from 1 to 1000", message(() -> new LanguageModelSettings(false, 100,
                CellType.GRU, 1, 8, 0, 0, 4, OptimizerKind.ADAM, 0.01, 0, 0, 1, "auto", false, "auto")));
        assertEquals("Learning rate must be a number from 0.000001 to 10", message(() -> new LanguageModelSettings(false, 100,
                CellType.GRU, 1, 8, 0, 10, 4, OptimizerKind.ADAM, -0.1, 0, 0, 1, "auto", false, "auto")));
    }

    @Test
    void adder() {
        assertEquals("adder bits must be in [2, 30], got 1", message(() -> new Adder(1)));
        Model m = new Model(Adder.architecture(CellType.RNN_TANH, 4), 1);
        assertEquals("operands must be in [0, 127] for 8-bit addition, got 128 and 3", message(() -> new Adder(8).trace(m, 128, 3)));
        assertEquals("operands must be in [0, 127] for 8-bit addition, got -1 and 3", message(() -> new Adder(8).trace(m, -1, 3)));
    }
}
