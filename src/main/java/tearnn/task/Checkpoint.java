package tearnn.task;

import java.util.LinkedHashMap;
import java.util.Map;
import tearnn.math.Rng;
import tearnn.model.Model;
import tearnn.train.Trainer;

/**
 * A run at one moment, to go back to when training blows up: the weights, the optimizer's state and
 * step count, the dropout generator, and the task's own progress {@code P} (its data generators, its
 * position in the text). The arrays are reused from one capture to the next.
 */
final class Checkpoint<P> {
    private double[] weights = new double[0];
    private final Map<String, double[]> optimizer = new LinkedHashMap<>();
    private int steps = -1;
    private int[] dropout;
    private double firstLoss;
    private double recentLoss;
    private P progress;

    /** Copies the run's state now, with the task's {@code progress} (a copy the task made). */
    void capture(Model model, Trainer trainer, P progress) {
        this.progress = progress;
        double[] w = model.params().value;
        if (weights.length != w.length) {
            weights = new double[w.length];
        }
        System.arraycopy(w, 0, weights, 0, w.length);
        for (Map.Entry<String, double[]> e : trainer.optimizer().state().entrySet()) {
            double[] kept = optimizer.get(e.getKey());
            if (kept == null || kept.length != e.getValue().length) {
                kept = new double[e.getValue().length];
                optimizer.put(e.getKey(), kept);
            }
            System.arraycopy(e.getValue(), 0, kept, 0, kept.length);
        }
        steps = trainer.optimizer().steps();
        dropout = model.dropoutRng().state();
        firstLoss = trainer.guard().firstLoss();
        recentLoss = trainer.guard().recentLoss();
    }

    boolean taken() {
        return steps >= 0;
    }

    /** The optimizer's step count when this was taken. */
    int steps() {
        return steps;
    }

    /** Puts the engine's part back as it was when this was taken; returns the task's progress then. */
    P restore(Model model, Trainer trainer) {
        System.arraycopy(weights, 0, model.params().value, 0, weights.length);
        trainer.optimizer().restore(steps, optimizer);
        model.setDropoutRng(Rng.fromState(dropout));
        trainer.guard().setHistory(firstLoss, recentLoss);
        return progress;
    }
}
