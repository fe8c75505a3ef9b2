package tearnn.model;

import tearnn.loss.Loss;
import tearnn.math.Buffers;
import tearnn.nn.Dense;
import tearnn.nn.Params;
import tearnn.nn.Tensor;

/**
 * A linear layer ({@code fc.weight}, {@code fc.bias}) and a loss on its outputs: y = W x + b,
 * loss(y); dy from the loss, dx = W^T dy, dW += dy x^T, db += dy. The logits of the pass's rows
 * and their gradients are kept for the backward.
 */
final class DenseHead implements Head {
    private final Dense dense;
    private final Loss loss;
    private final int outputs;
    private double[] logits = new double[0];
    private double[] dLogits = new double[0];
    private boolean training;
    private int rows;

    DenseHead(Params params, int hidden, int outputs, Loss loss) {
        this(new Dense(params, "fc.", hidden, outputs, true), loss);
    }

    /** A head whose weight is the embedding's ({@code fc.weight} is {@code embedding.weight}, tied). */
    DenseHead(Params params, Tensor tiedWeight, Loss loss) {
        this(new Dense(params, "fc.", tiedWeight, true), loss);
    }

    private DenseHead(Dense dense, Loss loss) {
        this.dense = dense;
        this.loss = loss;
        this.outputs = dense.out();
    }

    @Override
    public void begin(int rows, boolean training) {
        this.rows = rows;
        this.training = training;
        logits = Buffers.grow(logits, rows * outputs);
        if (training) {
            dLogits = Buffers.grow(dLogits, rows * outputs);
        }
    }

    @Override
    public double lossSum(double total, double[] x, int xOff, int r0, int r1, int[] classes, double[] values,
            double[] rowMask, double scale) {
        dense.forward(logits, r0 * outputs, x, xOff + r0 * dense.in(), r1 - r0);
        return loss.sum(total, logits, r0, r1, outputs, classes, values, rowMask, training ? dLogits : null, scale);
    }

    @Override
    public void inputGradient(double[] dx, int dxOff, int r0, int n) {
        dense.inputGradient(dx, dxOff, dLogits, r0 * outputs, n);
    }

    @Override
    public int gradientUnits() {
        return outputs;
    }

    @Override
    public double unitCost(int unit) {
        return 2.0 * rows * (dense.in() + 2);
    }

    @Override
    public void weightGradients(double[] x, int xOff, int from, int to) {
        dense.weightGradients(dLogits, x, xOff, rows, from, to);
    }

    @Override
    public void outputs(double[] y, int yOff, double[] x, int xOff, int n) {
        dense.forward(y, yOff, x, xOff, n);
    }

    /** The product, and the loss (an exponential of the softmax takes about a hundred multiply-adds). */
    @Override
    public double rowCost() {
        return 2.0 * dense.in() * outputs + 100.0 * outputs;
    }

    @Override
    public int elementsPerRow() {
        return loss.elementsPerRow(outputs);
    }
}
