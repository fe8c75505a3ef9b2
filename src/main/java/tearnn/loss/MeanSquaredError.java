package tearnn.loss;

/** Squared error on real targets, element-wise: {@code loss = (y - t)^2}; gradient {@code 2 (y - t)}. */
public final class MeanSquaredError implements Loss {
    @Override
    public String id() {
        return "mse";
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
                double d = y[j] - values[j];
                total += d * d;
                if (dy != null) {
                    dy[j] = 2 * d * scale;
                }
            }
        }
        return total;
    }
}
