package tearnn.lab;

import java.util.Arrays;
import tearnn.json.JsonWriter;

/**
 * The steps one training call finished, for the page's curves: each step's loss and gradient norm
 * (before clipping), replied as {@code stepLog: [[step, loss, gradNorm], ...]}. A call that finished
 * more than {@link #MAX_ROWS} steps replies means over runs of consecutive steps (the same number of
 * steps in each, the last run perhaps fewer), each row at its run's last step. A row that is not
 * finite is left out (JSON cannot hold it).
 */
final class StepLog {
    /** At most this many rows a call. */
    static final int MAX_ROWS = 32;
    private double[] losses = new double[16];
    private double[] norms = new double[16];
    private int n;

    void add(double loss, double gradNorm) {
        if (n == losses.length) {
            losses = Arrays.copyOf(losses, 2 * n);
            norms = Arrays.copyOf(norms, 2 * n);
        }
        losses[n] = loss;
        norms[n] = gradNorm;
        n++;
    }

    int size() {
        return n;
    }

    /** Writes the rows; {@code lastStep} is the number of the last step added (steps count from 1). */
    void write(int lastStep, JsonWriter out) {
        int per = (n + MAX_ROWS - 1) / MAX_ROWS;
        double[] row = new double[3];
        out.name("stepLog").beginArray();
        for (int from = 0; from < n; from += per) {
            int to = Math.min(n, from + per);
            double loss = 0;
            double norm = 0;
            for (int i = from; i < to; i++) {
                loss += losses[i];
                norm += norms[i];
            }
            row[0] = lastStep - (n - to);
            row[1] = loss / (to - from);
            row[2] = norm / (to - from);
            if (Double.isFinite(row[1]) && Double.isFinite(row[2])) {
                out.array(row, 0, 3);
            }
        }
        out.endArray();
    }
}
