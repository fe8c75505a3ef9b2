package tearnn.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A long held-out text is sampled in 8 evenly spread stretches, not cut at its beginning. */
class ValidationSampleTest {
    @Test
    void eightStretchesFromBeginningToEnd() {
        int[] tokens = new int[1000];
        Arrays.setAll(tokens, i -> i);
        int[] v = LanguageModelTask.sampled(tokens, 80);
        assertEquals(80, v.length);
        for (int s = 0; s < 8; s++) {
            int from = s * (1000 - 10) / 7;
            for (int j = 0; j < 10; j++) {
                assertEquals(from + j, v[s * 10 + j], "stretch " + s + ", token " + j);
            }
        }
        assertEquals(0, v[0], "the first stretch starts at the beginning");
        assertEquals(999, v[79], "the last ends at the end");
        assertArrayEquals(new int[] {1, 2, 3}, LanguageModelTask.sampled(new int[] {1, 2, 3}, 80), "a short text whole");
    }
}
