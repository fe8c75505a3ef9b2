package tearnn.math;

/**
 * C[m][n] += A[k][m]^T B[k][n], a sum of k outer products (every weight gradient has this form), by
 * whichever route is faster: directly ({@link MatMul#multAddTransA}) while A and B fit in the
 * first-level cache, else by transposing both into this object's workspaces and taking dot
 * products ({@link MatMul#multAddTransB}). Both routes give the same bits, and so does computing C
 * a range of rows at a time ({@link #prepare}, then {@link #rows}): each element is its own sum over
 * k in increasing order. On the transposing route, B is transposed once by {@link #prepare} and A a
 * block of columns at a time by {@link #rows} (the columns of A its rows need), so no call does much
 * more than its share. The workspaces grow only when a product is larger than any before, so
 * repeated calls allocate nothing.
 */
public final class TransAProduct {
    private double[] aT = new double[0];
    private double[] bT = new double[0];
    private double[] a;
    private double[] b;
    private int aOff;
    private int bOff;
    private int m;
    private int n;
    private int k;
    private boolean direct;

    public void multAdd(double[] c, int cOff, double[] a, int aOff, double[] b, int bOff, int m, int n, int k) {
        prepare(a, aOff, b, bOff, m, n, k);
        rows(c, cOff, 0, m);
    }

    /** Sets up C += A^T B (transposing A and B if that route is taken); {@link #rows} computes C. */
    public void prepare(double[] a, int aOff, double[] b, int bOff, int m, int n, int k) {
        this.a = a;
        this.b = b;
        this.aOff = aOff;
        this.bOff = bOff;
        this.m = m;
        this.n = n;
        this.k = k;
        direct = MatMul.transAInCache(m, n, k);
        if (!direct) {
            aT = Buffers.grow(aT, m * k);
            bT = Buffers.grow(bT, n * k);
            MatMul.transpose(bT, 0, b, bOff, k, n);
        }
    }

    /** Rows [from, to) of the product {@link #prepare prepared}, added into C (row i at cOff + i*n). */
    public void rows(double[] c, int cOff, int from, int to) {
        if (direct) {
            AxpyBlocks.multAdd(c, cOff + from * n, a, aOff + from, 1, m, b, bOff, to - from, n, k);
        } else {
            // rows [from, to) of A^T: columns [from, to) of A
            for (int p = 0; p < k; p++) {
                int ap = aOff + p * m;
                for (int i = from; i < to; i++) {
                    aT[i * k + p] = a[ap + i];
                }
            }
            MatMul.multAddTransB(c, cOff + from * n, aT, from * k, bT, 0, to - from, n, k);
        }
    }
}
