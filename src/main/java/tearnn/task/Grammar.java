package tearnn.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tearnn.math.Rng;

/**
 * A probabilistic finite-state grammar that writes the default corpus: small English-like sentences
 * ("the old dogs near a cat chase some birds .") in which the verb agrees in number with the subject
 * noun even across a prepositional phrase, so a model must remember the subject's number.
 *
 * <p>It is deterministic: from each state each word leads to one next state, so the state is known
 * from the words so far and the best possible next-word model is the grammar itself. Its entropy
 * rate {@code H = sum_s pi(s) sum_w -p(w|s) ln p(w|s)} (pi the stationary distribution of the state
 * chain) is therefore the lowest cross-entropy per word any model can reach, and {@code exp(H)}
 * the best possible perplexity.
 */
public final class Grammar {
    /** One arc: emit {@code word} with probability {@code p}, then go to {@code next}. */
    private record Arc(String word, double p, String next) {
    }

    private static final String[] NOUNS_SG = {"dog", "cat", "bird", "child", "teacher", "farmer", "horse"};
    private static final String[] NOUNS_PL = {"dogs", "cats", "birds", "children", "teachers", "farmers", "horses"};
    private static final String[] ADJECTIVES = {"old", "small", "happy", "red", "quiet"};
    private static final String[] INTRANSITIVE_SG = {"sleeps", "runs", "sings"};
    private static final String[] INTRANSITIVE_PL = {"sleep", "run", "sing"};
    private static final String[] TRANSITIVE_SG = {"sees", "chases", "likes", "follows"};
    private static final String[] TRANSITIVE_PL = {"see", "chase", "like", "follow"};

    private final Map<String, List<Arc>> states = new LinkedHashMap<>();
    private final String start = "subject";

    public Grammar() {
        nounPhrase("subject", "verb.sg", "verb.pl");
        verbPhrase("verb.sg", true, true);
        verbPhrase("verb.pl", false, true);
        verbPhrase("verb.sg.after", true, false);
        verbPhrase("verb.pl.after", false, false);
        nounPhrase("near.sg", "verb.sg.after", "verb.sg.after");
        nounPhrase("near.pl", "verb.pl.after", "verb.pl.after");
        nounPhrase("object", "end", "end");
        state("end", arc(".", 0.75, start), arc("quietly", 0.1, "end.adverb"), arc("and", 0.15, start));
        state("end.adverb", arc(".", 1.0, start));
        for (Map.Entry<String, List<Arc>> e : states.entrySet()) {
            double sum = 0;
            for (Arc a : e.getValue()) {
                sum += a.p();
                if (!states.containsKey(a.next())) {
                    throw new IllegalStateException("grammar: no state " + a.next());
                }
            }
            if (Math.abs(sum - 1) > 1e-12) {
                throw new IllegalStateException("grammar: state " + e.getKey() + " sums to " + sum);
            }
        }
    }

    private static Arc arc(String w, double p, String next) {
        return new Arc(w, p, next);
    }

    private void state(String name, Arc... arcs) {
        states.put(name, new ArrayList<>(List.of(arcs)));
    }

    /** Determiner, adjectives, noun; the noun's number picks the state after. */
    private void nounPhrase(String name, String afterSg, String afterPl) {
        state(name, arc("the", 0.5, name + ".any"), arc("a", 0.25, name + ".sg"), arc("some", 0.25, name + ".pl"));
        for (String kind : new String[] {"any", "sg", "pl"}) {
            List<Arc> arcs = new ArrayList<>();
            double adj = 0.25 / ADJECTIVES.length;
            for (String a : ADJECTIVES) {
                arcs.add(arc(a, adj, name + "." + kind));
            }
            boolean sg = !kind.equals("pl");
            boolean pl = !kind.equals("sg");
            int nouns = (sg ? NOUNS_SG.length : 0) + (pl ? NOUNS_PL.length : 0);
            double p = 0.75 / nouns;
            if (sg) {
                for (String n : NOUNS_SG) {
                    arcs.add(arc(n, p, afterSg));
                }
            }
            if (pl) {
                for (String n : NOUNS_PL) {
                    arcs.add(arc(n, p, afterPl));
                }
            }
            states.put(name + "." + kind, arcs);
        }
    }

    /** An optional "near" phrase (only right after the subject), then a verb in the subject's number. */
    private void verbPhrase(String name, boolean singular, boolean allowNear) {
        List<Arc> arcs = new ArrayList<>();
        double verbs = allowNear ? 0.8 : 1.0;
        if (allowNear) {
            arcs.add(arc("near", 0.2, singular ? "near.sg" : "near.pl"));
        }
        String[] intr = singular ? INTRANSITIVE_SG : INTRANSITIVE_PL;
        String[] tr = singular ? TRANSITIVE_SG : TRANSITIVE_PL;
        for (String v : intr) {
            arcs.add(arc(v, verbs * 0.4 / intr.length, "end"));
        }
        for (String v : tr) {
            arcs.add(arc(v, verbs * 0.6 / tr.length, "object"));
        }
        states.put(name, arcs);
    }

    /** {@code words} words generated from the start state with {@code rng}, joined by single spaces. */
    public List<String> generate(int words, Rng rng) {
        List<String> out = new ArrayList<>(words);
        String s = start;
        while (out.size() < words) {
            List<Arc> arcs = states.get(s);
            double u = rng.nextDouble();
            Arc chosen = arcs.get(arcs.size() - 1);
            for (Arc a : arcs) {
                u -= a.p();
                if (u < 0) {
                    chosen = a;
                    break;
                }
            }
            out.add(chosen.word());
            s = chosen.next();
        }
        return out;
    }

    /** Entropy rate in nats per word (see the class comment). */
    public double entropyPerWord() {
        List<String> names = new ArrayList<>(states.keySet());
        int n = names.size();
        // stationary distribution: solve pi (P - I) = 0 with sum pi = 1, Gaussian elimination
        double[][] a = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            for (Arc arc : states.get(names.get(i))) {
                a[names.indexOf(arc.next())][i] += arc.p();
            }
            a[i][i] -= 1;
        }
        for (int j = 0; j < n; j++) {
            a[n - 1][j] = 1;
        }
        a[n - 1][n] = 1;
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r != c && a[r][c] != 0) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k <= n; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double h = 0;
        for (int i = 0; i < n; i++) {
            double pi = a[i][n] / a[i][i];
            double hs = 0;
            for (Arc arc : states.get(names.get(i))) {
                hs -= arc.p() * Math.log(arc.p());
            }
            h += pi * hs;
        }
        return h;
    }

    /** The best possible perplexity per word, exp(entropy rate). */
    public double bestPerplexity() {
        return Math.exp(entropyPerWord());
    }

    /**
     * Mean -ln p(word | state) of a word sequence that the grammar generated from its start state:
     * the cross-entropy of the grammar itself on that text. Fails on a word the grammar cannot emit there.
     */
    public double crossEntropy(List<String> words) {
        String s = start;
        double total = 0;
        for (String w : words) {
            Arc found = null;
            for (Arc a : states.get(s)) {
                if (a.word().equals(w)) {
                    found = a;
                    break;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("the grammar cannot emit \"" + w + "\" in state " + s);
            }
            total -= Math.log(found.p());
            s = found.next();
        }
        return total / words.size();
    }

    /** Every word the grammar can emit. */
    public List<String> words() {
        List<String> w = new ArrayList<>();
        for (List<Arc> arcs : states.values()) {
            for (Arc a : arcs) {
                if (!w.contains(a.word())) {
                    w.add(a.word());
                }
            }
        }
        return w;
    }
}
