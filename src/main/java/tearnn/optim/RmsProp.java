package tearnn.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/** RMSProp, PyTorch's: {@code v = alpha v + (1 - alpha) g^2; w -= lr g / (sqrt(v) + eps)}. */
public final class RmsProp extends Optimizer {
    private final double alpha;
    private final double eps;
    private final double[] square;

    public RmsProp(int n, double alpha, double eps) {
        checkRange("alpha", alpha, 0, 1);
        checkRange("eps", eps, 0, 1);
        this.alpha = alpha;
        this.eps = eps;
        this.square = stateArray("square_avg", n);
    }

    @Override
    public OptimizerKind kind() {
        return OptimizerKind.RMSPROP;
    }

    private double lr;

    @Override
    protected void prepare(double rate) {
        lr = rate;
    }

    @Override
    public void update(double[] w, double[] g, int from, int to) {
        double[] square = this.square;
        double alpha = this.alpha;
        double lr = this.lr;
        double eps = this.eps;
        for (int i = from; i < to; i++) {
            square[i] = alpha * square[i] + (1 - alpha) * g[i] * g[i];
            w[i] -= lr * g[i] / (Math.sqrt(square[i]) + eps);
        }
    }

    @Override
    public Map<String, Double> hyperparameters() {
        Map<String, Double> h = new LinkedHashMap<>();
        h.put("alpha", alpha);
        h.put("eps", eps);
        return h;
    }
}
