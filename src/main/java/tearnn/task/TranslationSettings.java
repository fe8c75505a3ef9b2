package tearnn.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tearnn.nn.Attention;
import tearnn.nn.CellType;
import tearnn.optim.OptimizerKind;
import tearnn.settings.Setting;
import tearnn.settings.SettingValues;

/**
 * What a person chooses for a translator's run. {@link #ALL} describes each setting once; a form and
 * the command line's options are built from it.
 *
 * @param task      {@link TranslationPairs#DATES} or {@link TranslationPairs#REVERSE}
 * @param length    the reversal's longest string (the dates ignore it)
 * @param attention the decoder's attention over the encoder's states; null: none (the decoder sees
 *                  the source only through the encoder's final state)
 * @param knobs     initialization, peepholes, schedule (see {@link Knobs})
 */
public record TranslationSettings(String task, int length, Attention.Score attention, CellType cell, int hidden,
        int embedding, int layers, OptimizerKind optimizer, double learningRate, double clip, int batch, int seed, Knobs knobs) {
    public static final String NO_ATTENTION = "none";
    public static final Setting TASK = Setting.choice("task", "Task", TranslationPairs.DATES, List.of(
            new Setting.Choice(TranslationPairs.DATES, "dates to ISO (3 May 1987 -> 1987-05-03)"),
            new Setting.Choice(TranslationPairs.REVERSE, "reverse digits (4821 -> 1284)")));
    public static final Setting LENGTH = Setting.integer("length", "Longest string", 10, 1, 100)
            .onlyWhen("task", TranslationPairs.REVERSE);
    public static final Setting ATTENTION = Setting.choice("attention", "Attention", Attention.Score.ADDITIVE.id, List.of(
            new Setting.Choice(Attention.Score.ADDITIVE.id, "additive (Bahdanau)"),
            new Setting.Choice(Attention.Score.DOT.id, "dot (Luong)"),
            new Setting.Choice(Attention.Score.GENERAL.id, "general (Luong)"),
            new Setting.Choice(NO_ATTENTION, "none: the encoder's last state only")));
    public static final Setting CELL = TaskSettings.cell(CellType.GRU);
    public static final Setting HIDDEN = Setting.integer("hidden", "Hidden size", 64, 1, 512);
    public static final Setting EMBEDDING = Setting.integer("embedding", "Embedding size", 16, 1, 256);
    public static final Setting LAYERS = Setting.integer("layers", "Layers", 1, 1, 4);
    public static final Setting OPTIMIZER = TaskSettings.optimizer(OptimizerKind.ADAM);
    public static final Setting LEARNING_RATE = TaskSettings.learningRate(0.005);
    public static final Setting CLIP = Setting.number("clip", "Clip norm", 1, 0, 1000);
    public static final Setting BATCH = TaskSettings.batch(32, 1024);
    public static final Setting SEED = TaskSettings.seed();
    /** In the order a form shows them. */
    public static final List<Setting> ALL = Knobs.after(List.of(TASK, LENGTH, ATTENTION, CELL, HIDDEN, EMBEDDING, LAYERS,
            OPTIMIZER, LEARNING_RATE, CLIP, BATCH, SEED));

    public TranslationSettings {
        if (cell == null || optimizer == null || knobs == null) {
            throw new IllegalArgumentException("a translator needs a cell, an optimizer and knobs");
        }
        knobs.check(cell);
        TASK.check(task);
        LENGTH.check(length);
        HIDDEN.check(hidden);
        EMBEDDING.check(embedding);
        LAYERS.check(layers);
        LEARNING_RATE.check(learningRate);
        CLIP.check(clip);
        BATCH.check(batch);
    }

    public static TranslationSettings read(SettingValues v) {
        String attention = ATTENTION.choice(v);
        return new TranslationSettings(TASK.choice(v), LENGTH.integer(v),
                attention.equals(NO_ATTENTION) ? null : Attention.Score.of(attention), CellType.parse(CELL.choice(v)),
                HIDDEN.integer(v), EMBEDDING.integer(v), LAYERS.integer(v), OptimizerKind.parse(OPTIMIZER.choice(v)),
                LEARNING_RATE.number(v), CLIP.number(v), BATCH.integer(v), SEED.integer(v), Knobs.read(v));
    }

    /** The task these settings choose. */
    public TranslationPairs pairs() {
        return TranslationPairs.of(task, length);
    }

    /** Each setting's value as text, by name, as a form or a command line shows it. */
    public Map<String, String> asText() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TASK.name(), task);
        m.put(LENGTH.name(), Setting.format(length));
        m.put(ATTENTION.name(), attention == null ? NO_ATTENTION : attention.id);
        m.put(CELL.name(), cell.id);
        m.put(HIDDEN.name(), Setting.format(hidden));
        m.put(EMBEDDING.name(), Setting.format(embedding));
        m.put(LAYERS.name(), Setting.format(layers));
        m.put(OPTIMIZER.name(), optimizer.id);
        m.put(LEARNING_RATE.name(), Setting.format(learningRate));
        m.put(CLIP.name(), Setting.format(clip));
        m.put(BATCH.name(), Setting.format(batch));
        m.put(SEED.name(), Setting.format(seed));
        knobs.putText(m);
        return m;
    }

    public static TranslationSettings defaults() {
        return read(SettingValues.NONE);
    }
}
