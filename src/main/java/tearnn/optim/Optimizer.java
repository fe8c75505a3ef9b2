package tearnn.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import tearnn.nn.Params;

/**
 * Updates a {@link Params} buffer from its gradients, one loop over the flat buffer. State arrays
 * (momentum, running averages) share the parameters' layout and are saved with the model, so a
 * resumed run continues exactly. The formulas are PyTorch's ({@code torch.optim}).
 */
public abstract class Optimizer {
    protected final Map<String, double[]> state = new LinkedHashMap<>();
    protected int steps;
    /** Length of the parameter buffer this optimizer's state was made for (-1: no state yet). */
    private int size = -1;

    /** Which optimizer this is. */
    public abstract OptimizerKind kind();

    /** Applies one update with learning rate {@code lr} to {@code p.value} from {@code p.grad}. */
    public final void step(Params p, double lr) {
        beginStep(p, lr);
        update(p.value, p.grad, 0, p.size());
    }

    /**
     * Starts an update with learning rate {@code lr}: counts the step and works out what the whole
     * update shares. {@link #update} then updates the parameters a range at a time (each on its own,
     * so ranges give the bits of one {@link #step}).
     */
    public final void beginStep(Params p, double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("learning rate must be finite and >= 0, got " + lr);
        }
        if (size >= 0 && size != p.size()) {
            throw new IllegalStateException("optimizer state has " + size + " values, parameters " + p.size());
        }
        steps++;
        prepare(lr);
    }

    /** What an update shares (the learning rate, bias corrections), after the step is counted. */
    protected abstract void prepare(double lr);

    /** Updates parameters [from, to) of {@code w} from {@code g}, as {@link #prepare prepared}. */
    public abstract void update(double[] w, double[] g, int from, int to);

    /** Number of updates applied. */
    public int steps() {
        return steps;
    }

    /** Named state arrays, each as long as the parameter buffer (the live arrays). */
    public Map<String, double[]> state() {
        return state;
    }

    /** Hyperparameters by name, for saving. */
    public abstract Map<String, Double> hyperparameters();

    /** Restores the step count and state arrays saved from an optimizer of the same kind. */
    public void restore(int savedSteps, Map<String, double[]> saved) {
        if (savedSteps < 0) {
            throw new IllegalArgumentException("optimizer step count must be >= 0, got " + savedSteps);
        }
        for (Map.Entry<String, double[]> e : state.entrySet()) {
            double[] v = saved.get(e.getKey());
            if (v == null) {
                throw new IllegalArgumentException(kind().id + " optimizer state is missing \"" + e.getKey() + "\"");
            }
            if (v.length != e.getValue().length) {
                throw new IllegalArgumentException(kind().id + " optimizer state \"" + e.getKey() + "\" has " + v.length
                        + " values, expected " + e.getValue().length);
            }
            System.arraycopy(v, 0, e.getValue(), 0, v.length);
        }
        for (String k : saved.keySet()) {
            if (!state.containsKey(k)) {
                throw new IllegalArgumentException(kind().id + " optimizer has no state \"" + k + "\"");
            }
        }
        steps = savedSteps;
        restored();
    }

    /** Recomputes anything derived from the step count after {@link #restore}. */
    protected void restored() {
    }

    protected double[] stateArray(String name, int n) {
        double[] a = new double[n];
        state.put(name, a);
        size = n;
        return a;
    }

    static void checkRange(String what, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(what + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }
}
