package tearnn.optim;

import tearnn.math.Fn;

/**
 * Learning rate as a function of the update count t (0 for the first update):
 * <ul>
 *   <li>{@code constant}: lr</li>
 *   <li>{@code step}: lr * gamma^floor(t / every)</li>
 *   <li>{@code inverse_time}: lr / (1 + k t)</li>
 *   <li>{@code cosine}: min + (lr - min) (1 + cos(pi min(t, total) / total)) / 2</li>
 * </ul>
 */
public record Schedule(String kind, double lr, double gamma, int every, double k, int total, double min) {
    public Schedule {
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("learning rate must be finite and >= 0, got " + lr);
        }
        switch (kind) {
            case "constant" -> { }
            case "step" -> {
                if (every <= 0) {
                    throw new IllegalArgumentException("step schedule needs every > 0, got " + every);
                }
                if (!(gamma > 0 && gamma <= 1)) {
                    throw new IllegalArgumentException("step schedule needs gamma in (0, 1], got " + gamma);
                }
            }
            case "inverse_time" -> {
                if (!(k >= 0) || Double.isInfinite(k)) {
                    throw new IllegalArgumentException("inverse-time schedule needs k >= 0, got " + k);
                }
            }
            case "cosine" -> {
                if (total <= 0) {
                    throw new IllegalArgumentException("cosine schedule needs total > 0, got " + total);
                }
                if (!(min >= 0 && min <= lr)) {
                    throw new IllegalArgumentException("cosine schedule needs 0 <= min <= lr, got " + min);
                }
            }
            default -> throw new IllegalArgumentException("unknown schedule '" + kind
                    + "' (expected constant, step, inverse_time or cosine)");
        }
    }

    public static Schedule constant(double lr) {
        return new Schedule("constant", lr, 1, 1, 0, 1, 0);
    }

    public static Schedule step(double lr, int every, double gamma) {
        return new Schedule("step", lr, gamma, every, 0, 1, 0);
    }

    public static Schedule inverseTime(double lr, double k) {
        return new Schedule("inverse_time", lr, 1, 1, k, 1, 0);
    }

    public static Schedule cosine(double lr, int total, double min) {
        return new Schedule("cosine", lr, 1, 1, 0, total, min);
    }

    /** The learning rate for update t (t >= 0). */
    public double rate(int t) {
        switch (kind) {
            case "step": {
                double r = lr;
                for (int i = t / every; i > 0 && r > 0; i--) {
                    r *= gamma;
                }
                return r;
            }
            case "inverse_time":
                return lr / (1 + k * t);
            case "cosine": {
                double u = Math.min(t, total) / (double) total;
                return min + (lr - min) * (1 + Fn.cosPi(u)) / 2;
            }
            default:
                return lr;
        }
    }
}
