package tearnn.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tearnn.nn.AdaptiveSoftmax;

/** The cutoffs chosen from token counts: a valid layout, cheaper than the usual hand-picked ones. */
class AdaptiveCutoffsTest {
    static long[] zipf(int v) {
        long[] counts = new long[v];
        for (int i = 0; i < v; i++) {
            counts[i] = Math.round(1e6 / (i + 1));
        }
        return counts;
    }

    static double cost(int[] cutoffs, long[] counts, int hidden) {
        double[] cumulative = new double[counts.length + 1];
        for (int i = 0; i < counts.length; i++) {
            cumulative[i + 1] = cumulative[i] + counts[i];
        }
        return AdaptiveCutoffs.cost(cutoffs, cumulative, cumulative[counts.length], hidden, 4.0, counts.length);
    }

    @Test
    void aValidLayoutCheaperThanHandPickedOnes() {
        for (int hidden : new int[] {16, 64, 200, 650}) {
            for (int v : new int[] {50, 2001, 10_000, 50_000}) {
                long[] counts = zipf(v);
                int[] c = AdaptiveCutoffs.choose(counts, hidden, 4.0);
                String what = "V " + v + ", H " + hidden + ": " + Arrays.toString(c);
                AdaptiveSoftmax.projectionWidths(hidden, v, c, 4.0); // refuses a bad layout
                double chosen = cost(c, counts, hidden);
                for (int[] other : new int[][] {{v / 5}, {v / 10, v / 2}, {Math.min(2000, v / 2)}}) {
                    if (other[0] > 0 && Math.floor(hidden / Math.pow(4, other.length)) >= 1) {
                        assertTrue(chosen <= cost(other, counts, hidden), what + " costs more than " + Arrays.toString(other));
                    }
                }
                // the full softmax costs H V per token and more: the chosen layout is far cheaper on a big vocabulary
                if (v >= 10_000) {
                    assertTrue(chosen < (2.0 * hidden + 100) * v / 3, what);
                }
            }
        }
    }

    @Test
    void autoMeansAdaptiveForBigWordVocabulariesOnly() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            text.append("w").append((i * 7919) % 2600).append(' ');
        }
        LanguageModelSettings auto = LanguageModelSettings.defaults();
        Corpus words = Corpus.fromText(text.toString(), auto.tokenizer(text.toString()), auto.vocabularyCap(), 0.1);
        assertTrue(words.vocabulary.size() > LanguageModelSettings.ADAPTIVE_ABOVE);
        assertTrue(LanguageModelTask.outputLayer(words, auto).adaptive(), "a word vocabulary of " + words.vocabulary.size());
        Corpus small = Corpus.fromText("the cat sat on the mat . ".repeat(50), auto.tokenizer("x"), auto.vocabularyCap(), 0.1);
        assertEquals(false, LanguageModelTask.outputLayer(small, auto).adaptive());
    }
}
