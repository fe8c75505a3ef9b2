package tearnn.file;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tearnn.math.Rng;
import tearnn.model.Initialization;
import tearnn.model.Model;
import tearnn.text.TextOrigin;
import tearnn.text.Tokenizer;
import tearnn.text.Vocabulary;
import tearnn.train.Trainer;

/**
 * What a model file holds: the model, and optionally its vocabulary with the tokenizer settings, the
 * trainer (optimizer with its state, schedule, clipping, truncation) and the training loop's own
 * progress (named counters, generator states and arrays), so that a resumed run continues exactly.
 * A task writes its progress here under names of its own and reads it back when it resumes.
 */
public final class SavedModel {
    public final Model model;
    public Vocabulary vocabulary;
    public Tokenizer tokenizer;
    public Trainer trainer;
    /** The text it was last trained on (null: the file does not say). */
    public TextOrigin trainedOn;
    /** How its weights began (null: the file does not say, PyTorch's default). */
    public Initialization init;
    /** A classifier's class names, output k the k-th (null: the file does not say). */
    public List<String> classes;
    /** The dropout generator to save, where it is not the model's own now (a step under way drew from it). */
    public Rng dropout;
    private final Map<String, Double> counters = new LinkedHashMap<>();
    private final Map<String, int[]> generators = new LinkedHashMap<>();
    private final Map<String, double[]> arrays = new LinkedHashMap<>();

    public SavedModel(Model model) {
        if (model == null) {
            throw new IllegalArgumentException("no model");
        }
        this.model = model;
    }

    /** A model with its trainer. */
    public SavedModel(Model model, Trainer trainer) {
        this(model);
        this.trainer = trainer;
    }

    public void putCounter(String name, double value) {
        counters.put(name, value);
    }

    /** The counter's value, or {@code fallback} if the file has none of that name. */
    public double counter(String name, double fallback) {
        Double v = counters.get(name);
        return v == null ? fallback : v;
    }

    public boolean hasCounter(String name) {
        return counters.containsKey(name);
    }

    /** Keeps the generator's current state (a copy). */
    public void putGenerator(String name, Rng rng) {
        generators.put(name, rng.state());
    }

    /** A generator continuing from the saved state, or null if the file has none of that name. */
    public Rng generator(String name) {
        int[] s = generators.get(name);
        return s == null ? null : Rng.fromState(s);
    }

    /** Keeps a copy of the array. */
    public void putArray(String name, double[] values) {
        arrays.put(name, values.clone());
    }

    /** The saved array, or null. */
    public double[] array(String name) {
        return arrays.get(name);
    }

    Map<String, Double> counters() {
        return counters;
    }

    Map<String, int[]> generators() {
        return generators;
    }

    Map<String, double[]> arrays() {
        return arrays;
    }
}
