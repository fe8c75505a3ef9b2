package tearnn.nn;

import java.util.Arrays;
import tearnn.math.Buffers;
import tearnn.math.Fn;
import tearnn.math.MatMul;
import tearnn.math.TransAProduct;

/**
 * Adaptive softmax (Grave et al. 2017, "Efficient softmax approximation for GPUs"), PyTorch's
 * {@code nn.AdaptiveLogSoftmaxWithLoss}: its semantics, its cluster layout and its tensor names.
 * The V classes, most frequent first, are cut by {@code cutoffs} c_0 &lt; c_1 &lt; ... &lt; c_{n-1} &lt; V
 * (with c_n = V) into a shortlist [0, c_0) and n tail clusters [c_i, c_{i+1}). The head scores the
 * shortlist and one entry per cluster; cluster i scores its own classes through a projection of
 * width d_i = floor(H / div^(i+1)):
 *
 * <pre>
 *   head   z = W_h x (+ b_h)                         W_h = head.weight [c_0 + n][H], b_h = head.bias
 *   tail i u_i = W_i1 x,  v_i = W_i2 u_i             W_i1 = tail.i.0.weight [d_i][H],
 *                                                    W_i2 = tail.i.1.weight [c_{i+1} - c_i][d_i]
 *   log p(k) = log_softmax(z)[k]                                    k &lt; c_0
 *   log p(k) = log_softmax(z)[c_0 + i] + log_softmax(v_i)[k - c_i]  c_i &lt;= k &lt; c_{i+1}
 *   loss = -log p(target), summed over the counted rows
 * </pre>
 *
 * Backward (g = scale, the loss's weight per row; e_j a one-hot vector):
 * <pre>
 *   dz   = g (softmax(z) - e_{head entry of the target})
 *   dv_i = g (softmax(v_i) - e_{target - c_i})       only on rows whose target is in cluster i
 *   du_i = W_i2^T dv_i
 *   dx   = W_h^T dz + W_i1^T du_i
 *   dW_h += dz x^T, db_h += dz, dW_i2 += dv_i u_i^T, dW_i1 += du_i x^T   (summed over rows)
 * </pre>
 *
 * A row's tail is computed only where its target lies, so a step costs about H (c_0 + n) per row
 * plus the small tails of the rare rows, where a full softmax costs H V. The rows of a pass come a
 * range at a time ({@link #lossSum}, from row 0 on, in increasing order); each cluster gathers its
 * rows as they come, and the weight gradients wait until all rows are in. Each row is computed on
 * its own, so the bits do not depend on how the rows are cut into ranges.
 */
public final class AdaptiveSoftmax {
    private final Params params;
    private final int in;
    private final int classes;
    /** c_0 .. c_n (c_n = V). */
    private final int[] bounds;
    private final int clusters;
    private final int headSize;
    private final Tensor headWeight;
    private final Tensor headBias;
    private final Tensor[] projection;
    private final Tensor[] output;
    private final int[] width;

    // the pass under way: per row, its cluster (-1: shortlist or not counted) and place in it
    private int rows;
    private int[] clusterOf = new int[0];
    private int[] slot = new int[0];
    /** dz per row ([rows][headSize]); the head's outputs until their gradient replaces them. */
    private double[] dHead = new double[0];
    private final int[][] members;
    private final int[] count;
    private final double[][] u;
    private final double[][] du;
    private final double[][] dv;
    private double[] gathered = new double[0];
    /** Per cluster, its members before the range under way. */
    private final int[] first;
    private double[] v = new double[0];
    private double[] scores = new double[0];
    private double[] projected = new double[0];
    private double[] xs = new double[0];
    private final TransAProduct product = new TransAProduct();

    /**
     * Declares the tensors under {@code prefix} ({@code head.weight}, {@code head.bias} if
     * {@code headBias}, {@code tail.i.0.weight}, {@code tail.i.1.weight}).
     */
    public AdaptiveSoftmax(Params params, String prefix, int in, int classes, int[] cutoffs, double divValue,
            boolean headBias) {
        this.params = params;
        this.in = in;
        this.classes = classes;
        this.width = projectionWidths(in, classes, cutoffs, divValue);
        this.clusters = cutoffs.length;
        this.bounds = Arrays.copyOf(cutoffs, clusters + 1);
        bounds[clusters] = classes;
        this.headSize = cutoffs[0] + clusters;
        this.headWeight = params.add(prefix + "head.weight", headSize, in);
        this.headBias = headBias ? params.addVector(prefix + "head.bias", headSize) : null;
        projection = new Tensor[clusters];
        output = new Tensor[clusters];
        for (int i = 0; i < clusters; i++) {
            projection[i] = params.add(prefix + "tail." + i + ".0.weight", width[i], in);
            output[i] = params.add(prefix + "tail." + i + ".1.weight", bounds[i + 1] - bounds[i], width[i]);
        }
        members = new int[clusters][0];
        count = new int[clusters];
        u = new double[clusters][0];
        du = new double[clusters][0];
        dv = new double[clusters][0];
        first = new int[clusters];
    }

