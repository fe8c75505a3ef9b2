package tearnn.cli;

import java.io.IOException;
import java.io.PrintStream;
import tearnn.math.Rng;
import tearnn.task.Grammar;
import tearnn.text.Tokenizer;

/** {@code corpus}: writes the built-in grammar corpus and says its best possible perplexity. */
final class CorpusCommand {
    private CorpusCommand() {
    }

    static void run(Args a, PrintStream out) throws IOException {
        int words = a.integer("words", 60000);
        int seed = a.integer("seed", 1);
        String file = a.string("out", null);
        a.done();
        if (words <= 0) {
            throw new IllegalArgumentException("--words must be positive, got " + words);
        }
        if (file == null) {
            throw new IllegalArgumentException("corpus needs --out FILE.txt");
        }
        Grammar g = new Grammar();
        Main.writeText(file, new Tokenizer(false, true).join(g.generate(words, new Rng(seed))) + "\n");
        out.printf("wrote %d words to %s; best possible perplexity %.4f (entropy %.4f nats/word)%n", words, file,
                g.bestPerplexity(), g.entropyPerWord());
    }
}
