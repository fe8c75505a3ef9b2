package tearnn.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tearnn.math.Rng;
import tearnn.nn.CellType;
import tearnn.optim.OptimizerKind;
import tearnn.text.Tokenizer;

/**
 * Training by a budget of work, cut as finely as one sequence's step of one layer per call, trains
 * exactly as whole steps do: the same weights, progress and carried state, bit for bit.
 */
class WorkInPartsTest {
    static LanguageModelTask words() {
        Tokenizer tok = new Tokenizer(false, true);
        Corpus c = Corpus.fromText(tok.join(new Grammar().generate(5_000, new Rng(1))), tok, 1000, 0.1);
        return new LanguageModelTask(c, new LanguageModelSettings(false, 1000, CellType.LSTM, 2, 12, 6, 7, 5,
                OptimizerKind.ADAM, 0.01, 1, 0.2, 1, "softmax", false, "words"));
    }

    @Test
    void aWordModelTrainedInPartsEqualsOneTrainedInSteps() {
        LanguageModelTask whole = words();
        whole.train(12);
        LanguageModelTask parts = words();
        Rng budgets = new Rng(4);
        int calls = 0;
        while (parts.steps() < 12) {
            // from a single sequence's step to several steps per call
            parts.work(budgets.nextDouble() < 0.5 ? 1 : 1 + budgets.nextInt(200_000));
            calls++;
        }
        assertTrue(calls > 12 * 7, "calls " + calls);
        // the loop may stop in the middle of the next step: finish it, and the same for the other
        parts.settle();
        whole.train(parts.steps() - 12);
        assertArrayEquals(whole.model().params().value, parts.model().params().value);
        assertEquals(whole.tokensSeen(), parts.tokensSeen());
        assertArrayEquals(whole.saved().array("state_h"), parts.saved().array("state_h"));
        assertArrayEquals(whole.saved().array("state_c"), parts.saved().array("state_c"));
        assertEquals(whole.train(3), parts.train(3));
    }

    @Test
    void anAdderTrainedInPartsEqualsOneTrainedInSteps() {
        AdderSettings s = new AdderSettings(8, CellType.GRU, 16, OptimizerKind.ADAM, 0.03, 32, 2);
        AdderTask whole = new AdderTask(s);
        whole.train(20);
        AdderTask parts = new AdderTask(s);
        while (parts.progress().steps() < 20) {
            parts.work(500);
        }
        parts.settle();
        whole.train(parts.progress().steps() - 20);
        assertArrayEquals(whole.model().params().value, parts.model().params().value);
        assertEquals(whole.progress(), parts.progress());
        assertEquals(whole.train(2), parts.train(2));
    }

    @Test
    void savedInTheMiddleOfAStepItResumesFromTheStepsStart() {
        LanguageModelTask whole = words();
        whole.train(5);
        LanguageModelTask parts = words();
        parts.train(4);
        // into the fifth step, before its update
        while (parts.trainer().stepFraction() < 0.3) {
            parts.work(2_000, 1);
        }
        assertEquals(4, parts.steps());
        tearnn.file.SavedModel back = tearnn.file.ModelFile.read(tearnn.file.ModelFile.write(parts.saved()));
        LanguageModelTask resumed = LanguageModelTask.resume(parts.corpus(), parts.settings(), back);
        assertEquals(4, resumed.steps());
        resumed.train(1);
        assertArrayEquals(whole.model().params().value, resumed.model().params().value);
        assertEquals(whole.train(3), resumed.train(3));
    }
}