    /**
     * The projection widths d_i = floor(H / div^(i+1)), after checking the layout: cutoffs strictly
     * increasing, the first above 0, the last below V, and every d_i at least 1.
     */
    public static int[] projectionWidths(int in, int classes, int[] cutoffs, double divValue) {
        if (cutoffs.length == 0) {
            throw new IllegalArgumentException("adaptive softmax needs at least one cutoff");
        }
        for (int i = 0; i < cutoffs.length; i++) {
            if (cutoffs[i] <= 0 || cutoffs[i] >= classes) {
                throw new IllegalArgumentException("adaptive softmax cutoffs must lie between 1 and " + (classes - 1)
                        + " (the vocabulary has " + classes + " tokens), got " + cutoffs[i]);
            }
            if (i > 0 && cutoffs[i] <= cutoffs[i - 1]) {
                throw new IllegalArgumentException("adaptive softmax cutoffs must increase, got " + cutoffs[i - 1]
                        + " then " + cutoffs[i]);
            }
        }
        if (!(divValue >= 1 && divValue <= 1024)) {
            throw new IllegalArgumentException("adaptive softmax div_value must be in [1, 1024], got " + divValue);
        }
        int[] w = new int[cutoffs.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = (int) Math.floor(in / Math.pow(divValue, i + 1));
            if (w[i] < 1) {
                throw new IllegalArgumentException("adaptive softmax cluster " + i + " would project " + in + " inputs to "
                        + "floor(" + in + " / " + divValue + "^" + (i + 1) + ") = 0 units: use fewer cutoffs or a smaller div_value");
            }
        }
        return w;
    }

    /** The number of parameters of this layout (in long arithmetic). */
    public static long parameterCount(int in, int classes, int[] cutoffs, double divValue, boolean headBias) {
        int[] w = projectionWidths(in, classes, cutoffs, divValue);
        long head = cutoffs[0] + cutoffs.length;
        long n = head * in + (headBias ? head : 0);
        for (int i = 0; i < w.length; i++) {
            int next = i + 1 < cutoffs.length ? cutoffs[i + 1] : classes;
            n += (long) w[i] * in + (long) (next - cutoffs[i]) * w[i];
        }
        return n;
    }

    public int headSize() {
        return headSize;
    }

    public int clusters() {
        return clusters;
    }

    /** Floating-point operations of one row forward: the head, and (an upper bound) a tail's share. */
    public double rowCost() {
        double c = 2.0 * in * headSize + 100.0 * headSize;
        for (int i = 0; i < clusters; i++) {
            // a tail runs on the rows whose target is in it: about the cluster's share of the rows
            double share = 0.1 / (i + 1);
            c += share * (2.0 * width[i] * (in + bounds[i + 1] - bounds[i]) + 100.0 * (bounds[i + 1] - bounds[i]));
        }
        return c;
    }

    // ---------------------------------------------------------------- forward and loss

    /** Starts a pass over {@code n} rows: no row is in yet. */
    public void begin(int n) {
        rows = n;
        clusterOf = n > clusterOf.length ? new int[n] : clusterOf;
        slot = n > slot.length ? new int[n] : slot;
        dHead = Buffers.grow(dHead, n * headSize);
        Arrays.fill(count, 0);
        for (int c = 0; c < clusters; c++) {
            members[c] = n > members[c].length ? new int[n] : members[c];
        }
    }

    /** {@code a} holding at least n values, its contents kept (doubling: rare rows cost little room). */
    private static double[] keep(double[] a, int n) {
        return a.length >= n ? a : Arrays.copyOf(a, Math.max(n, 2 * a.length));
    }

