package tearnn.cli;

import java.io.IOException;
import java.io.PrintStream;
import tearnn.file.ModelFile;
import tearnn.file.SavedModel;
import tearnn.math.Rng;
import tearnn.task.Corpus;
import tearnn.task.Grammar;
import tearnn.task.LanguageModelSettings;
import tearnn.task.LanguageModelTask;
import tearnn.text.Tokenizer;

/** {@code train}: a word or character model on a text file (or the built-in grammar corpus). */
final class TrainCommand {
    private TrainCommand() {
    }

    static void run(Args a, PrintStream out) throws IOException {
        String textFile = a.string("text", null);
        int grammarWords = a.integer("grammar-words", 60000);
        String resume = a.string("resume", null);
        a.alias("chars", LanguageModelSettings.LEVEL.name(), "char");
        LanguageModelSettings s = LanguageModelSettings.read(a);
        int steps = a.integer("steps", 2000);
        int evalEvery = a.integer("eval-every", 200);
        int patience = a.integer("patience", 0);
        String outFile = a.string("out", "model.json");
        int threads = ThreadsOption.read(a);
        a.done();
        if (steps <= 0 || evalEvery <= 0 || patience < 0) {
            throw new IllegalArgumentException("--steps and --eval-every must be positive, --patience >= 0");
        }

        String text;
        double best = Double.NaN;
        if (textFile != null) {
            text = Main.readText(textFile);
        } else {
            Grammar g = new Grammar();
            text = new Tokenizer(false, true).join(g.generate(grammarWords, new Rng(1)));
            best = g.bestPerplexity();
            out.printf("built-in grammar corpus: %d words, best possible perplexity %.3f%n", grammarWords, best);
        }
        LanguageModelTask task;
        if (resume != null) {
            SavedModel saved = ModelFile.read(Main.readText(resume));
            if (saved.vocabulary == null) {
                throw new IllegalArgumentException(resume + " has no vocabulary: it is not a word or character model");
            }
            Corpus c = Corpus.fromText(text, saved.tokenizer, saved.vocabulary, 0, 0.1);
            task = LanguageModelTask.resume(c, s, saved);
            out.println("resumed " + resume + " (" + saved.model.architecture().cell().id + ", "
                    + (saved.trainer == null ? "new optimizer" : (long) saved.counter("steps", saved.trainer.optimizer().steps())
                    + " steps done") + ")");
        } else {
            Corpus c = Corpus.fromText(text, new Tokenizer(s.characters(), !s.characters()), s.vocabularyCap(), 0.1);
            task = new LanguageModelTask(c, s);
        }
        task.trainer().setThreads(threads);
        Corpus c = task.corpus();
        out.printf("%d training and %d validation tokens, vocabulary %d (%.2f%% <unk>), %d parameters, %d thread%s%n",
                c.train.length, c.validation.length, c.vocabulary.size(), 100 * c.unknownRate(),
                task.model().params().size(), task.trainer().threads(), task.trainer().threads() == 1 ? "" : "s");
        EarlyStopping stopping = patience > 0 ? new EarlyStopping(patience, 0, false) : null;
        long t0 = System.nanoTime();
        long tokens0 = task.tokensSeen();
        int done = 0;
        // the file holds the best model of the run: written when validation improves, not at every evaluation
        double bestSeen = Double.POSITIVE_INFINITY;
        long bestStep = -1;
        while (done < steps) {
            int n = Math.min(evalEvery, steps - done);
            double loss = task.train(n);
            done += n;
            double ppl = task.validationPerplexity();
            double secs = (System.nanoTime() - t0) / 1e9;
            out.printf("step %6d  epoch %d  train loss %.4f  validation perplexity %.3f%s  %.0f tokens/s%n", done,
                    task.epoch(), loss, ppl, Double.isNaN(best) ? "" : String.format(" (best possible %.3f)", best),
                    (task.tokensSeen() - tokens0) / secs);
            if (ppl < bestSeen) {
                bestSeen = ppl;
                bestStep = task.steps();
                Main.writeText(outFile, ModelFile.write(task.saved()));
            }
            if (stopping != null) {
                stopping.record(ppl);
                if (stopping.shouldStop()) {
                    out.println("early stop: no improvement in " + patience + " evaluations");
                    break;
                }
            }
        }
        if (bestStep < 0) {
            out.println("nothing written: no evaluation gave a finite validation perplexity");
        } else {
            out.printf("wrote %s: the model of step %d, the best validation perplexity of this run (%.3f)%n", outFile, bestStep,
                    bestSeen);
        }
    }
}
