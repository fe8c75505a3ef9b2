package tearnn.task;

import java.util.List;
import tearnn.math.Rng;
import tearnn.nn.CellType;
import tearnn.text.Tokenizer;

public class LmExperiment {
    public static void main(String[] args) {
        Grammar g = new Grammar();
        List<String> words = g.generate(Integer.parseInt(args[0]), new Rng(1));
        String text = new Tokenizer(false, true).join(words);
        Corpus c = Corpus.fromText(text, new Tokenizer(false, true), 1000, 0.1);
        System.out.println("vocab " + c.vocabulary.size() + " train " + c.train.length + " best " + g.bestPerplexity());
        LanguageModelSettings s = new LanguageModelSettings(false, 1000, CellType.parse(args[1]), 1, Integer.parseInt(args[2]), 16, 20, 16,
                "adam", Double.parseDouble(args[3]), 5, 0, 1);
        LanguageModelTask task = new LanguageModelTask(c, s);
        long t0 = System.nanoTime();
        for (int i = 0; i < Integer.parseInt(args[4]); i++) {
            double loss = task.train(100);
            System.out.printf("step %d loss %.4f val ppl %.4f (%.1fs)%n", (i + 1) * 100, loss, task.validationPerplexity(),
                    (System.nanoTime() - t0) / 1e9);
        }
    }
}