    /**
     * {@code total} plus -log p(classes[r]) of rows r in [r0, r1) whose {@code rowWeight[r]} is not
     * 0 (null: all), row r read at {@code xOff + r*H}, added one row after another. Keeps what the
     * backward needs ({@code scale}: the gradient's weight per row, as the loss's mean takes it).
     */
    public double lossSum(double total, double[] x, int xOff, int r0, int r1, int[] target, double[] rowWeight,
            double scale) {
        int n = r1 - r0;
        int hz = r0 * headSize;
        Arrays.fill(dHead, hz, hz + n * headSize, 0.0);
        MatMul.multAddTransB(dHead, hz, x, xOff + r0 * in, params.value, headWeight.offset(), n, headSize, in);
        if (headBias != null) {
            MatMul.addToRows(dHead, hz, params.value, headBias.offset(), n, headSize);
        }
        System.arraycopy(count, 0, first, 0, clusters);
        for (int r = r0; r < r1; r++) {
            clusterOf[r] = -1;
            int base = r * headSize;
            if (rowWeight != null && rowWeight[r] == 0) {
                Arrays.fill(dHead, base, base + headSize, 0.0);
                continue;
            }
            int k = target[r];
            if (k < 0 || k >= classes) {
                throw new IllegalArgumentException("target class " + k + " at row " + r + " is outside [0, " + classes + ")");
            }
            int c = clusterOfClass(k);
            int entry = c < 0 ? k : bounds[0] + c;
            total -= softmaxGradient(dHead, base, headSize, entry, scale);
            if (c >= 0) {
                clusterOf[r] = c;
                slot[r] = count[c];
                members[c][count[c]++] = r;
            }
        }
        for (int c = 0; c < clusters; c++) {
            total = tails(total, c, first[c], x, xOff, target, scale);
        }
        return total;
    }

    /**
     * The tail of cluster c on its members [from, count): u = W_1 x, v = W_2 u, the loss
     * -log_softmax(v)[target - c_i] added in row order, dv and du kept.
     */
    private double tails(double total, int c, int from, double[] x, int xOff, int[] target, double scale) {
        int m = count[c] - from;
        if (m == 0) {
            return total;
        }
        int d = width[c];
        int size = bounds[c + 1] - bounds[c];
        // the cluster's workspaces hold its rows so far, however many: they grow keeping them
        u[c] = keep(u[c], count[c] * d);
        du[c] = keep(du[c], count[c] * d);
        dv[c] = keep(dv[c], count[c] * size);
        xs = Buffers.grow(xs, m * in);
        for (int j = 0; j < m; j++) {
            System.arraycopy(x, xOff + members[c][from + j] * in, xs, j * in, in);
        }
        Arrays.fill(u[c], from * d, count[c] * d, 0.0);
        MatMul.multAddTransB(u[c], from * d, xs, 0, params.value, projection[c].offset(), m, d, in);
        Arrays.fill(dv[c], from * size, count[c] * size, 0.0);
        MatMul.multAddTransB(dv[c], from * size, u[c], from * d, params.value, output[c].offset(), m, size, d);
        for (int j = from; j < count[c]; j++) {
            total -= softmaxGradient(dv[c], j * size, size, target[members[c][j]] - bounds[c], scale);
        }
        if (scale != 0) {
            Arrays.fill(du[c], from * d, count[c] * d, 0.0);
            MatMul.multAdd(du[c], from * d, dv[c], from * size, params.value, output[c].offset(), m, d, size);
        }
        return total;
    }

    /**
     * Replaces the scores y[off .. off+n) by {@code scale} (softmax(y) - e_k) and returns
     * log_softmax(y)[k].
     */
    private static double softmaxGradient(double[] y, int off, int n, int k, double scale) {
        double log = Fn.logSumExp(y, off, n);
        double logP = y[off + k] - log;
        for (int j = 0; j < n; j++) {
            y[off + j] = Fn.exp(y[off + j] - log) * scale;
        }
        y[off + k] -= scale;
        return logP;
    }

