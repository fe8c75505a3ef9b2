package tearnn.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tearnn.math.Rng;
import tearnn.nn.CellType;
import tearnn.optim.OptimizerKind;
import tearnn.optim.Schedule;
import tearnn.text.Tokenizer;
import tearnn.train.DivergedException;

/**
 * Training that blows up is caught before any NaN, and the run goes back to a step from before the
 * blow-up: its weights, optimizer, progress and carried state as they were then, so that a lower
 * learning rate trains on from there.
 */
class BlowUpTest {
    static LanguageModelTask wordModel(double lr) {
        Tokenizer tok = new Tokenizer(false, true);
        Corpus c = Corpus.fromText(tok.join(new Grammar().generate(20_000, new Rng(1))), tok, 1000, 0.1);
        return new LanguageModelTask(c, new LanguageModelSettings(false, 1000, CellType.RNN_RELU, 1, 64, 32, 20, 16,
                OptimizerKind.SGD, lr, 0, 0, 1, "softmax", false, "words"));
    }

    @Test
    void aWordModelGoesBackToBeforeTheBlowUpAndTrainsOnWithALowerRate() {
        LanguageModelTask t = wordModel(10);
        // one step at a time: each call takes a checkpoint, as the page's slices do
        DivergedException e = assertThrows(DivergedException.class, () -> {
            for (int i = 0; i < 20; i++) {
                t.train(1);
            }
        });
        assertTrue(e.getMessage().matches("the loss jumped to [0-9.e+]+ \\(it had been about [0-9.]+\\) at step \\d+; "
                + "training went back to step \\d+, from before the blow-up began\\. Try a lower learning rate or gradient clipping\\."),
                e.getMessage());
        assertTrue(e.keptStep < e.step - 1, "went back further than the refused step: " + e.keptStep + " < " + e.step);
        assertEquals(e.keptStep, t.trainer().optimizer().steps());

        // the same run, stopped at that step: the same weights and the same next steps
        LanguageModelTask same = wordModel(10);
        same.train(e.keptStep);
        assertArrayEquals(same.model().params().value, t.model().params().value);
        assertEquals(same.tokensSeen(), t.tokensSeen());
        assertEquals(same.saved().array("state_h").length, t.saved().array("state_h").length);
        assertArrayEquals(same.saved().array("state_h"), t.saved().array("state_h"));

        // following the advice: from there, a lower rate trains
        t.trainer().setSchedule(Schedule.constant(0.1));
        double first = t.train(5);
        double later = t.train(50);
        assertTrue(Double.isFinite(first) && later < first, first + " -> " + later);
    }

    @Test
    void anAdderGoesBackToo() {
        AdderTask t = new AdderTask(new AdderSettings(8, CellType.RNN_RELU, 16, OptimizerKind.RMSPROP, 0.3, 32, 1));
        DivergedException e = assertThrows(DivergedException.class, () -> {
            for (int i = 0; i < 50; i++) {
                t.train(1);
            }
        });
        assertEquals(e.keptStep, t.progress().steps());
        assertEquals(e.keptStep, t.trainer().optimizer().steps());
        assertEquals(32L * e.keptStep, t.progress().examples());
        AdderTask same = new AdderTask(new AdderSettings(8, CellType.RNN_RELU, 16, OptimizerKind.RMSPROP, 0.3, 32, 1));
        if (e.keptStep > 0) {
            same.train(e.keptStep);
        }
        assertArrayEquals(same.model().params().value, t.model().params().value);
        // the pairs it learns from go on from the same place
        assertEquals(same.train(1), t.train(1));
    }

    @Test
    void ordinaryTrainingNeverTrips() {
        // every cell and optimizer at the defaults, and RMSprop's large first steps, pass
        for (CellType c : CellType.values()) {
            for (OptimizerKind o : OptimizerKind.values()) {
                AdderTask t = new AdderTask(new AdderSettings(8, c, 16, o, 0.03, 32, 3));
                t.train(300);
            }
        }
    }
}
