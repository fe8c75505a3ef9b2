package tearnn.loss;

import tearnn.math.Fn;

/**
 * Sigmoid binary cross-entropy on targets in [0, 1], element-wise, PyTorch's
 * {@code BCEWithLogitsLoss}: {@code loss = max(y, 0) - y t + log(1 + e^-|y|)}; gradient
 * {@code sigmoid(y) - t}.
 */
public final class SigmoidBinaryCrossEntropy extends ElementwiseLoss {
    @Override
    public LossKind kind() {
        return LossKind.SIGMOID_BCE;
    }

    @Override
    double element(double y, double t, double[] dy, int j, double scale) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("binary target " + t + " at element " + j + " is outside [0, 1]");
        }
        double e = Fn.exp(-Math.abs(y));
        if (dy != null) {
            double sigmoid = y >= 0 ? 1 / (1 + e) : e / (1 + e);
            dy[j] = (sigmoid - t) * scale;
        }
        return Math.max(y, 0) - y * t + Math.log1p(e);
    }
}
