package tearnn.lab;

import java.util.ArrayList;
import java.util.List;
import tearnn.file.SavedModel;
import tearnn.json.JsonObject;
import tearnn.json.JsonWriter;
import tearnn.math.Rng;
import tearnn.model.Connectivity;
import tearnn.model.Trace;
import tearnn.sample.GenerationSettings;
import tearnn.sample.Sampler;
import tearnn.settings.Setting;
import tearnn.settings.SettingException;
import tearnn.settings.SettingValues;
import tearnn.task.Corpus;
import tearnn.task.Evaluation;
import tearnn.task.Grammar;
import tearnn.task.LanguageModelCorpus;
import tearnn.task.LanguageModelSettings;
import tearnn.task.LanguageModelTask;
import tearnn.task.TrainingRun;
import tearnn.text.TextOrigin;
import tearnn.text.Tokenizer;
import tearnn.text.Vocabulary;

/** The page's next-word panel: corpus, model, training progress, predictions and generation. */
final class WordSession implements TrainingSession {
    /** Largest text accepted from the page (characters). */
    static final int MAX_TEXT = 5_000_000;
    static final int GRAMMAR_WORDS = 40_000;
    /** The live validation perplexity is measured on at most this many held-out tokens. */
    static final int VALIDATION_TOKENS = 20_000;
    private static final Setting WINDOWS = Setting.integer("windows", "windows", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
    private static final Setting TOP = Setting.integer("k", "k", 5, 1, 50);
    /** Held-out tokens a validation reads (sampled over the whole held-out text): at most 20,000. */
    private static final Setting TOKENS = Setting.integer("tokens", "tokens", VALIDATION_TOKENS, 16, VALIDATION_TOKENS);
    private static final Setting SEED = Setting.integer("seed", "seed", 1, Integer.MIN_VALUE, Integer.MAX_VALUE);
    private static final Setting LENGTH = Setting.integer("length", "length", 120, 1, 400);
    private static final Setting LAYER = Setting.integer("layer", "layer", 1, 1, 64);
    private static final Setting UNIT = Setting.integer("unit", "unit", 0, 0, Integer.MAX_VALUE);

    /**
     * The next-word panel: a model starts from its settings and a corpus (the built-in grammar, or a
     * text and perhaps a held-out text of the person's own); the learning rate and clipping are tunable
     * in training. Its description adds the generation settings ({@code generate}), the longest text
     * the page takes ({@code limits}) and the streams a validation is shared by ({@code validationStreams}).
     */
    static final Panel PANEL = new Panel("word", "word-panel.js", LanguageModelSettings.ALL,
            List.of(LanguageModelSettings.LEARNING_RATE, LanguageModelSettings.CLIP), List.of("settings", "text", "textName", "validText"),
            Panel.verbs("validate", Verb.VALIDATE, "predict", Verb.READ, "generate", Verb.READ, "units", Verb.LEADER),
            WordSession::new, out -> {
                out.name("generate");
                JsonSettings.describe(GenerationSettings.ALL, out);
                out.name("limits").beginObject().name("textCharacters").value(MAX_TEXT).endObject();
                out.name("validationStreams").value(Evaluation.MAX_STREAMS);
            });

    private final LanguageModelTask task;
    private final double bestPerplexity;
    private final boolean builtin;
    /** Whether the held-out text is the person's own second text (else the training text's last tenth). */
    private final boolean heldOutGiven;
    /** The validation in progress and the training call it measures the weights after (null: none). */
    private Evaluation validation;
    /** Connectivity of the top prediction, on a replica of the model made at the first prompt. */
    private Connectivity connectivity;
    private double[] connectivityWeights;
    private int validationCall;
    /** The share of the validation under way (share * 1000 + shares). */
    private int validationShare = 1;
    /** The held-out tokens the validation under way reads at most. */
    private int validationTokens;

    /**
     * A session for the request's {@code text} (absent or null: the built-in grammar corpus) with
     * its {@code settings}, continuing {@code loaded} if it is not null.
     */
    WordSession(JsonObject request, SavedModel loaded) {
        if (loaded != null && loaded.vocabulary == null) {
            throw new SettingException("model", "this model file has no vocabulary: it is not a word or character model");
        }
        SettingValues values = JsonSettings.of(request, "settings");
        LanguageModelSettings settings = LanguageModelSettings.read(values);
        String given = request.has("text") && request.get("text") != null ? request.string("text") : null;
        String validText = request.has("validText") && request.get("validText") != null ? request.string("validText") : null;
        String textName = request.has("textName") && request.get("textName") != null ? request.string("textName") : "your text";
        builtin = given == null;
        boolean chars = loaded != null ? loaded.tokenizer.characterLevel() : settings.characters();
        String text = given;
        double best = Double.NaN;
        if (builtin) {
            Grammar g = new Grammar();
            text = LanguageModelCorpus.grammarText(g, GRAMMAR_WORDS);
            best = g.bestPerplexity();
        } else if (text.length() > MAX_TEXT) {
            throw new SettingException("text", "the text is " + text.length() + " characters long; the page takes at most "
                    + MAX_TEXT + " (about 5 MB). Use the command line for bigger texts.");
        }
        if (validText != null && builtin) {
            throw new SettingException("validText", "a held-out text of your own needs a training text of your own too");
        }
        if (validText != null && validText.length() > MAX_TEXT) {
            throw new SettingException("validText", "the held-out text is " + validText.length() + " characters long; the page"
                    + " takes at most " + MAX_TEXT + " (about 5 MB)");
        }
        bestPerplexity = chars ? Double.NaN : best;
        Corpus corpus;
        try {
            corpus = LanguageModelCorpus.assemble(text, textName, validText, builtin, settings, loaded);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new SettingException(m.contains("validation text") ? "validText" : "text", m);
        }
        heldOutGiven = validText != null;
        task = loaded != null ? LanguageModelTask.resume(corpus, settings, loaded) : new LanguageModelTask(corpus, settings);
    }

    /**
     * {@code trainedOn}: the text the model was last trained on, {name, characters, same} (same: it
     * is the text it trains on now), or null where its file does not say.
     */
    private void trainedOn(JsonWriter out) {
        TextOrigin o = task.trainedOn();
        out.name("trainedOn");
        if (o == null) {
            out.value((String) null);
            return;
        }
        out.beginObject().name("name").value(o.name()).name("characters").value(o.characters())
                .name("same").value(o.sameText(task.corpus().origin)).endObject();
    }

    @Override
    public void describe(JsonWriter out) {
        Corpus c = task.corpus();
        out.name("level").value(task.settings().characters() ? "char" : "word")
                .name("trainTokens").value(c.train.length).name("validationTokens").value(c.validation.length)
                .name("vocabulary").value(c.vocabulary.size()).name("unknownRate").value(c.unknownRate())
                .name("unigramPerplexity").value(c.unigramPerplexity())
                .name("parameters").value(task.model().params().size()).name("builtin").value(builtin)
                .name("cell").value(task.model().architecture().cell().id)
                .name("output").value(task.model().architecture().output().toString())
                .name("split").value(c.tokenizer.characterLevel() ? "chars" : c.tokenizer.splitsOnSpaces() ? "spaces" : "words")
                .name("heldOutGiven").value(heldOutGiven)
                .name("opening").value(opening())
                .name("steps").value(task.steps());
        trainedOn(out);
        if (!Double.isNaN(bestPerplexity)) {
            out.name("bestPerplexity").value(bestPerplexity);
        }
        JsonSettings.values(task.settings().asText(), out);
    }

    /**
     * The training text's first few words (at character level, characters), as the model reads them:
     * a prompt that belongs to the text, where the built-in grammar's is no use.
     */
    private String opening() {
        Corpus c = task.corpus();
        int n = Math.min(c.train.length, c.tokenizer.characterLevel() ? 24 : 4);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String t = c.vocabulary.token(c.train[i]);
            if (t.equals(Tokenizer.PARAGRAPH) || t.equals(Tokenizer.END_OF_LINE)) {
                break;
            }
            tokens.add(t);
        }
        return c.tokenizer.join(tokens);
    }

