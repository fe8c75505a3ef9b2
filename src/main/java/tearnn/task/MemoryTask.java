package tearnn.task;

import tearnn.file.SavedModel;
import tearnn.math.Rng;
import tearnn.model.Architecture;
import tearnn.model.Batch;
import tearnn.model.Initialization;
import tearnn.model.Model;
import tearnn.optim.OptimizerKind;
import tearnn.settings.SettingException;
import tearnn.train.Trainer;

/**
 * One memory-task run ({@link MemoryProblem}): model, trainer, fresh random sequences at every step,
 * a held-out set fixed by the seed, and progress. The page, the command line and the benchmarks all
 * train a memory task through this class; it saves itself to a model file and resumes from one
 * exactly where it stopped.
 */
public final class MemoryTask extends DrawnRun {
    /** Sequences in the held-out set. */
    public static final int HELD_OUT = 256;
    private static final int DATA_SEED = 3000;
    private static final int HELD_OUT_SEED = 4000;
    private static final String[] TASKS = {MemoryProblem.ADDING, MemoryProblem.COPY, MemoryProblem.ORDER};

    private final MemorySettings settings;
    private final Initialization init;
    private final MemoryProblem problem;
    private final Batch batch;
    private final Batch heldOut;

    /** A new run: weights from the seed, as its knobs' initialization says (chrono's T_max: the sequence's length). */
    public MemoryTask(MemorySettings s) {
        this(s, s.knobs().initialization(s.problem().steps()), newModel(s), null, null);
    }

    private MemoryTask(MemorySettings s, Initialization init, Model model, Trainer trainer, SavedModel saved) {
        super(model, trainer != null ? trainer : newTrainer(model, s), s.batch(), s.seed() + DATA_SEED, saved);
        this.settings = s;
        this.init = init;
        this.problem = s.problem();
        this.batch = problem.newBatch(s.batch());
        this.heldOut = problem.newBatch(HELD_OUT);
        problem.fill(heldOut, new Rng(s.seed() + HELD_OUT_SEED));
    }

    private static Model newModel(MemorySettings s) {
        return s.knobs().newModel(s.problem().architecture(s.cell(), s.hidden()), s.seed(), s.problem().steps());
    }

    private static Trainer newTrainer(Model model, MemorySettings s) {
        return s.knobs().newTrainer(model, s.optimizer(), s.learningRate(), s.clip());
    }

    /**
     * Continues a saved run (its file from {@link #saved()}); a model of another shape than its task's
     * is refused, saying what it is.
     */
    public static MemoryTask resume(SavedModel saved) {
        if (!saved.hasCounter("memory_task")) {
            throw new SettingException("model", "this model file is not a memory task's (it names no task)");
        }
        int task = (int) saved.counter("memory_task", -1);
        if (task < 0 || task >= TASKS.length) {
            throw new SettingException("model", "this model file names memory task " + task + ", which this build does not know");
        }
        Architecture a = saved.model.architecture();
        Trainer trainer = saved.trainer;
        MemorySettings d = MemorySettings.defaults();
        MemorySettings s = new MemorySettings(TASKS[task], (int) saved.counter("length", d.length()),
                (int) saved.counter("symbols", d.symbols()), a.cell(), a.hidden(),
                trainer != null ? trainer.optimizer().kind() : OptimizerKind.ADAM,
                trainer != null ? trainer.schedule().lr() : d.learningRate(), trainer != null ? trainer.clipNorm() : d.clip(),
                (int) saved.counter("batch", d.batch()), (int) saved.counter("seed", d.seed()), Knobs.of(saved));
        Architecture expected = s.problem().architecture(a.cell(), a.hidden());
        if (a.input() != expected.input() || a.inputSize() != expected.inputSize() || a.outputs() != expected.outputs()
                || a.loss() != expected.loss() || a.lastStepOnly() != expected.lastStepOnly()) {
            throw new SettingException("model", "this model's shape (" + a.input().id + " input of " + a.inputSize() + ", "
                    + a.outputs() + " outputs) is not the " + TASKS[task] + " task's");
        }
        return new MemoryTask(s, saved.init, saved.model, trainer, saved);
    }

    @Override
    public SavedModel saved() {
        SavedModel s = savedModel();
        s.init = init;
        for (int i = 0; i < TASKS.length; i++) {
            if (TASKS[i].equals(problem.id())) {
                s.putCounter("memory_task", i);
            }
        }
        s.putCounter("length", settings.length());
        s.putCounter("symbols", settings.symbols());
        s.putCounter("seed", settings.seed());
        saveProgress(s);
        return s;
    }

    @Override
    protected Batch drawStep(Rng data) {
        problem.fill(batch, data);
        return batch;
    }

    /** The held-out measure now: mse (adding) or the share right (copy, order); see {@link MemoryProblem#measure}. */
    public double heldOutMeasure() {
        return problem.measure(model, heldOut);
    }

    /** The held-out loss now, as training measures its loss (comparable with {@link MemoryProblem#baseline}). */
    public double heldOutLoss() {
        return model.evaluate(heldOut, null);
    }

    /** Held-out sequence {@code i} with what the model makes of it. */
    public MemoryProblem.Example example(int i) {
        return problem.example(model, heldOut, Math.floorMod(i, HELD_OUT));
    }

    @Override
    public double stepFlops() {
        return model.stepFlops(problem.steps(), batch.size);
    }

    public MemoryProblem problem() {
        return problem;
    }

    /** The settings of this run (for a resumed run: the model's own). */
    public MemorySettings settings() {
        return new MemorySettings(problem.id(), settings.length(), settings.symbols(), model.architecture().cell(),
                model.architecture().hidden(), trainer.optimizer().kind(), trainer.schedule().lr(), trainer.clipNorm(),
                batch.size, settings.seed(), Knobs.of(init, model.architecture(), trainer.schedule()));
    }
}
