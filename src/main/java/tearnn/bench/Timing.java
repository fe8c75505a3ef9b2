package tearnn.bench;

import java.util.Arrays;

/** Step times in seconds; median, min and max as the workloads spec asks. */
public final class Timing {
    private final double[] seconds;

    public Timing(double[] seconds) {
        if (seconds.length == 0) {
            throw new IllegalArgumentException("no timed steps");
        }
        this.seconds = seconds.clone();
        Arrays.sort(this.seconds);
    }

    public double median() {
        int n = seconds.length;
        return n % 2 == 1 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2;
    }

    public double min() {
        return seconds[0];
    }

    public double max() {
        return seconds[seconds.length - 1];
    }

    /** Runs {@code warmup} untimed then {@code timed} individually timed calls of {@code step}. */
    public static Timing measure(int warmup, int timed, Clock clock, Runnable step) {
        return measure(warmup, 0, timed, clock, step);
    }

    /**
     * As {@link #measure(int, int, Clock, Runnable)}, the warm-up lasting at least {@code warmupSeconds}
     * too: a JIT compiles in the background, and a workload of short steps would otherwise be timed
     * before its code is compiled.
     */
    public static Timing measure(int warmup, double warmupSeconds, int timed, Clock clock, Runnable step) {
        double start = clock.seconds();
        for (int i = 0; i < warmup || clock.seconds() - start < warmupSeconds; i++) {
            step.run();
        }
        double[] s = new double[timed];
        for (int i = 0; i < timed; i++) {
            double t0 = clock.seconds();
            step.run();
            s[i] = clock.seconds() - t0;
        }
        return new Timing(s);
    }

    /** A wall clock, provided by the platform (System.nanoTime on the JVM, performance.now in a browser). */
    public interface Clock {
        double seconds();
    }
}
