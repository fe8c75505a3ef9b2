package tearnn.task;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the adaptive softmax's cutoffs for a vocabulary from how often its tokens occur in the
 * training text (the vocabulary lists them most frequent first, {@code <unk>} at 0): the layout
 * with the fewest expected operations per token, among one to three clusters whose cutoffs lie on a
 * grid (about 8 per doubling of the shortlist). A token costs the head, H (c_0 + n), plus, for the
 * share p_i of tokens in cluster i, that cluster's tail d_i (H + |cluster i|), and a softmax
 * exponential (about a hundred multiply-adds) per score computed.
 */
public final class AdaptiveCutoffs {
    private AdaptiveCutoffs() {
    }

    /** The cutoffs for {@code counts} (by vocabulary index), a hidden size H and PyTorch's div_value. */
    public static int[] choose(long[] counts, int hidden, double divValue) {
        int v = counts.length;
        double[] cumulative = new double[v + 1];
        for (int i = 0; i < v; i++) {
            cumulative[i + 1] = cumulative[i] + counts[i];
        }
        double total = Math.max(cumulative[v], 1);
        List<Integer> grid = new ArrayList<>();
        for (double c = 1; c < v; c *= Math.pow(2, 1.0 / 8)) {
            int k = (int) Math.round(c);
            if (grid.isEmpty() || grid.get(grid.size() - 1) != k) {
                grid.add(k);
            }
        }
        if (grid.isEmpty()) {
            grid.add(Math.max(1, v / 2));
        }
        int[] best = {grid.get(grid.size() / 2)};
        double bestCost = Double.POSITIVE_INFINITY;
        int g = grid.size();
        for (int a = 0; a < g; a++) {
            int[] one = {grid.get(a)};
            double c = cost(one, cumulative, total, hidden, divValue, v);
            if (c < bestCost) {
                bestCost = c;
                best = one;
            }
            for (int b = a + 1; b < g; b++) {
                int[] two = {grid.get(a), grid.get(b)};
                c = cost(two, cumulative, total, hidden, divValue, v);
                if (c < bestCost) {
                    bestCost = c;
                    best = two;
                }
                for (int d = b + 1; d < g; d += 2) {
                    int[] three = {grid.get(a), grid.get(b), grid.get(d)};
                    c = cost(three, cumulative, total, hidden, divValue, v);
                    if (c < bestCost) {
                        bestCost = c;
                        best = three;
                    }
                }
            }
        }
        return best;
    }

    /**
     * Expected operations per token of this layout (infinite where a projection would be empty: the
     * layouts {@link tearnn.nn.AdaptiveSoftmax#projectionWidths} refuses).
     */
    static double cost(int[] cutoffs, double[] cumulative, double total, int hidden, double divValue, int v) {
        if (Math.floor(hidden / Math.pow(divValue, cutoffs.length)) < 1) {
            return Double.POSITIVE_INFINITY;
        }
        double head = cutoffs[0] + cutoffs.length;
        double c = head * (2.0 * hidden + 100);
        for (int i = 0; i < cutoffs.length; i++) {
            int end = i + 1 < cutoffs.length ? cutoffs[i + 1] : v;
            double share = (cumulative[end] - cumulative[cutoffs[i]]) / total;
            double width = Math.floor(hidden / Math.pow(divValue, i + 1));
            int size = end - cutoffs[i];
            c += share * (2.0 * width * (hidden + size) + 100.0 * size);
        }
        return c;
    }
}
