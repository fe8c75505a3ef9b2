package tearnn.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tearnn.math.Rng;
import tearnn.model.Architecture;
import tearnn.model.Batch;
import tearnn.model.Model;
import tearnn.nn.CellType;
import tearnn.optim.OptimizerKind;
import tearnn.optim.Schedule;
import tearnn.train.Trainer;

class SamplerTest {
    static final int V = 5;

    /** A model trained on the cycle 0 1 2 3 4 0 1 ...: the next token is certain. */
    static Model cycleModel() {
        Model m = new Model(Architecture.languageModel(CellType.GRU, V, 4, 16, 1, 0), 2);
        Trainer t = new Trainer(m, OptimizerKind.ADAM.create(m.params().size()), Schedule.constant(0.05));
        int T = 10;
        int[] tok = new int[T];
        int[] cls = new int[T];
        for (int i = 0; i < T; i++) {
            tok[i] = i % V;
            cls[i] = (i + 1) % V;
        }
        for (int i = 0; i < 200; i++) {
            t.step(Batch.ofTokens(T, 1, tok, cls), null);
        }
        return m;
    }

    @Test
    void greedyAndLowTemperatureFollowTheCycle() {
        Sampler s = new Sampler(cycleModel());
        assertArrayEquals(new int[] {3, 4, 0, 1, 2, 3}, s.generate(new int[] {1, 2}, 6, true, 1, 0, null));
        assertArrayEquals(new int[] {3, 4, 0, 1}, s.generate(new int[] {1, 2}, 4, false, 0.05, 0, new Rng(1)));
        assertArrayEquals(new int[] {3, 4, 0, 1}, s.generate(new int[] {1, 2}, 4, false, 1, 1, new Rng(1)));
        s.prime(new int[] {0});
        double[] p = s.distribution(1);
        assertTrue(p[1] > 0.9, "p(next = 1) = " + p[1]);
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        assertEquals(1, sum, 1e-12);
    }

    @Test
    void beamSearchFindsTheCertainContinuation() {
        Sampler s = new Sampler(cycleModel());
        List<Sampler.Beam> beams = s.beamSearch(new int[] {4}, 3, 3);
        assertEquals(3, beams.size());
        assertArrayEquals(new int[] {0, 1, 2}, beams.get(0).tokens());
        assertTrue(beams.get(0).logProb() >= beams.get(1).logProb());
        assertTrue(beams.get(1).logProb() >= beams.get(2).logProb());
    }

    @Test
    void temperatureSpreadsTheDistribution() {
        Sampler s = new Sampler(cycleModel());
        s.prime(new int[] {0});
        assertTrue(s.distribution(5)[1] < s.distribution(1)[1]);
    }

    @Test
    void topKOrder() {
        assertArrayEquals(new int[] {2, 0}, Sampler.topK(new double[] {0.3, 0.1, 0.5, 0.1}, 2));
        assertArrayEquals(new int[] {1, 3, 0}, Sampler.topK(new double[] {0.1, 0.5, 0.1, 0.3}, 3));
    }

    @Test
    void badInput() {
        Sampler s = new Sampler(cycleModel());
        var e = assertThrows(IllegalArgumentException.class, () -> s.prime(new int[0]));
        assertEquals("the prime must hold at least one token", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.prime(new int[] {7}));
        assertEquals("token 7 at position 0 is outside the vocabulary [0, 5)", e.getMessage());
        s.prime(new int[] {1});
        e = assertThrows(IllegalArgumentException.class, () -> s.distribution(0));
        assertEquals("temperature must be positive and finite, got 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.pick(false, 1, -1, new Rng(1)));
        assertEquals("top-k must be >= 0 (0 = all), got -1", e.getMessage());
        Model dense = new Model(tearnn.task.Adder.architecture(CellType.GRU, 4), 1);
        e = assertThrows(IllegalArgumentException.class, () -> new Sampler(dense));
        assertEquals("sampling needs a next-token model (token input, softmax at every step)", e.getMessage());
    }
}
