package tearnn.lab;

import java.util.ArrayList;
import java.util.List;
import tearnn.json.JsonObject;
import tearnn.json.JsonWriter;
import tearnn.math.Rng;
import tearnn.model.SavedModel;
import tearnn.nn.CellType;
import tearnn.sample.Sampler;
import tearnn.task.Corpus;
import tearnn.task.Evaluation;
import tearnn.task.Grammar;
import tearnn.task.LanguageModelSettings;
import tearnn.task.LanguageModelTask;
import tearnn.text.Tokenizer;
import tearnn.text.Vocabulary;

/** The page's next-word panel: corpus, model, training progress, predictions and generation. */
final class WordSession {
    /** Largest text accepted from the page (characters). */
    static final int MAX_TEXT = 5_000_000;
    static final int GRAMMAR_WORDS = 40_000;
    /** The live validation perplexity is measured on at most this many held-out tokens. */
    static final int VALIDATION_TOKENS = 20_000;

    final LanguageModelTask task;
    final LanguageModelSettings settings;
    final double bestPerplexity;
    final boolean builtin;
    final String text;
    /** The validation in progress and the training step it measures (null: none). */
    private Evaluation validation;
    private int validationStep;

    WordSession(JsonObject s, String text) {
        this(s, text, null);
    }

    /** A session for {@code text} (null: the built-in grammar corpus), optionally continuing a loaded model. */
    WordSession(JsonObject s, String givenText, SavedModel loaded) {
        boolean chars = loaded != null ? loaded.tokenizer.characterLevel()
                : Fields.choice(s, "level", "word", "word", "char").equals("char");
        settings = new LanguageModelSettings(chars, Fields.integer(s, "vocab", chars ? 200 : 5000, 2, 100_000),
                Fields.cell(s, "cell", CellType.LSTM), Fields.integer(s, "layers", 1, 1, 4),
                Fields.integer(s, "hidden", 64, 1, 1024), Fields.integer(s, "embedding", 32, 0, 512),
                Fields.integer(s, "bptt", 20, 1, 400), Fields.integer(s, "batch", 16, 1, 256),
                Fields.choice(s, "optimizer", "adam", "sgd", "adagrad", "rmsprop", "adam", "adamw"),
                Fields.number(s, "lr", chars ? 0.003 : 0.01, 1e-6, 10), Fields.number(s, "clip", 5, 0, 1000),
                Fields.number(s, "dropout", 0, 0, 0.9), Fields.integer(s, "seed", 1, Integer.MIN_VALUE, Integer.MAX_VALUE));
        builtin = givenText == null;
        String t = givenText;
        double best = Double.NaN;
        if (builtin) {
            Grammar g = new Grammar();
            t = new Tokenizer(false, true).join(g.generate(GRAMMAR_WORDS, new Rng(1)));
            best = g.bestPerplexity();
        } else if (t.length() > MAX_TEXT) {
            throw new FieldException("text", "the text is " + t.length() + " characters long; the page takes at most " + MAX_TEXT
                    + " (about 5 MB). Use the command line for bigger texts.");
        }
        text = t;
        bestPerplexity = chars ? Double.NaN : best;
        Corpus corpus;
        try {
            if (loaded != null) {
                corpus = Corpus.fromText(t, loaded.tokenizer, loaded.vocabulary, 0, 0.1);
            } else {
                corpus = Corpus.fromText(t, new Tokenizer(chars, !chars), settings.vocabularyCap(), 0.1);
            }
        } catch (IllegalArgumentException e) {
            throw new FieldException("text", e.getMessage());
        }
        try {
            task = loaded != null ? LanguageModelTask.resume(corpus, settings, loaded)
                    : new LanguageModelTask(corpus, settings);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new FieldException(m.contains("BPTT") ? "bptt" : "text", m);
        }
    }

    void describe(JsonWriter out) {
        Corpus c = task.corpus();
        out.name("level").value(settings.characters() ? "char" : "word")
                .name("trainTokens").value(c.train.length).name("validationTokens").value(c.validation.length)
                .name("vocabulary").value(c.vocabulary.size()).name("unknownRate").value(c.unknownRate())
                .name("parameters").value(task.model().params().size()).name("builtin").value(builtin)
                .name("cell").value(task.model().architecture().cell().id)
                .name("steps").value(task.trainer().optimizer().steps());
        if (!Double.isNaN(bestPerplexity)) {
            out.name("bestPerplexity").value(bestPerplexity);
        }
    }

    void train(int n, JsonWriter out) {
        double loss = task.train(n);
        out.name("loss").value(loss).name("tokens").value((double) task.tokensSeen()).name("epoch").value(task.epoch())
                .name("steps").value(task.trainer().optimizer().steps());
    }

    /**
     * Advances the validation by up to {@code windows} windows of held-out text (starting one if none
     * is under way or the model has trained since); when it is complete, reports the perplexity.
     */
    void validate(int windows, JsonWriter out) {
        int step = task.trainer().optimizer().steps();
        if (validation == null || validationStep != step) {
            validation = task.validation(VALIDATION_TOKENS);
            validationStep = step;
        }
        boolean done = validation.advance(windows);
        out.name("done").value(done).name("fraction").value(validation.fraction());
        if (done) {
            out.name("perplexity").value(Math.exp(validation.loss())).name("tokens").value((double) validation.tokens());
            validation = null;
        }
    }

    /** The prompt's tokens (empty prompts start from the most common token). */
    int[] encodePrompt(String prompt) {
        Corpus c = task.corpus();
        List<String> tokens = c.tokenizer.tokenize(prompt == null ? "" : prompt);
        if (tokens.isEmpty()) {
            return new int[] {c.vocabulary.size() > 1 ? 1 : 0};
        }
        return c.vocabulary.encode(tokens);
    }

    void predict(String prompt, int k, JsonWriter out) {
        Vocabulary v = task.corpus().vocabulary;
        Sampler s = new Sampler(task.model());
        int[] p = encodePrompt(prompt);
        s.prime(p);
        double[] dist = s.distribution(1);
        out.name("unknown").beginArray();
        List<String> toks = task.corpus().tokenizer.tokenize(prompt == null ? "" : prompt);
        for (String t : toks) {
            if (!v.contains(t)) {
                out.value(t);
            }
        }
        out.endArray();
        out.name("top").beginArray();
        for (int i : Sampler.topK(dist, k)) {
            out.beginObject().name("token").value(v.token(i)).name("p").value(dist[i]).endObject();
        }
        out.endArray();
    }

    void generate(String prompt, int n, double temperature, int topK, boolean greedy, int seed, JsonWriter out) {
        Vocabulary v = task.corpus().vocabulary;
        Sampler s = new Sampler(task.model());
        int[] gen = s.generate(encodePrompt(prompt), n, greedy, temperature, topK, new Rng(seed));
        List<String> words = new ArrayList<>();
        for (int g : gen) {
            words.add(v.token(g));
        }
        String joined = task.corpus().tokenizer.join(words);
        out.name("text").value(joined);
    }

    SavedModel saved() {
        return task.saved();
    }
}
