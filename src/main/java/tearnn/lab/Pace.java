package tearnn.lab;

import tearnn.bench.Timing;

/**
 * How fast a panel's model computes here (floating-point operations a second), measured call by
 * call, and the loop that fills a time budget with work of that size: the engine's parts of steps
 * and windows are counted in operations, the page's calls in milliseconds.
 */
final class Pace {
    /** Operations a second assumed before the first measure: low, so a first call ends early. */
    private static final double FIRST_SPEED = 3e8;
    private final Timing.Clock clock;
    private double speed = FIRST_SPEED;

    Pace(Timing.Clock clock) {
        this.clock = clock;
    }

    /** Work that takes a budget of operations and says how many it did. */
    interface Work {
        double run(double flops);
    }

    /**
     * Runs {@code work} in pieces sized by the speed measured so far, until about {@code seconds}
     * have passed or {@code more} says there is nothing left (checked after each piece).
     */
    void fill(double seconds, Work work, java.util.function.BooleanSupplier more) {
        double start = clock.seconds();
        do {
            double left = Math.max(seconds - (clock.seconds() - start), seconds / 10);
            double t0 = clock.seconds();
            double flops = work.run(left * speed);
            double took = clock.seconds() - t0;
            if (took > 0.002 && flops > 0) {
                // quick to believe a slower speed (a call ran long), slow to believe a faster one
                double measured = flops / took;
                speed = measured < speed ? measured : 0.8 * speed + 0.2 * measured;
            }
        } while (clock.seconds() - start < 0.8 * seconds && more.getAsBoolean());
    }
}
