package tearnn.task;

import java.util.List;

/**
 * How a classifier did on a set of examples: the confusion matrix (rows the true class, columns the
 * predicted one), and from it the accuracy, each class's precision and recall, and the majority
 * baseline (the share a model that always answers the training part's most frequent class gets).
 *
 * @param confusion confusion[true][predicted], counts
 * @param majority  the training part's most frequent class
 * @param attention with attention pooling, attention[true class][step]: the mean weight the model gave
 *                  each step of the examples of that class (each example's weights sum to 1); else null
 */
public record ClassificationMetrics(List<String> classes, int[][] confusion, int majority, double[][] attention) {

    public int total() {
        int n = 0;
        for (int[] row : confusion) {
            for (int v : row) {
                n += v;
            }
        }
        return n;
    }

    /** The share predicted right. */
    public double accuracy() {
        int right = 0;
        for (int c = 0; c < confusion.length; c++) {
            right += confusion[c][c];
        }
        return total() == 0 ? 0 : right / (double) total();
    }

    /** The share of these examples whose class is the training part's most frequent one. */
    public double majorityBaseline() {
        int n = 0;
        for (int v : confusion[majority]) {
            n += v;
        }
        return total() == 0 ? 0 : n / (double) total();
    }

    /** Of the examples predicted as class c, the share that are (NaN: none predicted so). */
    public double precision(int c) {
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[c];
        }
        return predicted == 0 ? Double.NaN : confusion[c][c] / (double) predicted;
    }

    /** Of the examples of class c, the share predicted so (NaN: none here). */
    public double recall(int c) {
        int n = 0;
        for (int v : confusion[c]) {
            n += v;
        }
        return n == 0 ? Double.NaN : confusion[c][c] / (double) n;
    }

    /** The matrix and each class's precision and recall as a text table, for the command line. */
    public String table() {
        int w = 6;
        for (String c : classes) {
            w = Math.max(w, c.length() + 1);
        }
        StringBuilder b = new StringBuilder(String.format("%-" + w + "s", "true\\said"));
        for (String c : classes) {
            b.append(String.format("%" + w + "s", c));
        }
        b.append("   precision  recall\n");
        for (int r = 0; r < classes.size(); r++) {
            b.append(String.format("%-" + w + "s", classes.get(r)));
            for (int c = 0; c < classes.size(); c++) {
                b.append(String.format("%" + w + "d", confusion[r][c]));
            }
            b.append(String.format("   %9s  %6s%n", percent(precision(r)), percent(recall(r))));
        }
        return b.toString();
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.1f%%", 100 * v);
    }
}
