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
     * C[m][n] += A[m][k] * B[n][k]^T. Modifies C only. Dot-product form, four rows of B per pass so
     * each load of A feeds four products.
     */
    public static void multAddTransB(double[] c, int cOff, double[] a, int aOff, double[] b, int bOff,
            int m, int n, int k) {
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * k;
            int ci = cOff + i * n;
            int j = 0;
            for (; j + 3 < n; j += 4) {
                int b0 = bOff + j * k;
                int b1 = b0 + k;
                int b2 = b1 + k;
                int b3 = b2 + k;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (int p = 0; p < k; p++) {
                    double av = a[ai + p];
                    s0 += av * b[b0 + p];
                    s1 += av * b[b1 + p];
                    s2 += av * b[b2 + p];
                    s3 += av * b[b3 + p];
                }
                c[ci + j] += s0;
                c[ci + j + 1] += s1;
                c[ci + j + 2] += s2;
                c[ci + j + 3] += s3;
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
