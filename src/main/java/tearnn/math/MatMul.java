package tearnn.math;

/**
 * Dense row-major matrix products on {@code double[]} with offsets. Each method accumulates into its
 * first argument ({@code +=}); zeroing is the caller's separate step. Names say the math:
 * {@code TransA} / {@code TransB} mean that operand is read transposed.
 *
 * <p>Loops are ordered so the innermost one runs over contiguous memory: an axpy ({@code y += a x})
 * wherever the layout allows it, which the JIT vectorizes; otherwise a dot product with several
 * independent accumulators.
 */
public final class MatMul {
    private MatMul() {
    }

    /**
     * C[m][n] += A[m][k] * B[n][k]^T. Modifies C only. Dot-product form in register blocks: four
     * rows of A against four rows of B give sixteen independent sums, so each pass over k loads 8
     * values for 32 flops; the leftover rows and columns use narrower blocks.
     */
    public static void multAddTransB(double[] c, int cOff, double[] a, int aOff, double[] b, int bOff,
            int m, int n, int k) {
        int i = 0;
        for (; i + 3 < m; i += 4) {
            int a0 = aOff + i * k;
            int c0 = cOff + i * n;
            int j = 0;
            for (; j + 3 < n; j += 4) {
                dot4x4(c, c0 + j, n, a, a0, b, bOff + j * k, k);
            }
            for (; j < n; j++) {
                dot4x1(c, c0 + j, n, a, a0, b, bOff + j * k, k);
            }
        }
        for (; i < m; i++) {
            int ai = aOff + i * k;
            int ci = cOff + i * n;
            int j = 0;
            for (; j + 3 < n; j += 4) {
                dot1x4(c, ci + j, a, ai, b, bOff + j * k, k);
            }
            for (; j < n; j++) {
                int bj = bOff + j * k;
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[ai + p] * b[bj + p];
                }
                c[ci + j] += s;
            }
        }
    }

    /** The 4x4 block of C at c0 (row stride n) += rows a0.. of A (4, length k) . rows b0.. of B (4). */
    private static void dot4x4(double[] c, int c0, int n, double[] a, int a0, double[] b, int b0, int k) {
        int a1 = a0 + k;
        int a2 = a1 + k;
        int a3 = a2 + k;
        int b1 = b0 + k;
        int b2 = b1 + k;
        int b3 = b2 + k;
        double s00 = 0, s01 = 0, s02 = 0, s03 = 0;
        double s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        double s20 = 0, s21 = 0, s22 = 0, s23 = 0;
        double s30 = 0, s31 = 0, s32 = 0, s33 = 0;
        for (int p = 0; p < k; p++) {
            double y0 = b[b0 + p];
            double y1 = b[b1 + p];
            double y2 = b[b2 + p];
            double y3 = b[b3 + p];
            double x = a[a0 + p];
            s00 += x * y0;
            s01 += x * y1;
            s02 += x * y2;
            s03 += x * y3;
            x = a[a1 + p];
            s10 += x * y0;
            s11 += x * y1;
            s12 += x * y2;
            s13 += x * y3;
            x = a[a2 + p];
            s20 += x * y0;
            s21 += x * y1;
            s22 += x * y2;
            s23 += x * y3;
            x = a[a3 + p];
            s30 += x * y0;
            s31 += x * y1;
            s32 += x * y2;
            s33 += x * y3;
        }
        add4(c, c0, s00, s01, s02, s03);
        add4(c, c0 + n, s10, s11, s12, s13);
        add4(c, c0 + 2 * n, s20, s21, s22, s23);
        add4(c, c0 + 3 * n, s30, s31, s32, s33);
    }

    /** The 4x1 column of C at c0 (row stride n) += rows a0.. of A (4, length k) . row b0 of B. */
    private static void dot4x1(double[] c, int c0, int n, double[] a, int a0, double[] b, int b0, int k) {
        int a1 = a0 + k;
        int a2 = a1 + k;
        int a3 = a2 + k;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int p = 0; p < k; p++) {
            double y = b[b0 + p];
            s0 += a[a0 + p] * y;
            s1 += a[a1 + p] * y;
            s2 += a[a2 + p] * y;
            s3 += a[a3 + p] * y;
        }
        c[c0] += s0;
        c[c0 + n] += s1;
        c[c0 + 2 * n] += s2;
        c[c0 + 3 * n] += s3;
    }

    /** The 1x4 row of C at c0 += row a0 of A (length k) . rows b0.. of B (4). */
    private static void dot1x4(double[] c, int c0, double[] a, int a0, double[] b, int b0, int k) {
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

    private static void add4(double[] c, int at, double s0, double s1, double s2, double s3) {
        c[at] += s0;
        c[at + 1] += s1;
        c[at + 2] += s2;
        c[at + 3] += s3;
    }

    /** Rows of C updated together, so they stay in the first-level cache while B streams past. */
    private static final int ROW_BLOCK = 16;

    /**
     * C[m][n] += A[m][k] * B[k][n]. Modifies C only. Axpy form: a block of rows of C each gets four
     * scaled rows of B per pass, so C is read and written once per four products and each row of B
     * is read once per block.
     */
    public static void multAdd(double[] c, int cOff, double[] a, int aOff, double[] b, int bOff,
            int m, int n, int k) {
        for (int i0 = 0; i0 < m; i0 += ROW_BLOCK) {
            int i1 = Math.min(m, i0 + ROW_BLOCK);
            int p = 0;
            for (; p + 3 < k; p += 4) {
                for (int i = i0; i < i1; i++) {
                    int ai = aOff + i * k + p;
                    axpy4(c, cOff + i * n, a[ai], a[ai + 1], a[ai + 2], a[ai + 3], b, bOff + p * n, n);
                }
            }
            for (; p < k; p++) {
                for (int i = i0; i < i1; i++) {
                    axpy4(c, cOff + i * n, a[aOff + i * k + p], 0, 0, 0, b, bOff + p * n, n);
                }
            }
        }
    }

    /**
     * C[m][n] += A[k][m]^T * B[k][n]. Modifies C only. A sum of k outer products, four at a time,
     * over blocks of rows of C (axpy form, as {@link #multAdd}).
     */
    public static void multAddTransA(double[] c, int cOff, double[] a, int aOff, double[] b, int bOff,
            int m, int n, int k) {
        for (int i0 = 0; i0 < m; i0 += ROW_BLOCK) {
            int i1 = Math.min(m, i0 + ROW_BLOCK);
            int p = 0;
            for (; p + 3 < k; p += 4) {
                int ap = aOff + p * m;
                int bp = bOff + p * n;
                for (int i = i0; i < i1; i++) {
                    axpy4(c, cOff + i * n, a[ap + i], a[ap + m + i], a[ap + 2 * m + i], a[ap + 3 * m + i], b, bp, n);
                }
            }
            for (; p < k; p++) {
                int ap = aOff + p * m;
                int bp = bOff + p * n;
                for (int i = i0; i < i1; i++) {
                    axpy4(c, cOff + i * n, a[ap + i], 0, 0, 0, b, bp, n);
                }
            }
        }
    }

    /**
     * y[0..n) += a0 x0 + a1 x1 + a2 x2 + a3 x3, where x_r = b[bOff + r*n ..] (four consecutive
     * rows; rows whose factor is 0 are not read). Modifies y only.
     */
    private static void axpy4(double[] y, int yOff, double a0, double a1, double a2, double a3, double[] b, int bOff,
            int n) {
        if (a1 == 0 && a2 == 0 && a3 == 0) {
            if (a0 == 0) {
                return;
            }
            for (int j = 0; j < n; j++) {
                y[yOff + j] += a0 * b[bOff + j];
            }
            return;
        }
        int b1 = bOff + n;
        int b2 = b1 + n;
        int b3 = b2 + n;
        for (int j = 0; j < n; j++) {
            y[yOff + j] += a0 * b[bOff + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
        }
    }

    /** B[n][m] = A[m][n]^T. Overwrites B. */
    public static void transpose(double[] b, int bOff, double[] a, int aOff, int m, int n) {
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * n;
            for (int j = 0; j < n; j++) {
                b[bOff + j * m + i] = a[ai + j];
            }
        }
    }

    /** y[n] += sum over the m rows of A[m][n]. Modifies y only (a bias gradient). */
    public static void addColumnSums(double[] y, int yOff, double[] a, int aOff, int m, int n) {
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * n;
            for (int j = 0; j < n; j++) {
                y[yOff + j] += a[ai + j];
            }
        }
    }

    /** Each of the m rows of A[m][n] += x[n]. Modifies A only (adding a bias). */
    public static void addToRows(double[] a, int aOff, double[] x, int xOff, int m, int n) {
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * n;
            for (int j = 0; j < n; j++) {
                a[ai + j] += x[xOff + j];
            }
        }
    }
}
