package tearnn.model;

import java.util.LinkedHashMap;
import java.util.Map;
import tearnn.text.Tokenizer;
import tearnn.text.Vocabulary;
import tearnn.train.Trainer;

/**
 * What a model file holds: the model, and optionally its vocabulary with the tokenizer settings, the
 * trainer (optimizer with its state, schedule, clipping, truncation) and named generator states and
 * counters of the training loop, so a resumed run continues exactly.
 */
public final class SavedModel {
    public final Model model;
    public Vocabulary vocabulary;
    public Tokenizer tokenizer;
    public Trainer trainer;
    public final Map<String, int[]> generators = new LinkedHashMap<>();
    public final Map<String, Double> counters = new LinkedHashMap<>();
    /** Other arrays of the training loop (a carried recurrent state, say), by name. */
    public final Map<String, double[]> arrays = new LinkedHashMap<>();

    public SavedModel(Model model) {
        if (model == null) {
            throw new IllegalArgumentException("no model");
        }
        this.model = model;
    }
}
