package tearnn.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import tearnn.json.JsonObject;
import tearnn.json.JsonWriter;

/** A training call's step log: every step while there are few, means over even runs of steps past that. */
class StepLogTest {
    static double[] rows(StepLog log, int lastStep) {
        JsonWriter out = new JsonWriter().beginObject();
        log.write(lastStep, out);
        JsonObject r = JsonObject.parse(out.endObject().toString(), "log");
        List<?> rows = r.list("stepLog");
        return r.array("stepLog", rows.size(), 3);
    }

    @Test
    void fewStepsAreLoggedOneByOne() {
        StepLog log = new StepLog();
        for (int i = 1; i <= 5; i++) {
            log.add(i, 10 * i);
        }
        assertArrayEquals(new double[] {96, 1, 10, 97, 2, 20, 98, 3, 30, 99, 4, 40, 100, 5, 50}, rows(log, 100));
    }

    @Test
    void manyStepsAreMeanedOverRunsOfTheSameLength() {
        StepLog log = new StepLog();
        for (int i = 1; i <= 70; i++) {
            log.add(i, 1);
        }
        // 70 steps, at most 32 rows: runs of 3 steps (the last of 1), each row at its run's last step
        double[] r = rows(log, 70);
        assertEquals(24 * 3, r.length);
        assertArrayEquals(new double[] {3, 2, 1}, new double[] {r[0], r[1], r[2]});
        assertArrayEquals(new double[] {69, 68, 1}, new double[] {r[66], r[67], r[68]});
        assertArrayEquals(new double[] {70, 70, 1}, new double[] {r[69], r[70], r[71]});
    }

    @Test
    void aRowThatIsNotFiniteIsLeftOut() {
        StepLog log = new StepLog();
        log.add(1, 2);
        log.add(1, Double.POSITIVE_INFINITY);
        log.add(3, 4);
        assertArrayEquals(new double[] {8, 1, 2, 10, 3, 4}, rows(log, 10));
    }
}
