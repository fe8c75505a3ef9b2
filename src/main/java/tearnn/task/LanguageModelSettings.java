package tearnn.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tearnn.nn.CellType;
import tearnn.optim.OptimizerKind;
import tearnn.settings.Setting;
import tearnn.settings.SettingValues;
import tearnn.text.Tokenizer;

/**
 * Everything a person chooses for a next-token model. {@link #ALL} describes each setting once
 * (name, label, default, limits); the page builds its form from it and the command line its options.
 *
 * @param characters    character level instead of word level
 * @param vocabularyCap the most tokens kept, {@code <unk>} included
 * @param embedding     embedding width (0: one-hot input)
 * @param bptt          steps per training window (truncated backpropagation length)
 * @param batch         parallel streams per step
 * @param clipNorm      global gradient-norm clipping (0: off)
 * @param output        "auto" (the adaptive softmax for a word vocabulary above {@link #ADAPTIVE_ABOVE}),
 *                      "softmax" or "adaptive"
 * @param tied          the output layer's weights are the embedding's (Press and Wolf 2017)
 * @param split         how words are split: "auto" (as the text looks), "words" (letters and
 *                      punctuation) or "spaces" (pre-tokenized text: white space, a line end as {@code <eos>})
 * @param knobs         initialization, peepholes, schedule (see {@link Knobs})
 */
