package tearnn.model;

import tearnn.nn.AdaptiveSoftmax;
import tearnn.nn.Params;

/** The adaptive softmax ({@link AdaptiveSoftmax}, tensors under {@code fc.}) as a model's head: class targets, one loss element a row. */
final class AdaptiveHead implements Head {
    private final AdaptiveSoftmax layer;
    private boolean training;

    AdaptiveHead(Params params, int hidden, int classes, OutputLayer output) {
        this.layer = new AdaptiveSoftmax(params, "fc.", hidden, classes, output.cutoffs(), output.divValue(),
                output.headBias());
    }

    @Override
    public void begin(int rows, boolean training) {
        this.training = training;
        layer.begin(rows);
    }

    @Override
    public double lossSum(double total, double[] x, int xOff, int r0, int r1, int[] classes, double[] values,
            double[] rowMask, double scale) {
        return layer.lossSum(total, x, xOff, r0, r1, classes, rowMask, training ? scale : 0);
    }

    @Override
    public void inputGradient(double[] dx, int dxOff, int r0, int n) {
        layer.inputGradient(dx, dxOff, r0, n);
    }

    @Override
    public int gradientUnits() {
        return layer.gradientUnits();
    }

    @Override
    public double unitCost(int unit) {
        return layer.unitCost(unit);
    }

    @Override
    public void weightGradients(double[] x, int xOff, int from, int to) {
        layer.weightGradients(x, xOff, from, to);
    }

    @Override
    public void outputs(double[] y, int yOff, double[] x, int xOff, int n) {
        layer.logProbabilities(y, yOff, x, xOff, n);
    }

    @Override
    public double rowCost() {
        return layer.rowCost();
    }

    @Override
    public int elementsPerRow() {
        return 1;
    }
}
