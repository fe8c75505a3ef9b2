package tearnn.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import tearnn.file.SavedModel;
import tearnn.math.Rng;
import tearnn.sample.GenerationSettings;
import tearnn.sample.Sampler;
import tearnn.text.Tokenizer;
import tearnn.text.Vocabulary;

/** {@code sample}: continues a prime with a saved word or character model. */
final class SampleCommand {
    private SampleCommand() {
    }

    static void run(Args a, PrintStream out) throws IOException {
        String file = a.string("model", null);
        String prime = a.string("prime", null);
        GenerationSettings g = GenerationSettings.read(a);
        int seed = a.integer("seed", 1);
        int top = a.integer("top", 5);
        a.done();
        if (file == null) {
            throw new IllegalArgumentException("sample needs --model FILE.json");
        }
        SavedModel saved = Main.readModel(file);
        if (saved.vocabulary == null) {
            throw new IllegalArgumentException(file + " has no vocabulary: it is not a word or character model");
        }
        Vocabulary v = saved.vocabulary;
        Tokenizer tok = saved.tokenizer;
        List<String> primeTokens = tok.tokenize(prime == null ? (tok.characterLevel() ? "t" : "the") : prime);
        if (primeTokens.isEmpty()) {
            throw new IllegalArgumentException("the prime has no token in it");
        }
        int[] p = v.encode(primeTokens);
        Sampler sampler = new Sampler(saved.model);
        sampler.prime(p);
        double[] dist = sampler.distribution(1);
        out.print("next after the prime:");
        for (int i : Sampler.topK(dist, Math.max(1, top))) {
            out.printf("  %s %.1f%%", show(v.token(i)), 100 * dist[i]);
        }
        out.println();
        int[] gen;
        if (g.beam() > 0) {
            Sampler.Beam b = sampler.beamSearch(p, g.length(), g.beam()).get(0);
            gen = b.tokens();
            out.printf("beam search (width %d), log probability %.3f:%n", g.beam(), b.logProb());
        } else {
            gen = sampler.generate(p, g.length(), g.greedy(), g.temperature(), g.topK(), new Rng(seed));
        }
        List<String> all = new ArrayList<>(primeTokens);
        for (int t : gen) {
            all.add(v.token(t));
        }
        out.println(tok.join(all));
    }

    private static String show(String token) {
        return token.equals("\n") ? "\\n" : token.equals(" ") ? "' '" : token;
    }
}
