package tearnn.loss;

/**
 * A loss on real targets {@code values[r][O]}, one term per output element; rows not counted get a
 * zero gradient. Subclasses give the term and its derivative.
 */
abstract class ElementwiseLoss implements Loss {
    @Override
    public final boolean classTargets() {
        return false;
    }

    @Override
    public final int elementsPerRow(int outputs) {
        return outputs;
    }

    /**
     * The loss of output y against target t; if {@code dy} is not null, also stores {@code scale}
     * times its derivative in y at {@code dy[j]} (j names the element in messages too).
     */
    abstract double element(double y, double t, double[] dy, int j, double scale);

    @Override
    public final double sum(double total, double[] y, int from, int to, int o, int[] classes, double[] values,
            double[] rowWeight, double[] dy, double scale) {
        for (int r = from; r < to; r++) {
            boolean counted = rowWeight == null || rowWeight[r] != 0;
            for (int j = r * o; j < r * o + o; j++) {
                if (counted) {
                    total += element(y[j], values[j], dy, j, scale);
                } else if (dy != null) {
                    dy[j] = 0;
                }
            }
        }
        return total;
    }
}
