package tearnn.math;

/**
 * Register blocks of C += A B^T with A and B both read along rows (dot-product form): each block
 * keeps its sums in local variables over the whole length k and adds them to C once. A 5x2 block
 * loads 7 values per 20 flops; the narrower ones cover the leftover rows and columns.
 */
final class DotBlocks {
    private DotBlocks() {
    }

    /**
     * The 5x2 block of C at c0 (row stride n) += rows a0.. of A (5, length k) . rows b0.. of B (2).
     * Ten sums, two values of B and one of A held at once: 13 registers, within the 15 that V8's
     * WebAssembly and the JVM give floating-point values on x86-64, so nothing spills inside the
     * loop. (A 4x4 block needs 21 and spills; see docs/kernels.md for the shapes measured.)
     */
    static void dot5x2(double[] c, int c0, int n, double[] a, int a0, double[] b, int b0, int k) {
        int a1 = a0 + k;
        int a2 = a1 + k;
        int a3 = a2 + k;
        int a4 = a3 + k;
        int b1 = b0 + k;
        double s00 = 0, s01 = 0;
        double s10 = 0, s11 = 0;
        double s20 = 0, s21 = 0;
        double s30 = 0, s31 = 0;
        double s40 = 0, s41 = 0;
        for (int p = 0; p < k; p++) {
            double y0 = b[b0 + p];
            double y1 = b[b1 + p];
            double x = a[a0 + p];
            s00 += x * y0;
            s01 += x * y1;
            x = a[a1 + p];
            s10 += x * y0;
            s11 += x * y1;
            x = a[a2 + p];
            s20 += x * y0;
            s21 += x * y1;
            x = a[a3 + p];
            s30 += x * y0;
            s31 += x * y1;
            x = a[a4 + p];
            s40 += x * y0;
            s41 += x * y1;
        }
        c[c0] += s00;
        c[c0 + 1] += s01;
        c[c0 + n] += s10;
        c[c0 + n + 1] += s11;
        c[c0 + 2 * n] += s20;
        c[c0 + 2 * n + 1] += s21;
        c[c0 + 3 * n] += s30;
        c[c0 + 3 * n + 1] += s31;
        c[c0 + 4 * n] += s40;
        c[c0 + 4 * n + 1] += s41;
    }

    /** The 5x1 column of C at c0 (row stride n) += rows a0.. of A (5, length k) . row b0 of B. */
    static void dot5x1(double[] c, int c0, int n, double[] a, int a0, double[] b, int b0, int k) {
        int a1 = a0 + k;
        int a2 = a1 + k;
        int a3 = a2 + k;
        int a4 = a3 + k;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0;
        for (int p = 0; p < k; p++) {
            double y = b[b0 + p];
            s0 += a[a0 + p] * y;
            s1 += a[a1 + p] * y;
            s2 += a[a2 + p] * y;
            s3 += a[a3 + p] * y;
            s4 += a[a4 + p] * y;
        }
        c[c0] += s0;
        c[c0 + n] += s1;
        c[c0 + 2 * n] += s2;
        c[c0 + 3 * n] += s3;
        c[c0 + 4 * n] += s4;
    }

    /** The 1x4 row of C at c0 += row a0 of A (length k) . rows b0.. of B (4). */
    static void dot1x4(double[] c, int c0, double[] a, int a0, double[] b, int b0, int k) {
        int b1 = b0 + k;
        int b2 = b1 + k;
        int b3 = b2 + k;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int p = 0; p < k; p++) {
            double x = a[a0 + p];
            s0 += x * b[b0 + p];
            s1 += x * b[b1 + p];
            s2 += x * b[b2 + p];
            s3 += x * b[b3 + p];
        }
        add4(c, c0, s0, s1, s2, s3);
    }

    static void add4(double[] c, int at, double s0, double s1, double s2, double s3) {
        c[at] += s0;
        c[at + 1] += s1;
        c[at + 2] += s2;
        c[at + 3] += s3;
    }
}
