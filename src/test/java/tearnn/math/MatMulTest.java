package tearnn.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The three products against a plain triple loop, and against each other bit for bit on transposed
 * operands (the engine picks among them for speed only), over shapes that exercise every block and
 * every leftover row and column, with offsets into larger arrays.
 */
class MatMulTest {
    private static final int[][] SHAPES = {
        {1, 1, 1}, {1, 16, 16}, {1, 7, 3}, {1, 9, 5}, {2, 17, 2}, {3, 8, 1}, {4, 4, 4}, {5, 13, 7},
        {8, 1, 16}, {9, 6, 11}, {32, 64, 33}, {16, 16, 8}, {10, 3, 9}, {11, 5, 4}, {15, 2, 1},
    };

    @Test
    void everyProductEqualsTheTripleLoopAndTheOthersBitForBit() {
        Rng rng = new Rng(11);
        for (int[] s : SHAPES) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            String shape = m + "x" + n + "x" + k;
            int off = 3;
            double[] a = random(rng, off + m * k);
            double[] b = random(rng, off + k * n);
            double[] at = new double[off + k * m];
            double[] bt = new double[off + n * k];
            MatMul.transpose(at, off, a, off, m, k);
            MatMul.transpose(bt, off, b, off, k, n);
            double[] start = random(rng, off + m * n);

            double[] expected = start.clone();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int p = 0; p < k; p++) {
                        sum += a[off + i * k + p] * b[off + p * n + j];
                    }
                    expected[off + i * n + j] += sum;
                }
            }
            double[] dot = start.clone();
            MatMul.multAddTransB(dot, off, a, off, bt, off, m, n, k);
            double[] axpy = start.clone();
            MatMul.multAdd(axpy, off, a, off, b, off, m, n, k);
            double[] outer = start.clone();
            MatMul.multAddTransA(outer, off, at, off, b, off, m, n, k);
            assertArrayEquals(expected, dot, 0, "multAddTransB " + shape);
            assertArrayEquals(expected, axpy, 0, "multAdd " + shape);
            assertArrayEquals(expected, outer, 0, "multAddTransA " + shape);
            assertEquals(start[0], dot[0], 0, "the offset is respected " + shape);
        }
    }

    private static double[] random(Rng rng, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.uniform(-1, 1);
        }
        return x;
    }
}
