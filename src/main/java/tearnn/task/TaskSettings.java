package tearnn.task;

import java.util.ArrayList;
import java.util.List;
import tearnn.nn.CellType;
import tearnn.optim.OptimizerKind;
import tearnn.settings.Setting;

/** The settings every training task has (cell, optimizer, learning rate, batch, seed), described once. */
final class TaskSettings {
    private TaskSettings() {
    }

    static Setting cell(CellType fallback) {
        List<Setting.Choice> choices = new ArrayList<>();
        for (CellType c : CellType.values()) {
            choices.add(new Setting.Choice(c.id, c.label));
        }
        return Setting.choice("cell", "Cell", fallback.id, choices);
    }

    static Setting optimizer(OptimizerKind fallback) {
        List<Setting.Choice> choices = new ArrayList<>();
        for (OptimizerKind k : OptimizerKind.values()) {
            choices.add(new Setting.Choice(k.id, k.id));
        }
        return Setting.choice("optimizer", "Optimizer", fallback.id, choices);
    }

    static Setting learningRate(double fallback) {
        return Setting.number("lr", "Learning rate", fallback, 1e-6, 10);
    }

    static Setting batch(int fallback, int max) {
        return Setting.integer("batch", "Batch", fallback, 1, max);
    }

    static Setting seed() {
        return Setting.integer("seed", "Seed", 1, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
}
