package tearnn.testing;

import java.util.ArrayList;
import java.util.List;
import tearnn.math.Rng;

/** A made-up data set of texts for the classifier's tests: "label,review" rows, pos or neg. */
public final class MadeUpReviews {
    private MadeUpReviews() {
    }

    /** Reviews of a made-up film: filler words around the one word that says the class. */
    public static String of(int count, int seed) {
        String[] good = {"great", "lovely", "wonderful", "superb", "fun"};
        String[] bad = {"awful", "boring", "dull", "poor", "ugly"};
        String[] filler = {"the", "film", "was", "a", "plot", "acting", "story", "really", "quite", "and", "it", "this", "very"};
        Rng rng = new Rng(seed);
        StringBuilder sb = new StringBuilder("label,review\n");
        for (int i = 0; i < count; i++) {
            boolean positive = rng.nextInt(2) == 0;
            List<String> words = new ArrayList<>();
            for (int n = 3 + rng.nextInt(12); n > 0; n--) {
                words.add(filler[rng.nextInt(filler.length)]);
            }
            words.add(rng.nextInt(words.size() + 1), (positive ? good : bad)[rng.nextInt(5)]);
            sb.append(positive ? "pos" : "neg").append(",\"").append(String.join(" ", words)).append(", truly.\"\n");
        }
        return sb.toString();
    }
}
