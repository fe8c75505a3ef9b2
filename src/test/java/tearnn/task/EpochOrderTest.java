package tearnn.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tearnn.file.SavedModel;
import tearnn.model.Architecture;
import tearnn.model.Model;
import tearnn.nn.CellType;

/**
 * The order of a run through fixed examples: every example once an epoch, and a file saved while a
 * step is under way (even one that began a new epoch) resumes at that step's beginning.
 */
class EpochOrderTest {
    @Test
    void everyExampleOnceAnEpochAndSavedMidStepItResumesAtTheStepsBeginning() {
        int[] examples = {10, 11, 12, 13, 14};
        EpochOrder order = new EpochOrder(examples, 7);
        int[] chosen = new int[5];
        order.beginStep();
        order.next(chosen);
        assertArrayEquals(examples, java.util.stream.IntStream.of(chosen).sorted().toArray(), "an epoch: each example once");

        int[] three = new int[3];
        order.beginStep();
        order.next(three);              // three into the second epoch
        order.beginStep();
        order.next(three);              // two from the second epoch, then a third epoch begins
        int[] expected = three.clone();
        SavedModel saved = new SavedModel(new Model(Architecture.ofVectors(1, CellType.RNN_TANH, 1), 1));
        order.save(saved, true);        // as the step stood when it began
        int[] after = new int[4];
        order.next(after);

        EpochOrder resumed = EpochOrder.read(saved);
        assertEquals(5, resumed.size());
        int[] again = new int[3];
        resumed.beginStep();
        resumed.next(again);
        assertArrayEquals(expected, again, "the step under way, chosen again");
        int[] afterAgain = new int[4];
        resumed.next(afterAgain);
        assertArrayEquals(after, afterAgain, "and on as before");
    }
}
