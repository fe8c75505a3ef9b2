package tearnn.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tearnn.math.Rng;
import tearnn.model.Batch;
import tearnn.model.Model;
import tearnn.nn.CellType;
import tearnn.optim.OptimizerKind;
import tearnn.optim.Schedule;
import tearnn.text.Tokenizer;
import tearnn.train.Trainer;

/** Seeded (not timed) convergence: the adder learns every pair; the word model nears the grammar's best. */
class ConvergenceTest {
    @ParameterizedTest
    @EnumSource(value = CellType.class, names = {"RNN_TANH", "LSTM", "GRU"})
    void adderReachesEveryPairBelow128(CellType cell) {
        Adder adder = new Adder(8);
        Model m = new Model(Adder.architecture(cell, 16), 1);
        Trainer tr = new Trainer(m, OptimizerKind.ADAM.create(m.params().size()), Schedule.constant(0.03));
        Rng rng = new Rng(101);
        Batch batch = adder.newBatch(32);
        double acc = 0;
        int step = 0;
        while (step < 2000 && acc < 1) {
            adder.fillRandom(batch, rng);
            tr.step(batch, null);
            if (++step % 50 == 0) {
                acc = adder.accuracyAllPairs(m);
            }
        }
        assertEquals(1.0, acc, cell.id + " after " + step + " steps");
        // the learned carry rule works on longer numbers than trained on
        double longer = new Adder(16).accuracySampled(m, 2000, new Rng(5));
        System.out.println(cell.id + ": 100% of 8-bit pairs after " + step + " steps; 16-bit accuracy " + longer);
        assertTrue(longer > 0.9, cell.id + " 16-bit accuracy " + longer);
    }

    @Test
    void wordModelComesWithinTenPercentOfTheBestPossiblePerplexity() {
        Grammar g = new Grammar();
        Tokenizer tok = new Tokenizer(false, true);
        String text = tok.join(g.generate(60000, new Rng(1)));
        Corpus c = Corpus.fromText(text, tok, 1000, 0.1);
        assertEquals(g.words().size() + 1, c.vocabulary.size());
        LanguageModelSettings s = new LanguageModelSettings(false, 1000, CellType.LSTM, 1, 64, 16, 20, 16, OptimizerKind.ADAM, 0.01,
                5, 0, 1, "softmax", false, "words");
        LanguageModelTask task = new LanguageModelTask(c, s);
        double before = task.validationPerplexity();
        task.train(600);
        double after = task.validationPerplexity();
        double best = g.bestPerplexity();
        System.out.println("word model: validation perplexity " + before + " -> " + after + ", best possible " + best);
        assertTrue(after < before);
        assertTrue(after <= 1.1 * best, "perplexity " + after + " vs best " + best);
        // no model beats the source: the floor holds up to the noise of a 6,000-word sample
        assertTrue(after > 0.97 * best, "perplexity " + after + " below the best possible " + best);
    }
}
