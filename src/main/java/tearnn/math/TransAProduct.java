package tearnn.math;

/**
 * C[m][n] += A[k][m]^T B[k][n], a sum of k outer products (every weight gradient has this form), by
 * whichever route is faster: directly ({@link MatMul#multAddTransA}) while A and B fit in the
 * first-level cache, else by transposing both into this object's workspaces and taking dot
 * products ({@link MatMul#multAddTransB}). Both routes give the same bits. The workspaces grow
 * only when a product is larger than any before, so repeated calls allocate nothing.
 */
public final class TransAProduct {
    private double[] aT = new double[0];
    private double[] bT = new double[0];

    public void multAdd(double[] c, int cOff, double[] a, int aOff, double[] b, int bOff, int m, int n, int k) {
        if (MatMul.transAInCache(m, n, k)) {
            MatMul.multAddTransA(c, cOff, a, aOff, b, bOff, m, n, k);
            return;
        }
        aT = Buffers.grow(aT, m * k);
        bT = Buffers.grow(bT, n * k);
        MatMul.transpose(aT, 0, a, aOff, k, m);
        MatMul.transpose(bT, 0, b, bOff, k, n);
        MatMul.multAddTransB(c, cOff, aT, 0, bT, 0, m, n, k);
    }
}
