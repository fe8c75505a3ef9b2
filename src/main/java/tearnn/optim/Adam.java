package tearnn.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam and AdamW, PyTorch's formulation:
 * <pre>
 *   Adam:  g = g + wd w             AdamW: w = w (1 - lr wd)
 *   m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2
 *   w = w - (lr / (1 - b1^t)) m / (sqrt(v) / sqrt(1 - b2^t) + eps)
 * </pre>
 * The powers b^t are kept as running products (exact on every platform; no {@code Math.pow}).
 */
public final class Adam extends Optimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean decoupled;
    private final double[] m;
    private final double[] v;
    private double beta1Power = 1;
    private double beta2Power = 1;

    public Adam(int n, double beta1, double beta2, double eps, double weightDecay, boolean decoupled) {
        checkRange("beta1", beta1, 0, 0.999999);
        checkRange("beta2", beta2, 0, 0.999999999);
        checkRange("eps", eps, 0, 1);
        checkRange("weight decay", weightDecay, 0, 1);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
        this.m = stateArray("exp_avg", n);
        this.v = stateArray("exp_avg_sq", n);
    }

    @Override
    public OptimizerKind kind() {
        return decoupled ? OptimizerKind.ADAMW : OptimizerKind.ADAM;
    }

    private double stepSize;
    private double correction2;
    private double decay;
    private double l2;

    @Override
    protected void prepare(double lr) {
        beta1Power *= beta1;
        beta2Power *= beta2;
        stepSize = lr / (1 - beta1Power);
        correction2 = Math.sqrt(1 - beta2Power);
        decay = decoupled ? 1 - lr * weightDecay : 1;
        l2 = decoupled ? 0 : weightDecay;
    }

    @Override
    public void update(double[] w, double[] g, int from, int to) {
        // locals, not fields, in the loop: the compilers to JavaScript and WebAssembly keep them in registers
        double[] m = this.m;
        double[] v = this.v;
        double beta1 = this.beta1;
        double beta2 = this.beta2;
        double eps = this.eps;
        double l2 = this.l2;
        double decay = this.decay;
        double stepSize = this.stepSize;
        double correction2 = this.correction2;
        for (int i = from; i < to; i++) {
            double gi = g[i] + l2 * w[i];
            w[i] *= decay;
            m[i] = beta1 * m[i] + (1 - beta1) * gi;
            v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
            w[i] -= stepSize * m[i] / (Math.sqrt(v[i]) / correction2 + eps);
        }
    }

    @Override
    protected void restored() {
        beta1Power = 1;
        beta2Power = 1;
        for (int t = 0; t < steps; t++) {
            beta1Power *= beta1;
            beta2Power *= beta2;
        }
    }

    @Override
    public Map<String, Double> hyperparameters() {
        Map<String, Double> h = new LinkedHashMap<>();
        h.put("beta1", beta1);
        h.put("beta2", beta2);
        h.put("eps", eps);
        h.put("weight_decay", weightDecay);
        return h;
    }
}
