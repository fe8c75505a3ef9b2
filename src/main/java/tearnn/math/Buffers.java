package tearnn.math;

/** Workspaces that grow to the largest size asked for and are then reused (no allocation per step). */
public final class Buffers {
    private Buffers() {
    }

    /** {@code a} if it holds at least n values, else a new array of n. */
    public static double[] grow(double[] a, int n) {
        return a.length >= n ? a : new double[n];
    }
}