public record LanguageModelSettings(boolean characters, int vocabularyCap, CellType cell, int layers, int hidden,
        int embedding, int bptt, int batch, OptimizerKind optimizer, double learningRate, double clipNorm, double dropout,
        int seed, String output, boolean tied, String split, Knobs knobs) {
    public static final Setting LEVEL = Setting.choice("level", "Level", "word",
            List.of(new Setting.Choice("word", "word"), new Setting.Choice("char", "character")));
    public static final Setting VOCABULARY = Setting.integer("vocab", "Vocabulary cap", 5000, 2, 100_000);
    public static final Setting CELL = TaskSettings.cell(CellType.LSTM);
    public static final Setting LAYERS = Setting.integer("layers", "Layers", 1, 1, 8);
    // The defaults were chosen by measurement: the best validation loss after 3 minutes on these 2-core
    // machines, on real texts of each level (src/scripts/search_defaults.py; the table is in the README).
    public static final Setting HIDDEN = Setting.integer("hidden", "Hidden size", 128, 1, 2048);
    public static final Setting EMBEDDING = Setting.integer("embedding", "Embedding", 128, 0, 2048)
            .withDefault("level", "char", 32);
    public static final Setting BPTT = Setting.integer("bptt", "BPTT length", 20, 1, 1000);
    public static final Setting BATCH = TaskSettings.batch(16, 1024);
    public static final Setting OPTIMIZER = TaskSettings.optimizer(OptimizerKind.ADAM);
    public static final Setting LEARNING_RATE = TaskSettings.learningRate(0.005).withDefault("level", "char", 0.01);
    public static final Setting CLIP = Setting.number("clip", "Clip norm", 5, 0, 1000);
    public static final Setting DROPOUT = Setting.number("dropout", "Dropout", 0.5, 0, 0.9).withDefault("level", "char", 0);
    public static final Setting SEED = TaskSettings.seed();
    public static final Setting OUTPUT = Setting.choice("output", "Output layer", "auto",
            List.of(new Setting.Choice("auto", "auto"), new Setting.Choice("softmax", "full softmax"),
                    new Setting.Choice("adaptive", "adaptive softmax")));
    public static final Setting TIED = Setting.flag("tied", "Tie embedding and output", false);
    public static final Setting SPLIT = Setting.choice("split", "Words split at", "auto",
            List.of(new Setting.Choice("auto", "auto"), new Setting.Choice("words", "letters and punctuation"),
                    new Setting.Choice("spaces", "spaces (pre-tokenized)")));
    /** In the order the page shows them. */
    public static final List<Setting> ALL = Knobs.after(List.of(LEVEL, VOCABULARY, CELL, LAYERS, HIDDEN, EMBEDDING, BPTT, BATCH,
            OPTIMIZER, LEARNING_RATE, CLIP, DROPOUT, SEED, OUTPUT, TIED, SPLIT));
    /** "auto" output: the adaptive softmax for word vocabularies of more tokens than this (measured: see the README). */
    public static final int ADAPTIVE_ABOVE = 2000;

    public LanguageModelSettings {
        if (cell == null || optimizer == null || knobs == null) {
            throw new IllegalArgumentException("a language model needs a cell, an optimizer and knobs");
        }
        knobs.check(cell);
        VOCABULARY.check(vocabularyCap);
        LAYERS.check(layers);
        HIDDEN.check(hidden);
        EMBEDDING.check(embedding);
        BPTT.check(bptt);
        BATCH.check(batch);
        LEARNING_RATE.check(learningRate);
        CLIP.check(clipNorm);
        DROPOUT.check(dropout);
        OUTPUT.check(output);
        SPLIT.check(split);
    }

    /** With the default knobs (PyTorch's initialization, no peepholes, a constant rate). */
    public LanguageModelSettings(boolean characters, int vocabularyCap, CellType cell, int layers, int hidden, int embedding,
            int bptt, int batch, OptimizerKind optimizer, double learningRate, double clipNorm, double dropout, int seed,
            String output, boolean tied, String split) {
        this(characters, vocabularyCap, cell, layers, hidden, embedding, bptt, batch, optimizer, learningRate, clipNorm, dropout,
                seed, output, tied, split, Knobs.DEFAULT);
    }

    public static LanguageModelSettings read(SettingValues v) {
        return new LanguageModelSettings(LEVEL.choice(v).equals("char"), VOCABULARY.integer(v),
                CellType.parse(CELL.choice(v)), LAYERS.integer(v), HIDDEN.integer(v), EMBEDDING.integer(v), BPTT.integer(v),
                BATCH.integer(v), OptimizerKind.parse(OPTIMIZER.choice(v)), LEARNING_RATE.number(v), CLIP.number(v),
                DROPOUT.number(v), SEED.integer(v), OUTPUT.choice(v), TIED.flag(v), SPLIT.choice(v), Knobs.read(v));
    }

    /** Each setting's value as text, by name, as a form or a command line shows it. */
    public Map<String, String> asText() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(LEVEL.name(), characters ? "char" : "word");
        m.put(VOCABULARY.name(), Setting.format(vocabularyCap));
        m.put(CELL.name(), cell.id);
        m.put(LAYERS.name(), Setting.format(layers));
        m.put(HIDDEN.name(), Setting.format(hidden));
        m.put(EMBEDDING.name(), Setting.format(embedding));
        m.put(BPTT.name(), Setting.format(bptt));
        m.put(BATCH.name(), Setting.format(batch));
        m.put(OPTIMIZER.name(), optimizer.id);
        m.put(LEARNING_RATE.name(), Setting.format(learningRate));
        m.put(CLIP.name(), Setting.format(clipNorm));
        m.put(DROPOUT.name(), Setting.format(dropout));
        m.put(SEED.name(), Setting.format(seed));
        m.put(OUTPUT.name(), output);
        m.put(TIED.name(), tied ? "true" : "false");
        m.put(SPLIT.name(), split);
        knobs.putText(m);
        return m;
    }

    /** Word-level LSTM defaults. */
    public static LanguageModelSettings defaults() {
        return read(SettingValues.NONE);
    }

    /** The same settings with another batch size. */
    public LanguageModelSettings withBatch(int b) {
        return new LanguageModelSettings(characters, vocabularyCap, cell, layers, hidden, embedding, bptt, b, optimizer,
                learningRate, clipNorm, dropout, seed, output, tied, split, knobs);
    }

    /**
     * The tokenizer these settings ask for on {@code text}: characters, pre-tokenized words (when
     * asked, or when "auto" and the text looks pre-tokenized), or words split at letters and punctuation.
     */
    public Tokenizer tokenizer(String text) {
        if (characters) {
            return new Tokenizer(true, false);
        }
        boolean spaces = split.equals("spaces") || (split.equals("auto") && Tokenizer.looksPreTokenized(text));
        return spaces ? Tokenizer.preTokenized() : new Tokenizer(false, true);
    }
}
