package tearnn.loss;

/**
 * Sigmoid binary cross-entropy on targets in [0, 1], element-wise, PyTorch's
 * {@code BCEWithLogitsLoss}: {@code loss = max(y, 0) - y t + log(1 + e^-|y|)}; gradient
 * {@code sigmoid(y) - t}.
 */
public final class SigmoidBinaryCrossEntropy implements Loss {
    @Override
    public String id() {
        return "sigmoid_bce";
    }

    @Override
    public boolean classTargets() {
        return false;
    }

    @Override
    public int elementsPerRow(int outputs) {
        return outputs;
    }

    @Override
    public double sum(double[] y, int n, int o, int[] classes, double[] values, double[] rowWeight,
            double[] dy, double scale) {
        double total = 0;
        for (int r = 0; r < n; r++) {
            boolean counted = rowWeight == null || rowWeight[r] != 0;
            for (int j = r * o; j < r * o + o; j++) {
                if (!counted) {
                    if (dy != null) {
                        dy[j] = 0;
                    }
                    continue;
                }
                double t = values[j];
                if (!(t >= 0 && t <= 1)) {
                    throw new IllegalArgumentException("binary target " + t + " at element " + j + " is outside [0, 1]");
                }
                double v = y[j];
                double e = tearnn.math.Fn.exp(-Math.abs(v));
                total += Math.max(v, 0) - v * t + Math.log1p(e);
                if (dy != null) {
                    double s = v >= 0 ? 1 / (1 + e) : e / (1 + e);
                    dy[j] = (s - t) * scale;
                }
            }
        }
        return total;
    }
}
