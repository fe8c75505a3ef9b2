package tearnn.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/** Adagrad, PyTorch's: {@code sum += g^2; w -= lr g / (sqrt(sum) + eps)}. */
public final class Adagrad extends Optimizer {
    private final double eps;
    private final double[] sum;

    public Adagrad(int n, double eps) {
        checkRange("eps", eps, 0, 1);
        this.eps = eps;
        this.sum = stateArray("sum", n);
    }

    @Override
    public OptimizerKind kind() {
        return OptimizerKind.ADAGRAD;
    }

    private double lr;

    @Override
    protected void prepare(double rate) {
        lr = rate;
    }

    @Override
    public void update(double[] w, double[] g, int from, int to) {
        double[] sum = this.sum;
        double lr = this.lr;
        double eps = this.eps;
        for (int i = from; i < to; i++) {
            sum[i] += g[i] * g[i];
            w[i] -= lr * g[i] / (Math.sqrt(sum[i]) + eps);
        }
    }

    @Override
    public Map<String, Double> hyperparameters() {
        Map<String, Double> h = new LinkedHashMap<>();
        h.put("eps", eps);
        return h;
    }
}
