package tearnn.optim;

import tearnn.math.Fn;

/**
 * Learning rate as a function of the update count t (0 for the first update). One record per
 * kind; {@link #rate} gives the rate for update t.
 */
public sealed interface Schedule {
    /** The rate for update t (t >= 0). */
    double rate(int t);

    /** The base learning rate (the rate of the first update). */
    double lr();

    /** The same schedule from another base rate (a person changing the rate mid-run keeps the schedule's shape). */
    Schedule withLr(double lr);

    /** lr, always. */
    record Constant(double lr) implements Schedule {
        @Override
        public Schedule withLr(double rate) {
            return new Constant(rate);
        }

        public Constant {
            checkRate(lr);
        }

        @Override
        public double rate(int t) {
            return lr;
        }
    }

    /** lr * gamma^floor(t / every). */
    record StepDecay(double lr, int every, double gamma) implements Schedule {
        @Override
        public Schedule withLr(double rate) {
            return new StepDecay(rate, every, gamma);
        }

        public StepDecay {
            checkRate(lr);
            if (every <= 0) {
                throw new IllegalArgumentException("step schedule needs every > 0, got " + every);
            }
            if (!(gamma > 0 && gamma <= 1)) {
                throw new IllegalArgumentException("step schedule needs gamma in (0, 1], got " + gamma);
            }
        }

        @Override
        public double rate(int t) {
            double r = lr;
            for (int i = t / every; i > 0 && r > 0; i--) {
                r *= gamma;
            }
            return r;
        }
    }

    /** lr / (1 + k t). */
    record InverseTime(double lr, double k) implements Schedule {
        @Override
        public Schedule withLr(double rate) {
            return new InverseTime(rate, k);
        }

        public InverseTime {
            checkRate(lr);
            if (!(k >= 0) || Double.isInfinite(k)) {
                throw new IllegalArgumentException("inverse-time schedule needs k >= 0, got " + k);
            }
        }

        @Override
        public double rate(int t) {
            return lr / (1 + k * t);
        }
    }

    /** min + (lr - min) (1 + cos(pi min(t, total) / total)) / 2. */
    record Cosine(double lr, int total, double min) implements Schedule {
        @Override
        public Schedule withLr(double rate) {
            return new Cosine(rate, total, Math.min(min, rate));
        }

        public Cosine {
            checkRate(lr);
            if (total <= 0) {
                throw new IllegalArgumentException("cosine schedule needs total > 0, got " + total);
            }
            if (!(min >= 0 && min <= lr)) {
                throw new IllegalArgumentException("cosine schedule needs 0 <= min <= lr, got " + min);
            }
        }

        @Override
        public double rate(int t) {
            double u = Math.min(t, total) / (double) total;
            return min + (lr - min) * (1 + Fn.cosPi(u)) / 2;
        }
    }

    static Schedule constant(double lr) {
        return new Constant(lr);
    }

    static Schedule step(double lr, int every, double gamma) {
        return new StepDecay(lr, every, gamma);
    }

    static Schedule inverseTime(double lr, double k) {
        return new InverseTime(lr, k);
    }

    static Schedule cosine(double lr, int total, double min) {
        return new Cosine(lr, total, min);
    }

    private static void checkRate(double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("learning rate must be finite and >= 0, got " + lr);
        }
    }
}
