package tearnn.math;

/**
 * Register blocks of C[m][n] += A B[k][n], where element (i, p) of A is {@code a[aOff + i*ai + p*ap]}
 * (so A can be read as stored, {@code ai = k, ap = 1}, or transposed, {@code ai = 1, ap = m}), and B
 * is read a row at a time. Each block keeps its sums in local variables over p = 0..k-1 in order
 * and adds them to C once, exactly as {@link DotBlocks} does.
 *
 * <p>A 4x4 block loads 8 values per 32 flops. A row left over (a batch of one, say) is done 8
 * columns at a time: 8 independent sums, so the additions overlap instead of waiting on each other.
 */
final class AxpyBlocks {
    private AxpyBlocks() {
    }

    static void multAdd(double[] c, int cOff, double[] a, int aOff, int ai, int ap, double[] b, int bOff,
            int m, int n, int k) {
        int i = 0;
        for (; i + 3 < m; i += 4) {
            int a0 = aOff + i * ai;
            int c0 = cOff + i * n;
            int j = 0;
            for (; j + 3 < n; j += 4) {
                block4x4(c, c0 + j, n, a, a0, ai, ap, b, bOff + j, k);
            }
            for (; j < n; j++) {
                block4x1(c, c0 + j, n, a, a0, ai, ap, b, bOff + j, k);
            }
        }
        for (; i < m; i++) {
            int a0 = aOff + i * ai;
            int c0 = cOff + i * n;
            int j = 0;
            for (; j + 7 < n; j += 8) {
                block1x8(c, c0 + j, n, a, a0, ap, b, bOff + j, k);
            }
            for (; j < n; j++) {
                double s = 0;
                int pa = a0;
                int pb = bOff + j;
                for (int p = 0; p < k; p++, pa += ap, pb += n) {
                    s += a[pa] * b[pb];
                }
                c[c0 + j] += s;
            }
        }
    }

    /** C[4][4] at c0 (row stride n) += A rows from a0 times the columns b0.. of B (row stride n). */
    private static void block4x4(double[] c, int c0, int n, double[] a, int a0, int ai, int ap, double[] b, int b0,
            int k) {
        double s00 = 0, s01 = 0, s02 = 0, s03 = 0;
        double s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        double s20 = 0, s21 = 0, s22 = 0, s23 = 0;
        double s30 = 0, s31 = 0, s32 = 0, s33 = 0;
        int pa = a0;
        int pb = b0;
        for (int p = 0; p < k; p++, pa += ap, pb += n) {
            double y0 = b[pb];
            double y1 = b[pb + 1];
            double y2 = b[pb + 2];
            double y3 = b[pb + 3];
            double x = a[pa];
            s00 += x * y0;
            s01 += x * y1;
            s02 += x * y2;
            s03 += x * y3;
            x = a[pa + ai];
            s10 += x * y0;
            s11 += x * y1;
            s12 += x * y2;
            s13 += x * y3;
            x = a[pa + 2 * ai];
            s20 += x * y0;
            s21 += x * y1;
            s22 += x * y2;
            s23 += x * y3;
            x = a[pa + 3 * ai];
            s30 += x * y0;
            s31 += x * y1;
            s32 += x * y2;
            s33 += x * y3;
        }
        DotBlocks.add4(c, c0, s00, s01, s02, s03);
        DotBlocks.add4(c, c0 + n, s10, s11, s12, s13);
        DotBlocks.add4(c, c0 + 2 * n, s20, s21, s22, s23);
        DotBlocks.add4(c, c0 + 3 * n, s30, s31, s32, s33);
    }

    /** C[4][1] at c0 (row stride n) += A rows from a0 times column b0 of B (row stride n). */
    private static void block4x1(double[] c, int c0, int n, double[] a, int a0, int ai, int ap, double[] b, int b0,
            int k) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int pa = a0;
        int pb = b0;
        for (int p = 0; p < k; p++, pa += ap, pb += n) {
            double y = b[pb];
            s0 += a[pa] * y;
            s1 += a[pa + ai] * y;
            s2 += a[pa + 2 * ai] * y;
            s3 += a[pa + 3 * ai] * y;
        }
        c[c0] += s0;
        c[c0 + n] += s1;
        c[c0 + 2 * n] += s2;
        c[c0 + 3 * n] += s3;
    }

    /** C[1][8] at c0 += the A row from a0 times the columns b0.. of B (row stride n). */
    private static void block1x8(double[] c, int c0, int n, double[] a, int a0, int ap, double[] b, int b0, int k) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int pa = a0;
        int pb = b0;
        for (int p = 0; p < k; p++, pa += ap, pb += n) {
            double x = a[pa];
            s0 += x * b[pb];
            s1 += x * b[pb + 1];
            s2 += x * b[pb + 2];
            s3 += x * b[pb + 3];
            s4 += x * b[pb + 4];
            s5 += x * b[pb + 5];
            s6 += x * b[pb + 6];
            s7 += x * b[pb + 7];
        }
        DotBlocks.add4(c, c0, s0, s1, s2, s3);
        DotBlocks.add4(c, c0 + 4, s4, s5, s6, s7);
    }
}
