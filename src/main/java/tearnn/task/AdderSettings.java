package tearnn.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tearnn.nn.CellType;
import tearnn.optim.OptimizerKind;
import tearnn.settings.Setting;
import tearnn.settings.SettingValues;

/**
 * What a person chooses for a binary-adder run. {@link #ALL} describes each setting once (name,
 * label, default, limits); the page builds its form from it and the command line its options.
 *
 * @param bits  bits of the sums (operands below 2^(bits-1))
 * @param batch additions per training step
 * @param knobs initialization, peepholes, schedule (see {@link Knobs})
 */
public record AdderSettings(int bits, CellType cell, int hidden, OptimizerKind optimizer, double learningRate, int batch,
        int seed, Knobs knobs) {
    public static final Setting CELL = TaskSettings.cell(CellType.GRU);
    public static final Setting HIDDEN = Setting.integer("hidden", "Hidden size", 16, 1, 256);
    public static final Setting BITS = Setting.integer("bits", "Bits", 8, 2, 30);
    public static final Setting OPTIMIZER = TaskSettings.optimizer(OptimizerKind.ADAM);
    public static final Setting LEARNING_RATE = TaskSettings.learningRate(0.03);
    public static final Setting BATCH = TaskSettings.batch(32, 1024);
    public static final Setting SEED = TaskSettings.seed();
    /** In the order the page shows them. */
    public static final List<Setting> ALL = Knobs.after(List.of(CELL, HIDDEN, BITS, OPTIMIZER, LEARNING_RATE, BATCH, SEED));

    public AdderSettings {
        if (cell == null || optimizer == null || knobs == null) {
            throw new IllegalArgumentException("an adder needs a cell, an optimizer and knobs");
        }
        knobs.check(cell);
        BITS.check(bits);
        HIDDEN.check(hidden);
        LEARNING_RATE.check(learningRate);
        BATCH.check(batch);
    }

    /** With the default knobs (PyTorch's initialization, no peepholes, a constant rate). */
    public AdderSettings(int bits, CellType cell, int hidden, OptimizerKind optimizer, double learningRate, int batch, int seed) {
        this(bits, cell, hidden, optimizer, learningRate, batch, seed, Knobs.DEFAULT);
    }

    public static AdderSettings read(SettingValues v) {
        return new AdderSettings(BITS.integer(v), CellType.parse(CELL.choice(v)), HIDDEN.integer(v),
                OptimizerKind.parse(OPTIMIZER.choice(v)), LEARNING_RATE.number(v), BATCH.integer(v), SEED.integer(v), Knobs.read(v));
    }

    /** Each setting's value as text, by name, as a form or a command line shows it. */
    public Map<String, String> asText() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(CELL.name(), cell.id);
        m.put(HIDDEN.name(), Setting.format(hidden));
        m.put(BITS.name(), Setting.format(bits));
        m.put(OPTIMIZER.name(), optimizer.id);
        m.put(LEARNING_RATE.name(), Setting.format(learningRate));
        m.put(BATCH.name(), Setting.format(batch));
        m.put(SEED.name(), Setting.format(seed));
        knobs.putText(m);
        return m;
    }

    public static AdderSettings defaults() {
        return read(SettingValues.NONE);
    }
}
