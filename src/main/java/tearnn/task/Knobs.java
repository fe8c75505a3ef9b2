package tearnn.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tearnn.file.SavedModel;
import tearnn.model.Architecture;
import tearnn.model.Initialization;
import tearnn.model.Model;
import tearnn.nn.CellType;
import tearnn.optim.OptimizerKind;
import tearnn.optim.Schedule;
import tearnn.settings.Setting;
import tearnn.settings.SettingException;
import tearnn.settings.SettingValues;
import tearnn.train.Trainer;

/**
 * The knobs every task shares beyond its own settings: how the weights begin ({@link Initialization}),
 * an LSTM's peepholes, and the learning-rate schedule. {@link #ALL} describes them once; each task's
 * settings list them after its own, so every panel's form and every command's options have them, and
 * a model file keeps them (the init block, the architecture's peephole, the training block's schedule).
 *
 * @param init          one of {@link Initialization#KINDS}
 * @param chronoMax     chrono's T_max; 0: the task's own span (a memory task's sequence, the adder's bits,
 *                      a language model's BPTT length)
 * @param schedule      "constant", "step" (the rate times {@code decay} every {@code scheduleSteps}
 *                      updates) or "cosine" (from the rate down to 0 over {@code scheduleSteps} updates)
 */
public record Knobs(String init, int chronoMax, boolean peephole, String schedule, int scheduleSteps, double decay) {
    public static final Setting INIT = Setting.choice("init", "Initialization", Initialization.PYTORCH, List.of(
            new Setting.Choice(Initialization.PYTORCH, "PyTorch default"),
            new Setting.Choice(Initialization.XAVIER, "Xavier (Glorot)"),
            new Setting.Choice(Initialization.ORTHOGONAL, "orthogonal recurrent"),
            new Setting.Choice(Initialization.FORGET, "forget-gate bias 1 (LSTM)"),
            new Setting.Choice(Initialization.CHRONO, "chrono (LSTM, GRU)"),
            new Setting.Choice(Initialization.IDENTITY, "identity: IRNN (RNN relu)")));
    public static final Setting CHRONO_MAX = Setting.integer("chronoMax", "Chrono T_max (0: the sequence's length)", 0, 0,
            1_000_000).onlyWhen("init", Initialization.CHRONO);
    public static final Setting PEEPHOLE = Setting.flag("peephole", "Peepholes", false).onlyWhen("cell", "lstm");
    public static final Setting SCHEDULE = Setting.choice("schedule", "Learning-rate schedule", "constant", List.of(
            new Setting.Choice("constant", "constant"), new Setting.Choice("step", "step decay"),
            new Setting.Choice("cosine", "cosine")));
    public static final Setting SCHEDULE_STEPS = Setting.integer("scheduleSteps", "Schedule steps (step: period; cosine: length)",
            1000, 1, 100_000_000).onlyWhen("schedule", "step", "cosine");
    public static final Setting DECAY = Setting.number("decay", "Step decay factor", 0.5, 0.01, 1).onlyWhen("schedule", "step");
    /** In the order the page shows them, after a task's own settings. */
    public static final List<Setting> ALL = List.of(INIT, CHRONO_MAX, PEEPHOLE, SCHEDULE, SCHEDULE_STEPS, DECAY);
    /** PyTorch's initialization, no peepholes, a constant rate. */
    public static final Knobs DEFAULT = read(SettingValues.NONE);

    public Knobs {
        INIT.check(init);
        CHRONO_MAX.check(chronoMax);
        if (chronoMax == 1) {
            throw new SettingException(CHRONO_MAX.name(), "Chrono T_max must be 0 (the sequence's length) or at least 2");
        }
        SCHEDULE.check(schedule);
        SCHEDULE_STEPS.check(scheduleSteps);
        DECAY.check(decay);
    }

    public static Knobs read(SettingValues v) {
        return new Knobs(INIT.choice(v), CHRONO_MAX.integer(v), PEEPHOLE.flag(v), SCHEDULE.choice(v), SCHEDULE_STEPS.integer(v),
                DECAY.number(v));
    }

