package tearnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tearnn.math.Rng;

/** The workloads are what the spec says: W-WORD's shape and its Zipf-drawn tokens. */
class WorkloadsTest {
    @Test
    void zipfTokensFallAsOneOverRank() {
        int n = 400_000;
        int[] tokens = Workloads.zipf(10_000, n, new Rng(3));
        double harmonic = 0;
        for (int i = 1; i <= 10_000; i++) {
            harmonic += 1.0 / i;
        }
        int[] counts = new int[10_000];
        for (int t : tokens) {
            counts[t]++;
        }
        for (int rank : new int[] {0, 1, 9}) {
            double expected = n / harmonic / (rank + 1);
            assertEquals(expected, counts[rank], 5 * Math.sqrt(expected), "token " + rank);
        }
    }

    @Test
    void wWordIsZarembasSmallModelWithItsStateCarried() {
        Workloads.Workload w = Workloads.create("W-WORD");
        assertEquals("W-WORD softmax", w.name());
        assertEquals(400, w.unitsPerStep(), "BPTT 20 x batch 20 tokens a step");
        var a = w.trainer().model().architecture();
        assertEquals(10_000, a.inputSize());
        assertEquals(200, a.embedding());
        assertEquals(200, a.hidden());
        assertEquals(2, a.layers());
        assertEquals(5, w.trainer().clipNorm());
        w.step();
        assertTrue(w.trainer().lastLoss() > Math.log(10_000) - 0.5, "a fresh model's loss is near log V");
        double[] h = w.state().h.clone();
        w.step();
        assertTrue(!java.util.Arrays.equals(h, w.state().h), "the state goes on from step to step");
        assertThrows(IllegalArgumentException.class, () -> Workloads.create("W-NOPE"));
    }
}
