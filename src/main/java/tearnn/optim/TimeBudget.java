package tearnn.optim;

import tearnn.math.Fn;

/**
 * Training for a fixed time ("train for 3 minutes"): the learning rate follows the fraction f of the
 * time spent, a short linear warm-up and then a cosine decay that reaches 0 as the time runs out,
 * so the model a person gets at the end is the settled one, not one still jumping at full rate.
 *
 * <pre>
 *   scale(f) = 0.1 + 0.9 f / w                    f &lt; w      (warm-up, w = 3% of the time)
 *   scale(f) = (1 + cos(pi (f - w) / (1 - w))) / 2  w &lt;= f &lt; 1
 *   scale(f) = 0                                  f &gt;= 1
 * </pre>
 *
 * The trainer's rate is the schedule's times this scale (the trainer's rate scale).
 */
public record TimeBudget(double seconds) {
    /** The warm-up, as a fraction of the budget. */
    public static final double WARM_UP = 0.03;
    /** The longest budget: a day. */
    public static final double MAX_SECONDS = 86_400;

    public TimeBudget {
        if (!(seconds > 0 && seconds <= MAX_SECONDS)) {
            throw new IllegalArgumentException("the time budget must be a number of seconds from more than 0 to "
                    + (int) MAX_SECONDS + " (a day), got " + seconds);
        }
    }

    /** Reads a budget given as text ("180", "90.5"), refusing anything else with a message that says why. */
    public static TimeBudget parse(String text) {
        double s;
        try {
            s = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the time budget must be a number of seconds, got '" + text + "'");
        }
        return new TimeBudget(s);
    }

    /** The fraction of the budget that {@code elapsed} seconds are (may pass 1). */
    public double fraction(double elapsed) {
        return Math.max(0, elapsed) / seconds;
    }

    /** The learning-rate scale at fraction f of the budget (see the class comment). */
    public static double scale(double f) {
        if (f >= 1) {
            return 0;
        }
        if (f < WARM_UP) {
            return 0.1 + 0.9 * Math.max(f, 0) / WARM_UP;
        }
        return (1 + Fn.cosPi((f - WARM_UP) / (1 - WARM_UP))) / 2;
    }
}
