package tearnn.loss;

/** Squared error on real targets, element-wise: {@code loss = (y - t)^2}; gradient {@code 2 (y - t)}. */
public final class MeanSquaredError extends ElementwiseLoss {
    @Override
    public LossKind kind() {
        return LossKind.MSE;
    }

    @Override
    double element(double y, double t, double[] dy, int j, double scale) {
        double d = y - t;
        if (dy != null) {
            dy[j] = 2 * d * scale;
        }
        return d * d;
    }
}