    /** A task's own settings followed by the knobs, in the order the page shows them. */
    static List<Setting> after(List<Setting> own) {
        List<Setting> all = new ArrayList<>(own);
        all.addAll(ALL);
        return List.copyOf(all);
    }

    /** Refuses, by the knob's name, a knob that does not fit the cell (peepholes on a GRU, an IRNN of LSTMs). */
    public void check(CellType cell) {
        if (peephole && cell != CellType.LSTM) {
            throw new SettingException(PEEPHOLE.name(), "Peepholes are an LSTM's; the cell is " + cell.label);
        }
        String no = Initialization.of(init, 2).refusal(cell, true);
        if (no != null) {
            throw new SettingException(INIT.name(), no.substring(0, 1).toUpperCase() + no.substring(1));
        }
    }

    /** The initialization, chrono's T_max resolved against the task's own {@code span} where it is 0. */
    public Initialization initialization(int span) {
        return Initialization.of(init, chronoMax > 0 ? chronoMax : Math.max(2, span));
    }

    /** The architecture with the peepholes these knobs ask for. */
    public Architecture shape(Architecture a) {
        return a.withPeephole(peephole);
    }

    /**
     * A new model of shape {@code a} with these knobs' peepholes, its weights drawn from {@code seed} as
     * the initialization says ({@code span}: chrono's T_max where the knobs leave it at 0).
     */
    public Model newModel(Architecture a, int seed, int span) {
        Model m = new Model(shape(a), seed);
        initialization(span).apply(m, seed);
        return m;
    }

    /** A trainer of {@code model} by {@code optimizer} from base rate {@code lr} on these knobs' schedule, clipping at {@code clip} (0: none). */
    public Trainer newTrainer(Model model, OptimizerKind optimizer, double lr, double clip) {
        Trainer t = new Trainer(model, optimizer.create(model.params().size()), schedule(lr));
        t.setClipNorm(clip);
        return t;
    }

    /** The learning-rate schedule from base rate {@code lr}. */
    public Schedule schedule(double lr) {
        return switch (schedule) {
            case "step" -> Schedule.step(lr, scheduleSteps, decay);
            case "cosine" -> Schedule.cosine(lr, scheduleSteps, 0);
            default -> Schedule.constant(lr);
        };
    }

    /**
     * The knobs a saved run was made with: its file's init block, its architecture's peepholes, its
     * trainer's schedule (the defaults for what the file does not say).
     */
    public static Knobs of(SavedModel saved) {
        return of(saved.init, saved.model.architecture(), saved.trainer != null ? saved.trainer.schedule() : null);
    }

    /** The knobs of a run made with {@code init} (null: PyTorch's), of shape {@code a}, training on schedule {@code s}. */
    public static Knobs of(Initialization init, Architecture a, Schedule s) {
        Initialization i = init != null ? init : Initialization.DEFAULT;
        String kind = "constant";
        int steps = DEFAULT.scheduleSteps;
        double decay = DEFAULT.decay;
        if (s instanceof Schedule.StepDecay d) {
            kind = "step";
            steps = Math.max(1, d.every());
            decay = d.gamma();
        } else if (s instanceof Schedule.Cosine c) {
            kind = "cosine";
            steps = c.total();
        }
        return new Knobs(i.kind(), i.chronoMax(), a.peephole(), kind, steps,
                Math.max(DECAY.min(), decay));
    }

    /** Adds each knob's value as text, by name, as a form or a command line shows it. */
    void putText(Map<String, String> m) {
        m.put(INIT.name(), init);
        m.put(CHRONO_MAX.name(), Setting.format(chronoMax));
        m.put(PEEPHOLE.name(), peephole ? "true" : "false");
        m.put(SCHEDULE.name(), schedule);
        m.put(SCHEDULE_STEPS.name(), Setting.format(scheduleSteps));
        m.put(DECAY.name(), Setting.format(decay));
    }
}
