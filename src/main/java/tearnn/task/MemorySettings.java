package tearnn.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tearnn.nn.CellType;
import tearnn.optim.OptimizerKind;
import tearnn.settings.Setting;
import tearnn.settings.SettingValues;

/**
 * What a person chooses for a memory-task run. {@link #ALL} describes each setting once; the page
 * builds its form from it and the command line its options.
 *
 * @param task    {@link MemoryProblem#ADDING}, {@link MemoryProblem#COPY} or {@link MemoryProblem#ORDER}
 * @param length  the gap T the model must carry something across
 * @param symbols the copy task's K (symbols to copy); the other tasks ignore it
 * @param clip    the gradient's largest norm (0: no clipping)
 * @param batch   sequences per training step
 * @param knobs   initialization, peepholes, schedule (see {@link Knobs})
 */
public record MemorySettings(String task, int length, int symbols, CellType cell, int hidden, OptimizerKind optimizer,
        double learningRate, double clip, int batch, int seed, Knobs knobs) {
    public static final Setting TASK = Setting.choice("task", "Task", MemoryProblem.ADDING, List.of(
            new Setting.Choice(MemoryProblem.ADDING, "adding problem"), new Setting.Choice(MemoryProblem.COPY, "copy memory"),
            new Setting.Choice(MemoryProblem.ORDER, "temporal order")));
    public static final Setting LENGTH = Setting.integer("length", "Length T", 50, 2, 1000);
    public static final Setting SYMBOLS = Setting.integer("symbols", "Symbols to copy", 10, 1, 100).onlyWhen("task", MemoryProblem.COPY);
    public static final Setting CELL = TaskSettings.cell(CellType.LSTM);
    public static final Setting HIDDEN = Setting.integer("hidden", "Hidden size", 64, 1, 512);
    public static final Setting OPTIMIZER = TaskSettings.optimizer(OptimizerKind.ADAM);
    public static final Setting LEARNING_RATE = TaskSettings.learningRate(0.005);
    public static final Setting CLIP = Setting.number("clip", "Clip norm", 1, 0, 1000);
    public static final Setting BATCH = TaskSettings.batch(32, 1024);
    public static final Setting SEED = TaskSettings.seed();
    /** In the order the page shows them. */
    public static final List<Setting> ALL = Knobs.after(List.of(TASK, LENGTH, SYMBOLS, CELL, HIDDEN, OPTIMIZER, LEARNING_RATE,
            CLIP, BATCH, SEED));

    public MemorySettings {
        if (cell == null || optimizer == null || knobs == null) {
            throw new IllegalArgumentException("a memory task needs a cell, an optimizer and knobs");
        }
        knobs.check(cell);
        TASK.check(task);
        LENGTH.check(length);
        SYMBOLS.check(symbols);
        HIDDEN.check(hidden);
        LEARNING_RATE.check(learningRate);
        CLIP.check(clip);
        BATCH.check(batch);
        problem(task, length, symbols);
    }

    /** With the default knobs (PyTorch's initialization, no peepholes, a constant rate). */
    public MemorySettings(String task, int length, int symbols, CellType cell, int hidden, OptimizerKind optimizer,
            double learningRate, double clip, int batch, int seed) {
        this(task, length, symbols, cell, hidden, optimizer, learningRate, clip, batch, seed, Knobs.DEFAULT);
    }

    public static MemorySettings read(SettingValues v) {
        return new MemorySettings(TASK.choice(v), LENGTH.integer(v), SYMBOLS.integer(v), CellType.parse(CELL.choice(v)),
                HIDDEN.integer(v), OptimizerKind.parse(OPTIMIZER.choice(v)), LEARNING_RATE.number(v), CLIP.number(v),
                BATCH.integer(v), SEED.integer(v), Knobs.read(v));
    }

    /** The task these settings choose (refusing, by name, a length or symbol count it cannot take). */
    public MemoryProblem problem() {
        return problem(task, length, symbols);
    }

    private static MemoryProblem problem(String task, int length, int symbols) {
        return MemoryProblem.of(task, length, symbols);
    }

    /** Each setting's value as text, by name, as a form or a command line shows it. */
    public Map<String, String> asText() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TASK.name(), task);
        m.put(LENGTH.name(), Setting.format(length));
        m.put(SYMBOLS.name(), Setting.format(symbols));
        m.put(CELL.name(), cell.id);
        m.put(HIDDEN.name(), Setting.format(hidden));
        m.put(OPTIMIZER.name(), optimizer.id);
        m.put(LEARNING_RATE.name(), Setting.format(learningRate));
        m.put(CLIP.name(), Setting.format(clip));
        m.put(BATCH.name(), Setting.format(batch));
        m.put(SEED.name(), Setting.format(seed));
        knobs.putText(m);
        return m;
    }

    public static MemorySettings defaults() {
        return read(SettingValues.NONE);
    }
}