    @Override
    public void train(int n, JsonWriter out) {
        double loss = task.train(n);
        out.name("loss").value(loss);
        progress(out);
    }

    @Override
    public void trained(JsonWriter out) {
    }

    @Override
    public void progress(JsonWriter out) {
        out.name("tokens").value((double) task.tokensSeen()).name("epoch").value(task.epoch())
                .name("steps").value(task.steps());
    }

    @Override
    public TrainingRun<?> run() {
        return task;
    }

    @Override
    public void handle(String command, JsonObject r, Budget budget, JsonWriter out) {
        JsonSettings v = new JsonSettings(r);
        String prompt = r.has("prompt") ? r.string("prompt") : "";
        switch (command) {
            case "validate" -> validate(WINDOWS.integer(v), TOKENS.integer(v), r.has("share") ? r.integer("share") : 0,
                    r.has("shares") ? r.integer("shares") : 1, budget, out);
            case "predict" -> predict(prompt, TOP.integer(v), out);
            case "generate" -> generate(prompt, GenerationSettings.read(v), SEED.integer(v), out);
            case "units" -> units(r.has("source") ? r.string("source") : "held-out", prompt, LENGTH.integer(v), SEED.integer(v),
                    LAYER.integer(v) - 1, r.has("show") ? r.string("show") : "h", UNIT.integer(v), out);
            default -> throw new IllegalArgumentException("unknown command 'word." + command + "'");
        }
    }

