package tearnn.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import tearnn.file.SavedModel;
import tearnn.optim.TimeBudget;
import tearnn.settings.Setting;
import tearnn.task.Corpus;
import tearnn.task.Grammar;
import tearnn.task.LanguageModelCorpus;
import tearnn.task.LanguageModelSettings;
import tearnn.task.LanguageModelTask;
import tearnn.text.Tokenizer;

/** {@code train}: a word or character model on a text file (or the built-in grammar corpus). */
final class TrainCommand {
    private TrainCommand() {
    }

    static void run(Args a, PrintStream out) throws IOException {
        String textFile = a.string("text", null);
        String validFile = a.string("valid", null);
        int grammarWords = a.integer("grammar-words", 60000);
        String resume = a.string("resume", null);
        a.alias("chars", LanguageModelSettings.LEVEL.name(), "char");
        LanguageModelSettings s = LanguageModelSettings.read(a);
        String seconds = a.string("seconds", null);
        TimeBudget budget = seconds == null ? null : TimeBudget.parse(seconds);
        int steps = a.integer("steps", budget == null ? 2000 : Integer.MAX_VALUE);
        // with a time budget, validation comes at most every tenth of it and takes at most a tenth of the time
        boolean evalGiven = a.has("eval-every");
        int evalEvery = a.integer("eval-every", budget == null ? 200 : Integer.MAX_VALUE);
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
            text = LanguageModelCorpus.grammarText(g, grammarWords);
            best = g.bestPerplexity();
            out.printf("built-in grammar corpus: %d words, best possible perplexity %.3f%n", grammarWords, best);
        }
        String validText = validFile != null ? Main.readText(validFile) : null;
        String textName = textFile == null ? null : Path.of(textFile).getFileName().toString();
        LanguageModelTask task;
        if (resume != null) {
            SavedModel saved = Main.readModel(resume);
            if (saved.vocabulary == null) {
                throw new IllegalArgumentException(resume + " has no vocabulary: it is not a word or character model");
            }
            task = LanguageModelTask.resume(LanguageModelCorpus.assemble(text, textName, validText, textFile == null, s, saved), s, saved);
            out.println("resumed " + resume + " (" + saved.model.architecture().cell().id + ", "
                    + (saved.trainer == null ? "new optimizer" : (long) saved.counter("steps", saved.trainer.optimizer().steps())
                    + " steps done") + ")");
        } else {
            task = new LanguageModelTask(LanguageModelCorpus.assemble(text, textName, validText, textFile == null, s, null), s);
        }
        task.trainer().setThreads(threads);
        Corpus c = task.corpus();
        out.printf("%d training and %d validation tokens%s, vocabulary %d (%.2f%% <unk>), %s, %d parameters, %d thread%s%n",
                c.train.length, c.validation.length, validFile != null ? " (from " + validFile + ")" : "",
                c.vocabulary.size(), 100 * c.unknownRate(), describe(task), task.model().params().size(),
                task.trainer().threads(), task.trainer().threads() == 1 ? "" : "s");
        EarlyStopping stopping = patience > 0 ? new EarlyStopping(patience, 0, false) : null;
        if (budget != null) {
            out.printf("time budget %s s: the learning rate warms up over the first %.1f s, then decays (cosine) to 0 at the end%n",
                    Setting.format(budget.seconds()), budget.seconds() * TimeBudget.WARM_UP);
        }
        long t0 = System.nanoTime();
        long tokens0 = task.tokensSeen();
        int done = 0;
        // the file holds the best model of the run: written when validation improves, not at every evaluation
        double bestSeen = Double.POSITIVE_INFINITY;
        long bestStep = -1;
        double evaluated = 0;
        double evalCost = 0;
        boolean timeUp = false;
        double trainedUntil = 0;
        while (done < steps && !timeUp) {
            int n = Math.min(evalEvery, steps - done);
            double loss;
            if (budget == null) {
                loss = task.train(n);
                done += n;
            } else {
                // step by step, each at the rate of the time spent, until the next validation is due or the time is up
                double sum = 0;
                int k = 0;
                while (k < n) {
                    double elapsed = (System.nanoTime() - t0) / 1e9;
                    double f = budget.fraction(elapsed);
                    if (f >= 1) {
                        timeUp = true;
                        trainedUntil = elapsed;
                        break;
                    }
                    // a validation when due, unless it would run past the end: the last one comes after it anyway
                    if (!evalGiven && k > 0 && elapsed - evaluated >= Math.max(budget.seconds() / 10, 9 * evalCost)
                            && elapsed + evalCost < budget.seconds()) {
                        break;
                    }
                    task.trainer().setRateScale(TimeBudget.scale(f));
                    sum += task.train(1);
                    k++;
                }
                if (k == 0) {
                    break;
                }
                done += k;
                loss = sum / k;
            }
            long e0 = System.nanoTime();
            double ppl = task.validationPerplexity();
            double secs = (System.nanoTime() - t0) / 1e9;
            evaluated = secs;
            evalCost = (System.nanoTime() - e0) / 1e9;
            out.printf("step %6d  epoch %d  train loss %.4f  validation perplexity %.3f%s  %.0f tokens/s  %.0f s%n", done,
                    task.epoch() + 1, loss, ppl, Double.isNaN(best) ? "" : String.format(" (best possible %.3f)", best),
                    (task.tokensSeen() - tokens0) / secs, secs);
            if (ppl < bestSeen) {
                bestSeen = ppl;
                bestStep = task.steps();
                Main.writeModel(outFile, task.saved());
            }
            if (stopping != null) {
                stopping.record(ppl);
                if (stopping.shouldStop()) {
                    out.println("early stop: no improvement in " + patience + " evaluations");
                    break;
                }
            }
        }
        if (timeUp) {
            out.printf("time up: training stopped at %.2f s after %d steps, the last at %.4f of the learning rate (the validation"
                    + " after it took %.1f s)%n", trainedUntil, done, task.trainer().currentRate() / s.learningRate(), evalCost);
        }
        if (bestStep < 0) {
            out.println("nothing written: no evaluation gave a finite validation perplexity");
        } else {
            out.printf("wrote %s: the model of step %d, the best validation perplexity of this run (%.3f)%n", outFile, bestStep,
                    bestSeen);
        }
    }

    /** How the text was split and what the output layer is, as the run's first lines say it. */
    static String describe(LanguageModelTask task) {
        Tokenizer t = task.corpus().tokenizer;
        String split = t.characterLevel() ? "characters" : t.splitsOnSpaces() ? "pre-tokenized words (split at spaces, <eos> at line ends)"
                : "words";
        return split + ", " + task.model().architecture().output();
    }
}
