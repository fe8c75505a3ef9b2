package tearnn.math;

/**
 * Dense row-major matrix products on {@code double[]} with offsets. Each method accumulates into its
 * first argument ({@code +=}); zeroing is the caller's separate step. Names say the math:
 * {@code TransA} / {@code TransB} mean that operand is read transposed.
 *
 * <p>Every product computes each element of C the same way: a sum over k in increasing order,
 * started from zero, then added to C. So the three products give the same bits on transposed
 * operands, and which one a caller uses is only a question of speed. The work is done in register
 * blocks ({@link DotBlocks}, {@link AxpyBlocks}): several rows and columns of C at once, so each
 * value loaded feeds several products and the independent sums keep the floating-point units busy.
 */
public final class MatMul {
    private MatMul() {
    }

    /**
     * C[m][n] += A[m][k] * B[n][k]^T. Modifies C only. Dot-product form in register blocks: five
     * rows of A against two rows of B give ten independent sums, so each pass over k loads 7
     * values for 20 flops; the leftover rows and columns use narrower blocks.
     */
    public static void multAddTransB(double[] c, int cOff, double[] a, int aOff, double[] b, int bOff,
            int m, int n, int k) {
        int i = 0;
        for (; i + 4 < m; i += 5) {
            int a0 = aOff + i * k;
            int c0 = cOff + i * n;
            int j = 0;
            for (; j + 1 < n; j += 2) {
                DotBlocks.dot5x2(c, c0 + j, n, a, a0, b, bOff + j * k, k);
            }
            if (j < n) {
                DotBlocks.dot5x1(c, c0 + j, n, a, a0, b, bOff + j * k, k);
            }
        }
        for (; i < m; i++) {
            int ai = aOff + i * k;
            int ci = cOff + i * n;
            int j = 0;
            for (; j + 3 < n; j += 4) {
                DotBlocks.dot1x4(c, ci + j, a, ai, b, bOff + j * k, k);
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

    /**
     * C[m][n] += A[m][k] * B[k][n]. Modifies C only. Rows of A against columns of B in register
     * blocks (see {@link AxpyBlocks}); B is read a row at a time, so no transpose is needed.
     */
    public static void multAdd(double[] c, int cOff, double[] a, int aOff, double[] b, int bOff,
            int m, int n, int k) {
        AxpyBlocks.multAdd(c, cOff, a, aOff, k, 1, b, bOff, m, n, k);
    }

    /**
     * C[m][n] += A[k][m]^T * B[k][n]. Modifies C only. As {@link #multAdd}, reading A by columns: a
     * sum of k outer products. Fast where {@link #transAInCache} holds; {@link TransAProduct} picks
     * the route.
     */
    public static void multAddTransA(double[] c, int cOff, double[] a, int aOff, double[] b, int bOff,
            int m, int n, int k) {
        AxpyBlocks.multAdd(c, cOff, a, aOff, 1, m, b, bOff, m, n, k);
    }

    /** Doubles that fit in the first-level data cache (32 KB) with room to spare. */
    private static final int CACHE_DOUBLES = 4096;

    /**
     * Whether A[k][m] and B[k][n] together fit in the first-level cache, so that {@link #multAddTransA}
     * can read them across rows directly. When they do not, its strided reads (rows of A a power of
     * two apart map to the same cache set) are slower than transposing both first.
     */
    static boolean transAInCache(int m, int n, int k) {
        return (long) k * (m + n) <= CACHE_DOUBLES;
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
        addColumnSums(y, yOff, a, aOff, m, n, n);
    }

    /**
     * y[n] += sum over the m rows of A, for n columns of rows {@code stride} apart (some of the
     * columns of a wider matrix: each column sums its rows in the same order whichever are taken).
     */
    public static void addColumnSums(double[] y, int yOff, double[] a, int aOff, int m, int n, int stride) {
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * stride;
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
