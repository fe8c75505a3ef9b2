package tearnn.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every parameter of a model in one flat buffer, with named slices ({@link Tensor}s). Gradients
 * share the layout, so an optimizer or a clipper is one loop over {@code value} and {@code grad}.
 *
 * <p>Layers {@link #add} their tensors while the model is built; {@link #allocate} then creates the
 * buffers once.
 */
public final class Params {
    private final List<Tensor> tensors = new ArrayList<>();
    /** Second names of tensors used twice (tied weights): a file holds them too, as PyTorch's state_dict does. */
    private final Map<String, Tensor> aliases = new LinkedHashMap<>();
    private int size;
    public double[] value;
    public double[] grad;

    /** Declares a {@code rows x cols} matrix. */
    public Tensor add(String name, int rows, int cols) {
        return add(name, rows, cols, false);
    }

    /** Declares a vector of {@code n} values. */
    public Tensor addVector(String name, int n) {
        return add(name, 1, n, true);
    }

    private Tensor add(String name, int rows, int cols, boolean vector) {
        if (value != null) {
            throw new IllegalStateException("parameters already allocated; cannot add " + name);
        }
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException(name + ": sizes must be positive, got " + rows + "x" + cols);
        }
        if (find(name) != null) {
            throw new IllegalArgumentException("duplicate parameter name " + name);
        }
        Tensor t = new Tensor(name, size, rows, cols, vector);
        tensors.add(t);
        size += rows * cols;
        return t;
    }

    public void allocate() {
        value = new double[size];
        grad = new double[size];
    }

    /**
     * Uses the values of {@code other}, laid out the same, with gradients of its own (a share of a
     * batch's gradient, computed beside the others on the same weights).
     */
    public void shareValues(Params other) {
        share(other);
        grad = new double[size];
    }

    /** Uses the buffers of {@code other}, laid out the same, instead of its own. */
    public void share(Params other) {
        if (other.size != size || other.tensors.size() != tensors.size()) {
            throw new IllegalArgumentException("cannot share the buffers of " + other.size + " parameters with a layout of " + size);
        }
        value = other.value;
        grad = other.grad;
    }

    public int size() {
        return size;
    }

    public List<Tensor> tensors() {
        return Collections.unmodifiableList(tensors);
    }

    /**
     * Gives {@code tensor} a second name (a weight used in two places, such as an embedding tied to
     * the output layer): no new values, and the gradients of both uses add up in the one tensor.
     */
    public void alias(String name, Tensor tensor) {
        if (find(name) != null || aliases.containsKey(name)) {
            throw new IllegalArgumentException("duplicate parameter name " + name);
        }
        aliases.put(name, tensor);
    }

    /** The second names, each with the tensor it names (see {@link #alias}). */
    public Map<String, Tensor> aliases() {
        return Collections.unmodifiableMap(aliases);
    }

    /** The tensor of that name, or null. */
    public Tensor find(String name) {
        for (Tensor t : tensors) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** The tensor holding element {@code i} of the buffer. */
    public Tensor at(int i) {
        for (Tensor t : tensors) {
            if (i >= t.offset() && i < t.offset() + t.size()) {
                return t;
            }
        }
        throw new IllegalArgumentException("element " + i + " is outside the buffer of " + size);
    }

    public void zeroGrad() {
        java.util.Arrays.fill(grad, 0.0);
    }
}
