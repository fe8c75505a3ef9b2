package tearnn.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The checker itself: it passes a right gradient and fails a wrong one. */
class GradCheckTest {
    private static double cubeSum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v * v;
        }
        return s;
    }

    @Test
    void acceptsRightGradient() {
        double[] x = {0.3, -1.2, 2.0};
        double[] g = {3 * 0.09, 3 * 1.44, 3 * 4.0};
        GradCheck.check("cube", g, 0, x, 0, 3, () -> cubeSum(x));
    }

    @Test
    void rejectsWrongGradient() {
        double[] x = {0.3, -1.2, 2.0};
        double[] g = {3 * 0.09, 3 * 1.44 + 1e-4, 3 * 4.0};
        assertThrows(AssertionError.class, () -> GradCheck.check("cube", g, 0, x, 0, 3, () -> cubeSum(x)));
    }

    @Test
    void rejectsWrongSign() {
        double[] x = {0.5};
        double[] g = {-0.75};
        assertThrows(AssertionError.class, () -> GradCheck.check("cube", g, 0, x, 0, 1, () -> cubeSum(x)));
    }
}
