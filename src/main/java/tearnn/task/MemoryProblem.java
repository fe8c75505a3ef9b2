package tearnn.task;

import tearnn.math.Rng;
import tearnn.model.Architecture;
import tearnn.model.Batch;
import tearnn.model.Model;
import tearnn.nn.CellType;
import tearnn.settings.SettingException;

/**
 * A task that asks a network to carry something across a gap of {@code length} steps, where a plain
 * RNN's gradient through time vanishes and the gates of an LSTM or a GRU carry it: the adding
 * problem ({@link AddingProblem}), copy memory ({@link CopyMemory}) and temporal order
 * ({@link TemporalOrder}). Each says how its sequences look, what a memoryless model scores (the
 * baseline a curve is drawn against), and when it is solved.
 */
public abstract class MemoryProblem {
    /** The tasks' ids, in the order the page offers them. */
    public static final String ADDING = "adding";
    public static final String COPY = "copy";
    public static final String ORDER = "order";

    protected final int length;

    protected MemoryProblem(int length) {
        this.length = length;
    }

    /**
     * The task {@code id} at gap {@code length} ({@code symbols}: the copy task's K); a setting that
     * does not fit the task is refused by name ("length": at least 2 for the adding problem).
     */
    public static MemoryProblem of(String id, int length, int symbols) {
        return switch (id) {
            case ADDING -> new AddingProblem(length);
            case COPY -> new CopyMemory(length, symbols);
            case ORDER -> new TemporalOrder(length);
            default -> throw new SettingException("task", "unknown memory task '" + id + "' (adding, copy or order)");
        };
    }

    /** The task's id ({@link #ADDING}, {@link #COPY}, {@link #ORDER}). */
    public abstract String id();

    /** The gap T. */
    public int length() {
        return length;
    }

    /** Steps in one sequence. */
    public abstract int steps();

    /** The model's shape for this task with this cell and hidden size. */
    public abstract Architecture architecture(CellType cell, int hidden);

    /** A reusable batch of {@code size} sequences. */
    public abstract Batch newBatch(int size);

    /** Fills every sequence of the batch afresh from {@code rng}. */
    public abstract void fill(Batch batch, Rng rng);

    /** The loss (as training measures it) of the best model that remembers nothing. */
    public abstract double baseline();

    /** What the held-out set is scored by: "mse" or "accuracy". */
    public abstract String measureName();

    /** The held-out measure of {@code model} on {@code batch} (mse, or the share right). */
    public abstract double measure(Model model, Batch batch);

    /** Whether that measure solves the task. */
    public abstract boolean solved(double measure);

    /** One sequence of the batch as the page draws it, with what the model makes of it. */
    public abstract Example example(Model model, Batch batch, int sequence);

    /**
     * One sequence drawn: its inputs per step ({@code inputs[t]}: the values, or the symbol as
     * {@code symbols} names it), the target and the model's output (values, or symbols per output step).
     */
    public record Example(String task, double[][] inputs, String[] symbols, double[] target, double[] output,
            String[] targetSymbols, String[] outputSymbols) {
    }
}
