package tearnn.optim;

import java.util.Map;

/** The optimizers, with the names model files, the page and the command line use. */
public enum OptimizerKind {
    SGD("sgd"),
    ADAGRAD("adagrad"),
    RMSPROP("rmsprop"),
    ADAM("adam"),
    /** Adam with decoupled weight decay (Loshchilov and Hutter 2019). */
    ADAMW("adamw");

    public final String id;

    OptimizerKind(String id) {
        this.id = id;
    }

    /**
     * An optimizer of this kind for a buffer of n parameters; hyperparameters missing from {@code h}
     * (which may be null) take PyTorch's defaults.
     */
    public Optimizer create(Map<String, Double> h, int n) {
        return switch (this) {
            case SGD -> new Sgd(n, get(h, "momentum", 0), get(h, "nesterov", 0) != 0, get(h, "weight_decay", 0));
            case ADAGRAD -> new Adagrad(n, get(h, "eps", 1e-10));
            case RMSPROP -> new RmsProp(n, get(h, "alpha", 0.99), get(h, "eps", 1e-8));
            case ADAM -> new Adam(n, get(h, "beta1", 0.9), get(h, "beta2", 0.999), get(h, "eps", 1e-8),
                    get(h, "weight_decay", 0), false);
            case ADAMW -> new Adam(n, get(h, "beta1", 0.9), get(h, "beta2", 0.999), get(h, "eps", 1e-8),
                    get(h, "weight_decay", 0.01), true);
        };
    }

    /** An optimizer of this kind with PyTorch's default hyperparameters. */
    public Optimizer create(int n) {
        return create(null, n);
    }

    private static double get(Map<String, Double> h, String k, double fallback) {
        Double v = h == null ? null : h.get(k);
        return v == null ? fallback : v;
    }

    public static OptimizerKind parse(String id) {
        for (OptimizerKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown optimizer '" + id + "' (expected sgd, adagrad, rmsprop, adam or adamw)");
    }
}
