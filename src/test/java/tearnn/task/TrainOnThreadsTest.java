package tearnn.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tearnn.file.ModelFile;

/**
 * A run saved while training on some threads, loaded and continued on another number, ends where a
 * run on one thread ends, within rounding: weights, progress, carried state. The number of threads is
 * not the model's: it is not saved.
 */
class TrainOnThreadsTest {
    static void close(double[] one, double[] other, String what) {
        assertEquals(one.length, other.length, what);
        for (int i = 0; i < one.length; i++) {
            assertEquals(one[i], other[i], 1e-12, what + " " + i);
        }
    }

    @Test
    void aWordModelSavedOnTwoThreadsContinuesOnThree() {
        LanguageModelTask one = WorkInPartsTest.words();
        one.train(30);
        LanguageModelTask two = WorkInPartsTest.words();
        two.trainer().setThreads(2);
        two.train(12);
        LanguageModelTask three = LanguageModelTask.resume(two.corpus(), two.settings(),
                ModelFile.read(ModelFile.write(two.saved())));
        assertEquals(1, three.trainer().threads());
        three.trainer().setThreads(3);
        three.train(18);
        close(one.model().params().value, three.model().params().value, "weight");
        close(one.saved().array("state_h"), three.saved().array("state_h"), "carried h");
        close(one.saved().array("state_c"), three.saved().array("state_c"), "carried c");
        assertEquals(one.steps(), three.steps());
        assertEquals(one.tokensSeen(), three.tokensSeen());
    }

    @Test
    void anAdderOnThreadsTrainsAsOnOne() {
        AdderSettings s = new AdderSettings(8, tearnn.nn.CellType.LSTM, 16, tearnn.optim.OptimizerKind.ADAM, 0.03, 32, 2);
        AdderTask one = new AdderTask(s);
        one.train(25);
        AdderTask two = new AdderTask(s);
        two.trainer().setThreads(2);
        two.train(10);
        AdderTask resumed = AdderTask.resume(ModelFile.read(ModelFile.write(two.saved())));
        resumed.trainer().setThreads(4);
        resumed.train(15);
        close(one.model().params().value, resumed.model().params().value, "weight");
        assertEquals(one.progress(), resumed.progress());
    }
}
