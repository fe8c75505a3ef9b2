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
 * What a person chooses for a classification run (the data is chosen apart). {@link #ALL} describes
 * each setting once; the command line reads its options from it.
 *
 * @param attention the head reads the context of the last state's attention over every step's (null: the last state)
 * @param heldOut the share of each class held out (stratified, fixed by the seed)
 * @param clip    the gradient's largest norm (0: no clipping)
 * @param knobs   initialization, peepholes, schedule (see {@link Knobs})
 */
public record ClassificationSettings(CellType cell, int hidden, int layers, Attention.Score attention, OptimizerKind optimizer,
        double learningRate, double clip, int batch, double heldOut, int seed, Knobs knobs) {
    /** Not an attention score: the head reads the last state. */
    public static final String NO_ATTENTION = "none";
    public static final Setting CELL = TaskSettings.cell(CellType.GRU);
    public static final Setting HIDDEN = Setting.integer("hidden", "Hidden size", 64, 1, 1024);
    public static final Setting LAYERS = Setting.integer("layers", "Layers", 1, 1, 4);
    public static final Setting ATTENTION = Setting.choice("attention", "Attention pooling", NO_ATTENTION, List.of(
            new Setting.Choice(NO_ATTENTION, "none: the last state"),
            new Setting.Choice(Attention.Score.ADDITIVE.id, "additive (Bahdanau)"),
            new Setting.Choice(Attention.Score.DOT.id, "dot (Luong)"),
            new Setting.Choice(Attention.Score.GENERAL.id, "general (Luong)")));
    public static final Setting OPTIMIZER = TaskSettings.optimizer(OptimizerKind.ADAM);
    public static final Setting LEARNING_RATE = TaskSettings.learningRate(0.005);
    public static final Setting CLIP = Setting.number("clip", "Clip norm", 1, 0, 1000);
    public static final Setting BATCH = TaskSettings.batch(32, 1024);
    public static final Setting HELD_OUT = Setting.number("heldOut", "Held-out share", 0.2, 0.05, 0.5);
    public static final Setting SEED = TaskSettings.seed();
    /** In the order a form shows them. */
    public static final List<Setting> ALL = Knobs.after(List.of(CELL, HIDDEN, LAYERS, ATTENTION, OPTIMIZER, LEARNING_RATE, CLIP, BATCH,
            HELD_OUT, SEED));

    public ClassificationSettings {
        if (cell == null || optimizer == null || knobs == null) {
            throw new IllegalArgumentException("a classifier needs a cell, an optimizer and knobs");
        }
        knobs.check(cell);
        HIDDEN.check(hidden);
        LAYERS.check(layers);
        LEARNING_RATE.check(learningRate);
        CLIP.check(clip);
        BATCH.check(batch);
        HELD_OUT.check(heldOut);
    }

    public static ClassificationSettings read(SettingValues v) {
        String attention = ATTENTION.choice(v);
        return new ClassificationSettings(CellType.parse(CELL.choice(v)), HIDDEN.integer(v), LAYERS.integer(v),
                attention.equals(NO_ATTENTION) ? null : Attention.Score.of(attention), OptimizerKind.parse(OPTIMIZER.choice(v)), LEARNING_RATE.number(v), CLIP.number(v), BATCH.integer(v),
                HELD_OUT.number(v), SEED.integer(v), Knobs.read(v));
    }

    public static ClassificationSettings defaults() {
        return read(SettingValues.NONE);
    }

    /** Each setting's value as text, by name. */
    public Map<String, String> asText() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(CELL.name(), cell.id);
        m.put(HIDDEN.name(), Setting.format(hidden));
        m.put(LAYERS.name(), Setting.format(layers));
        m.put(ATTENTION.name(), attention == null ? NO_ATTENTION : attention.id);
        m.put(OPTIMIZER.name(), optimizer.id);
        m.put(LEARNING_RATE.name(), Setting.format(learningRate));
        m.put(CLIP.name(), Setting.format(clip));
        m.put(BATCH.name(), Setting.format(batch));
        m.put(HELD_OUT.name(), Setting.format(heldOut));
        m.put(SEED.name(), Setting.format(seed));
        knobs.putText(m);
        return m;
    }
}