    /**
     * Advances the validation by up to {@code windows} windows of held-out text, or (with a
     * {@code budget}) for about that time, in parts of windows for a big model (starting one if none
     * is under way or the model has trained since); when it is complete, reports the perplexity, or,
     * for share {@code share} of {@code shares} (workers measuring one model together), its loss sum
     * and tokens.
     */
    private void validate(int windows, int tokens, int share, int shares, Budget budget, JsonWriter out) {
        if (validation == null || validationCall != task.revision() || validationShare != share * 1000 + shares
                || validationTokens != tokens) {
            validation = task.validation(tokens, share, shares);
            validationTokens = tokens;
            validationCall = task.revision();
            validationShare = share * 1000 + shares;
        }
        Evaluation e = validation;
        boolean done;
        if (budget != null) {
            budget.pace().fill(budget.seconds(), e::work, () -> !e.done());
            done = e.done();
        } else {
            done = e.advance(windows);
        }
        out.name("done").value(done).name("fraction").value(validation.fraction());
        if (done) {
            out.name("tokens").value((double) validation.tokens());
            if (shares > 1) {
                // a share: whoever asked adds the shares' sums up
                out.name("lossSum").value(validation.lossSum()).name("count").value((double) validation.count());
            } else {
                out.name("perplexity").value(Math.exp(validation.loss()));
            }
            validation = null;
        }
    }

    /** The prompt's tokens (empty prompts start from the most common token). */
    private int[] encodePrompt(String prompt) {
        Corpus c = task.corpus();
        List<String> tokens = c.tokenizer.tokenize(prompt);
        if (tokens.isEmpty()) {
            return new int[] {c.vocabulary.size() > 1 ? 1 : 0};
        }
        return c.vocabulary.encode(tokens);
    }

    private void predict(String prompt, int k, JsonWriter out) {
        Vocabulary v = task.corpus().vocabulary;
        Sampler s = new Sampler(task.model());
        s.prime(encodePrompt(prompt));
        double[] dist = s.distribution(1);
        out.name("unknown").beginArray();
        for (String t : task.corpus().tokenizer.tokenize(prompt)) {
            if (!v.contains(t)) {
                out.value(t);
            }
        }
        out.endArray();
        int[] top = Sampler.topK(dist, k);
        out.name("top").beginArray();
        for (int i : top) {
            out.beginObject().name("token").value(v.token(i)).name("p").value(dist[i]).endObject();
        }
        out.endArray();
        List<String> tokens = task.corpus().tokenizer.tokenize(prompt);
        if (!tokens.isEmpty()) {
            connectivity(v.encode(tokens), top[0], out);
        }
    }

    /**
     * Which prompt tokens the top prediction leans on (see {@link Connectivity}): the tokens as the
     * model reads them, and ||d log p(top) / d x_t|| of each.
     */
    private void connectivity(int[] prompt, int target, JsonWriter out) {
        if (connectivity == null || connectivityWeights != task.model().params().value) {
            connectivity = new Connectivity(task.model());
            connectivityWeights = task.model().params().value;
        }
        Connectivity.Result r = connectivity.ofTokens(prompt, target);
        Vocabulary v = task.corpus().vocabulary;
        out.name("connectivity").beginObject().name("target").value(v.token(target)).name("tokens").beginArray();
        for (int t : prompt) {
            out.value(v.token(t));
        }
        out.endArray().name("norms").array(r.norms(), 0, r.norms().length).endObject();
    }

    /**
     * The units-and-gates view (see {@link UnitsReport}) over {@code length} tokens of held-out text
     * (from its beginning), or over the prompt and a continuation of {@code length} tokens sampled
     * from the model.
     */
    private void units(String source, String prompt, int length, int seed, int layer, String show, int unit, JsonWriter out) {
        Corpus c = task.corpus();
        int[] tokens;
        switch (source) {
            case "held-out" -> {
                tokens = new int[Math.min(length, c.validation.length)];
                System.arraycopy(c.validation, 0, tokens, 0, tokens.length);
            }
            case "prompt" -> {
                int[] p = encodePrompt(prompt);
                int[] gen = new Sampler(task.model()).generate(p, length, false, 1.0, 0, new Rng(seed));
                tokens = new int[p.length + gen.length];
                System.arraycopy(p, 0, tokens, 0, p.length);
                System.arraycopy(gen, 0, tokens, p.length, gen.length);
            }
            default -> throw new IllegalArgumentException("source must be held-out or prompt, got '" + source + "'");
        }
        Trace tr = Trace.ofTokens(task.model(), tokens);
        out.name("tokens").beginArray();
        for (int t : tokens) {
            out.value(c.vocabulary.token(t));
        }
        out.endArray();
        UnitsReport.write(tr, layer, show, unit, out);
    }

    private void generate(String prompt, GenerationSettings g, int seed, JsonWriter out) {
        Vocabulary v = task.corpus().vocabulary;
        Sampler s = new Sampler(task.model());
        int[] gen;
        if (g.beam() > 0) {
            Sampler.Beam best = s.beamSearch(encodePrompt(prompt), g.length(), g.beam()).get(0);
            gen = best.tokens();
            out.name("logProbability").value(best.logProb());
        } else {
            gen = s.generate(encodePrompt(prompt), g.length(), g.greedy(), g.temperature(), g.topK(), new Rng(seed));
        }
        List<String> words = new ArrayList<>();
        for (int t : gen) {
            words.add(v.token(t));
        }
        out.name("text").value(task.corpus().tokenizer.join(words));
    }
}
