package tearnn.loss;

import tearnn.math.Fn;

/**
 * Softmax cross-entropy on class targets: {@code p = softmax(y)}, loss {@code -log p[k]}; gradient
 * {@code p - onehot(k)}. Computed with the row maximum subtracted, so large logits do not overflow.
 */
public final class SoftmaxCrossEntropy implements Loss {
    @Override
    public LossKind kind() {
        return LossKind.SOFTMAX_CE;
    }

    @Override
    public boolean classTargets() {
        return true;
    }

    @Override
    public int elementsPerRow(int outputs) {
        return 1;
    }

    @Override
    public double sum(double total, double[] y, int from, int to, int o, int[] classes, double[] values,
            double[] rowWeight, double[] dy, double scale) {
        for (int r = from; r < to; r++) {
            int base = r * o;
            if (rowWeight != null && rowWeight[r] == 0) {
                if (dy != null) {
                    java.util.Arrays.fill(dy, base, base + o, 0.0);
                }
                continue;
            }
            int k = classes[r];
            if (k < 0 || k >= o) {
                throw new IllegalArgumentException("target class " + k + " at row " + r + " is outside [0, " + o + ")");
            }
            double max = y[base];
            for (int j = 1; j < o; j++) {
                max = Math.max(max, y[base + j]);
            }
            double z = 0;
            for (int j = 0; j < o; j++) {
                z += Fn.exp(y[base + j] - max);
            }
            total += Math.log(z) - (y[base + k] - max);
            if (dy != null) {
                double inv = scale / z;
                for (int j = 0; j < o; j++) {
                    dy[base + j] = Fn.exp(y[base + j] - max) * inv;
                }
                dy[base + k] -= scale;
            }
        }
        return total;
    }
}
