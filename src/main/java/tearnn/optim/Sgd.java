package tearnn.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stochastic gradient descent, PyTorch's {@code SGD} (dampening 0):
 * <pre>
 *   g = g + wd w
 *   buf = momentum buf + g         (buf = g on the first step)
 *   g = nesterov ? g + momentum buf : buf
 *   w = w - lr g
 * </pre>
 */
public final class Sgd extends Optimizer {
    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;
    private final double[] buf;

    public Sgd(int n, double momentum, boolean nesterov, double weightDecay) {
        checkRange("momentum", momentum, 0, 1);
        checkRange("weight decay", weightDecay, 0, 1);
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("nesterov momentum needs momentum > 0");
        }
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
        this.buf = momentum > 0 ? stateArray("momentum_buffer", n) : null;
    }

    @Override
    public OptimizerKind kind() {
        return OptimizerKind.SGD;
    }

    private double lr;

    @Override
    protected void prepare(double rate) {
        lr = rate;
    }

    @Override
    public void update(double[] w, double[] g, int from, int to) {
        boolean first = steps == 1;
        // locals, not fields, in the loop (see Adam)
        double[] buf = this.buf;
        double momentum = this.momentum;
        boolean nesterov = this.nesterov;
        double weightDecay = this.weightDecay;
        double lr = this.lr;
        for (int i = from; i < to; i++) {
            double d = g[i] + weightDecay * w[i];
            if (buf != null) {
                buf[i] = first ? d : momentum * buf[i] + d;
                d = nesterov ? d + momentum * buf[i] : buf[i];
            }
            w[i] -= lr * d;
        }
    }

    @Override
    public Map<String, Double> hyperparameters() {
        Map<String, Double> h = new LinkedHashMap<>();
        h.put("momentum", momentum);
        h.put("nesterov", nesterov ? 1.0 : 0.0);
        h.put("weight_decay", weightDecay);
        return h;
    }
}
