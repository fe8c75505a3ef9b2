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

    /** C[m][n] += A[m][k] * B[k][n]. Modifies C only. Axpy form over rows of B. */
    public static void multAdd(double[] c, int cOff, double[] a, int aOff, double[] b, int bOff,
            int m, int n, int k) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * n;
            int ai = aOff + i * k;
            int p = 0;
            for (; p + 1 < k; p += 2) {
                double a0 = a[ai + p];
                double a1 = a[ai + p + 1];
                if (a0 == 0 && a1 == 0) {
                    continue;
                }
                int b0 = bOff + p * n;
                int b1 = b0 + n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += a0 * b[b0 + j] + a1 * b[b1 + j];
                }
            }
            for (; p < k; p++) {
                double a0 = a[ai + p];
                if (a0 == 0) {
                    continue;
                }
                int b0 = bOff + p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += a0 * b[b0 + j];
                }
            }
        }
    }

    /** C[m][n] += A[k][m]^T * B[k][n]. Modifies C only. A sum of k outer products, axpy form. */
    public static void multAddTransA(double[] c, int cOff, double[] a, int aOff, double[] b, int bOff,
            int m, int n, int k) {
        for (int p = 0; p < k; p++) {
            int ap = aOff + p * m;
            int bp = bOff + p * n;
            for (int i = 0; i < m; i++) {
                double av = a[ap + i];
                if (av == 0) {
                    continue;
                }
                int ci = cOff + i * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += av * b[bp + j];
                }
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
