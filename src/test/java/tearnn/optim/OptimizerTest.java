package tearnn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tearnn.nn.Params;

/** Two updates of one weight (w = 1, g = 0.5, lr = 0.1) against values computed by hand. */
class OptimizerTest {
    static double[] twoSteps(Optimizer o) {
        Params p = new Params();
        p.addVector("w", 1);
        p.allocate();
        p.value[0] = 1;
        double[] out = new double[2];
        for (int s = 0; s < 2; s++) {
            p.grad[0] = 0.5;
            o.step(p, 0.1);
            out[s] = p.value[0];
        }
        return out;
    }

    @Test
    void sgd() {
        double[] w = twoSteps(new Sgd(1, 0, false, 0));
        assertEquals(0.95, w[0], 1e-15);
        assertEquals(0.90, w[1], 1e-15);
    }

    @Test
    void momentum() {
        // buf = 0.5, w = 0.95; buf = 0.9 * 0.5 + 0.5 = 0.95, w = 0.95 - 0.095
        double[] w = twoSteps(new Sgd(1, 0.9, false, 0));
        assertEquals(0.95, w[0], 1e-15);
        assertEquals(0.855, w[1], 1e-15);
    }

    @Test
    void nesterov() {
        // step 1: d = 0.5 + 0.9 * 0.5 = 0.95; step 2: buf = 0.95, d = 0.5 + 0.855 = 1.355
        double[] w = twoSteps(new Sgd(1, 0.9, true, 0));
        assertEquals(0.905, w[0], 1e-15);
        assertEquals(0.7695, w[1], 1e-15);
    }

    @Test
    void adagrad() {
        // sum = 0.25: w = 1 - 0.1 * 0.5 / 0.5; sum = 0.5: w -= 0.05 / sqrt(0.5)
        double[] w = twoSteps(new Adagrad(1, 1e-10));
        assertEquals(0.9, w[0], 1e-10);
        assertEquals(0.9 - 0.05 / Math.sqrt(0.5), w[1], 1e-10);
    }

    @Test
    void rmsprop() {
        // v = 0.01 * 0.25 = 0.0025, sqrt = 0.05: w = 1 - 0.05 / (0.05 + 1e-8)
        double[] w = twoSteps(new RmsProp(1, 0.99, 1e-8));
        assertEquals(1 - 0.05 / 0.05000001, w[0], 1e-15);
        double v = 0.99 * 0.0025 + 0.0025;
        assertEquals(w[0] - 0.05 / (Math.sqrt(v) + 1e-8), w[1], 1e-15);
    }

    @Test
    void adam() {
        // first step of Adam moves every weight by lr * g / |g| (bias corrections cancel)
        double[] w = twoSteps(new Adam(1, 0.9, 0.999, 1e-8, 0, false));
        assertEquals(1 - 0.1 * 0.5 / (0.5 + 1e-8), w[0], 1e-15);
        // step 2: m = 0.095, v = 0.00049975; mhat = 0.5, vhat = 0.25
        assertEquals(w[0] - 0.1 * 0.5 / (0.5 + 1e-8), w[1], 1e-14);
    }

    @Test
    void adamw() {
        // w = 1 * (1 - 0.1 * 0.01) then the Adam step
        double[] w = twoSteps(new Adam(1, 0.9, 0.999, 1e-8, 0.01, true));
        assertEquals(0.999 - 0.1 * 0.5 / (0.5 + 1e-8), w[0], 1e-15);
    }

    @Test
    void adamWithL2() {
        // Adam's weight decay adds wd * w to the gradient: g = 0.5 + 0.01
        double[] w = twoSteps(new Adam(1, 0.9, 0.999, 1e-8, 0.01, false));
        assertEquals(1 - 0.1 * 0.51 / (0.51 + 1e-8), w[0], 1e-15);
    }

    @Test
    void createByNameWithDefaults() {
        assertEquals("adamw", OptimizerKind.parse("adamw").create(Map.of(), 3).kind().id);
        assertEquals(0.01, OptimizerKind.ADAMW.create(3).hyperparameters().get("weight_decay"));
        var e = assertThrows(IllegalArgumentException.class, () -> OptimizerKind.parse("adadelta"));
        assertEquals("unknown optimizer 'adadelta' (expected sgd, adagrad, rmsprop, adam or adamw)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Sgd(1, 1.5, false, 0));
        assertEquals("momentum must be in [0.0, 1.0], got 1.5", e.getMessage());
        Params p = new Params();
        p.addVector("w", 1);
        p.allocate();
        e = assertThrows(IllegalArgumentException.class, () -> new Sgd(1, 0, false, 0).step(p, Double.NaN));
        assertEquals("learning rate must be finite and >= 0, got NaN", e.getMessage());
    }

    @Test
    void schedules() {
        Schedule step = Schedule.step(1, 2, 0.5);
        assertEquals(1, step.rate(0));
        assertEquals(1, step.rate(1));
        assertEquals(0.5, step.rate(2));
        assertEquals(0.25, step.rate(5));
        assertEquals(0.5, Schedule.inverseTime(1, 0.5).rate(2));
        Schedule cos = Schedule.cosine(1, 10, 0);
        assertEquals(1, cos.rate(0), 1e-15);
        assertEquals(0.5, cos.rate(5), 1e-15);
        assertEquals((1 + Math.cos(Math.PI * 0.3)) / 2, cos.rate(3), 1e-15);
        assertEquals(0, cos.rate(10), 1e-15);
        assertEquals(0, cos.rate(20), 1e-15);
        assertEquals(0.1, Schedule.cosine(1, 10, 0.1).rate(10), 1e-15);
        var e = assertThrows(IllegalArgumentException.class, () -> Schedule.step(1, 0, 0.5));
        assertEquals("step schedule needs every > 0, got 0", e.getMessage());
    }

    @Test
    void clipping() {
        Params p = new Params();
        p.addVector("w", 2);
        p.allocate();
        p.grad[0] = 3;
        p.grad[1] = 4;
        assertEquals(5, Clip.byGlobalNorm(p, 1), 0);
        assertEquals(3 / (5 + 1e-6), p.grad[0], 1e-15);
        assertEquals(4 / (5 + 1e-6), p.grad[1], 1e-15);
        p.grad[0] = 3;
        p.grad[1] = 4;
        Clip.byGlobalNorm(p, 10);
        assertEquals(3, p.grad[0]);
        p.grad[0] = -3;
        p.grad[1] = 0.5;
        Clip.byValue(p, 1);
        assertEquals(-1, p.grad[0]);
        assertEquals(0.5, p.grad[1]);
        assertThrows(IllegalArgumentException.class, () -> Clip.byValue(p, 0));
    }
}
