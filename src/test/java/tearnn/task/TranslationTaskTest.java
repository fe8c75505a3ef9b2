package tearnn.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tearnn.file.ModelFile;
import tearnn.nn.Attention;
import tearnn.nn.CellType;
import tearnn.optim.OptimizerKind;
import tearnn.settings.SettingException;

/**
 * A translator's run: it learns the reversal (exact match, per character, by length), its attention's
 * rows are distributions over the source, its steps give the same bits in parts of any size, on threads
 * within rounding, and after a save and a resume; what it cannot read is refused by name.
 */
class TranslationTaskTest {
    static TranslationSettings reversal(int length, Attention.Score attention) {
        return new TranslationSettings(TranslationPairs.REVERSE, length, attention, CellType.GRU, 32, 8, 1, OptimizerKind.ADAM,
                0.01, 1, 32, 3, Knobs.DEFAULT);
    }

    @Test
    void aGruWithAttentionLearnsToReverseShortStrings() {
        TranslationTask task = new TranslationTask(reversal(5, Attention.Score.ADDITIVE));
        TranslationMetrics before = task.heldOut();
        assertTrue(before.exactMatch() < 0.1, "untrained: " + before.exactMatch());
        task.train(600);
        TranslationMetrics m = task.heldOut();
        assertTrue(m.exactMatch() > 0.9, "exact match " + m.exactMatch());
        assertTrue(m.perCharacter() >= m.exactMatch() - 1e-12 && m.perCharacter() <= 1);
        assertTrue(m.loss() < before.loss() / 5, "held-out loss " + before.loss() + " -> " + m.loss());
        assertEquals(6, m.exactByLength().length);
        assertTrue(Double.isNaN(m.exactByLength()[0]));
        for (int n = 1; n <= 5; n++) {
            assertTrue(m.exactByLength()[n] > 0.7, n + " digits: " + m.exactByLength()[n]);
        }
        TranslationTask.Translated t = task.translate("12345", 3);
        assertEquals("54321", t.output());
        assertEquals(6, t.attention().length, "a row per output character and one for the end");
        for (double[] row : t.attention()) {
            double sum = 0;
            for (double w : row) {
                sum += w;
            }
            assertEquals(1, sum, 1e-12);
        }
        assertTrue(t.attention()[0][4] > 0.5, "the first output digit looks at the last input digit: " + t.attention()[0][4]);
    }

    @Test
    void stepsInPartsGiveTheSameBits() {
        TranslationTask whole = new TranslationTask(reversal(6, Attention.Score.GENERAL));
        whole.train(4);
        TranslationTask parts = new TranslationTask(reversal(6, Attention.Score.GENERAL));
        while (parts.steps() < 4) {
            parts.work(20_000, 4 - parts.steps());
        }
        parts.settle();
        assertArrayEquals(whole.model().params().value, parts.model().params().value);
    }

    @Test
    void onThreadsWithinRoundingAndResumedExactly() {
        TranslationTask one = new TranslationTask(reversal(6, Attention.Score.DOT));
        one.train(8);
        TranslationTask two = new TranslationTask(reversal(6, Attention.Score.DOT));
        two.trainer().setThreads(2);
        two.train(8);
        TrainOnThreadsTest.close(one.model().params().value, two.model().params().value, "weight on two threads");

        TranslationTask first = new TranslationTask(reversal(6, null));
        first.train(3);
        TranslationTask resumed = TranslationTask.resume(ModelFile.read(ModelFile.write(first.saved())));
        first.train(3);
        resumed.train(3);
        assertArrayEquals(first.model().params().value, resumed.model().params().value);
        assertEquals(first.progress(), resumed.progress());
        assertEquals(first.settings(), resumed.settings());
    }

    @Test
    void whatItCannotReadIsRefusedByName() {
        TranslationTask task = new TranslationTask(reversal(4, Attention.Score.ADDITIVE));
        assertEquals("'x' (character 2) is not one this task reads; it reads: 0123456789",
                assertThrows(IllegalArgumentException.class, () -> task.translate("1x", 1)).getMessage());
        assertEquals("the text to translate is 5 characters long; this task's are at most 4",
                assertThrows(IllegalArgumentException.class, () -> task.translate("12345", 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> task.translate("12", 0));
        assertEquals("the translation task must be dates or reverse, got 'french'",
                assertThrows(IllegalArgumentException.class, () -> TranslationPairs.of("french", 5)).getMessage());
        MemoryTask memory = new MemoryTask(MemorySettings.defaults());
        assertThrows(SettingException.class, () -> TranslationTask.resume(ModelFile.read(ModelFile.write(memory.saved()))));
    }
}