    private int clusterOfClass(int k) {
        for (int c = clusters - 1; c >= 0; c--) {
            if (k >= bounds[c]) {
                return c;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- backward

    /** dx[n][H] (at dxOff) = W_h^T dz + W_1^T du of rows [r0, r0 + n). Overwrites those rows of dx. */
    public void inputGradient(double[] dx, int dxOff, int r0, int n) {
        Arrays.fill(dx, dxOff, dxOff + n * in, 0.0);
        MatMul.multAdd(dx, dxOff, dHead, r0 * headSize, params.value, headWeight.offset(), n, in, headSize);
        for (int r = r0; r < r0 + n; r++) {
            int c = clusterOf[r];
            if (c >= 0) {
                MatMul.multAdd(dx, dxOff + (r - r0) * in, du[c], slot[r] * width[c], params.value, projection[c].offset(),
                        1, in, width[c]);
            }
        }
    }

    /**
     * The weight gradients come as units, in blocks: the head's rows [0, headSize), then each
     * cluster's projection rows and its output rows.
     */
    public int gradientUnits() {
        int n = 0;
        for (int block = 0; block < 1 + 2 * clusters; block++) {
            n += blockRows(block);
        }
        return n;
    }

    /** Floating-point operations of gradient unit {@code unit} (as {@link #gradientUnits} counts them). */
    public double unitCost(int unit) {
        int at = 0;
        for (int block = 0; block < 1 + 2 * clusters; block++) {
            at += blockRows(block);
            if (unit < at) {
                int c = (block - 1) / 2;
                return block == 0 ? 2.0 * rows * (in + 2) : 2.0 * count[c] * ((block % 2 == 1 ? in : width[c]) + 2);
            }
        }
        return 0;
    }

    /** Rows of gradient block {@code block}: 0 the head, 2c+1 cluster c's projection, 2c+2 its output. */
    private int blockRows(int block) {
        if (block == 0) {
            return headSize;
        }
        int c = (block - 1) / 2;
        return block % 2 == 1 ? width[c] : bounds[c + 1] - bounds[c];
    }

    /**
     * Adds the gradients of units [from, to) over every row of the pass (x as given to
     * {@link #lossSum}). Ranges in increasing order from 0 give the bits of all at once.
     */
    public void weightGradients(double[] x, int xOff, int from, int to) {
        int at = 0;
        for (int block = 0; block < 1 + 2 * clusters; block++) {
            int n = blockRows(block);
            int a = Math.max(from, at) - at;
            int b = Math.min(to, at + n) - at;
            if (a < b) {
                blockGradients(block, x, xOff, a, b);
            }
            at += n;
        }
    }

    /** Rows [a, b) of one block's weight gradient (its first range prepares the product). */
    private void blockGradients(int block, double[] x, int xOff, int a, int b) {
        if (block == 0) {
            // dW_h += dz^T x, db_h += the column sums of dz
            if (headBias != null) {
                MatMul.addColumnSums(params.grad, headBias.offset() + a, dHead, a, rows, b - a, headSize);
            }
            if (a == 0) {
                product.prepare(dHead, 0, x, xOff, headSize, in, rows);
            }
            product.rows(params.grad, headWeight.offset(), a, b);
            return;
        }
        int c = (block - 1) / 2;
        int m = count[c];
        int d = width[c];
        if (block % 2 == 1) {
            // dW_1 += du^T x, x gathered: the cluster's rows
            if (a == 0) {
                gathered = Buffers.grow(gathered, m * in);
                for (int j = 0; j < m; j++) {
                    System.arraycopy(x, xOff + members[c][j] * in, gathered, j * in, in);
                }
                product.prepare(du[c], 0, gathered, 0, d, in, m);
            }
            product.rows(params.grad, projection[c].offset(), a, b);
        } else {
            // dW_2 += dv^T u
            if (a == 0) {
                product.prepare(dv[c], 0, u[c], 0, bounds[c + 1] - bounds[c], d, m);
            }
            product.rows(params.grad, output[c].offset(), a, b);
        }
    }

    // ---------------------------------------------------------------- prediction

    /**
     * y[n][V] (at yOff) = log p(k) for every class k of rows [0, n) of x (at xOff): the full
     * distribution, for predictions, sampling and beam search. Overwrites those rows of y.
     */
    public void logProbabilities(double[] y, int yOff, double[] x, int xOff, int n) {
        double[] z = scores = Buffers.grow(scores, n * headSize);
        Arrays.fill(z, 0, n * headSize, 0.0);
        MatMul.multAddTransB(z, 0, x, xOff, params.value, headWeight.offset(), n, headSize, in);
        if (headBias != null) {
            MatMul.addToRows(z, 0, params.value, headBias.offset(), n, headSize);
        }
        for (int r = 0; r < n; r++) {
            logSoftmax(z, r * headSize, headSize);
            System.arraycopy(z, r * headSize, y, yOff + r * classes, bounds[0]);
        }
        for (int c = 0; c < clusters; c++) {
            int d = width[c];
            int size = bounds[c + 1] - bounds[c];
            double[] p = projected = Buffers.grow(projected, n * d);
            Arrays.fill(p, 0, n * d, 0.0);
            MatMul.multAddTransB(p, 0, x, xOff, params.value, projection[c].offset(), n, d, in);
            v = Buffers.grow(v, n * size);
            Arrays.fill(v, 0, n * size, 0.0);
            MatMul.multAddTransB(v, 0, p, 0, params.value, output[c].offset(), n, size, d);
            for (int r = 0; r < n; r++) {
                logSoftmax(v, r * size, size);
                double head = z[r * headSize + bounds[0] + c];
                int to = yOff + r * classes + bounds[c];
                for (int j = 0; j < size; j++) {
                    y[to + j] = v[r * size + j] + head;
                }
            }
        }
    }

    private static void logSoftmax(double[] y, int off, int n) {
        double log = Fn.logSumExp(y, off, n);
        for (int j = 0; j < n; j++) {
            y[off + j] -= log;
        }
    }
}
