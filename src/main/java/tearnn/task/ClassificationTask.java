package tearnn.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tearnn.file.SavedModel;
import tearnn.loss.LossKind;
import tearnn.math.Fn;
import tearnn.model.Architecture;
import tearnn.model.Batch;
import tearnn.model.Connectivity;
import tearnn.model.Initialization;
import tearnn.model.Model;
import tearnn.model.PrefixPredictions;
import tearnn.model.Trace;
import tearnn.nn.Attention;
import tearnn.settings.SettingException;
import tearnn.train.Trainer;

/**
 * One many-to-one classification run ({@link ClassificationData}): a recurrent stack reads each
 * sequence and a softmax over the classes reads its last real step (shorter sequences are padded at
 * the end and masked: a padded step carries the state unchanged). The data is split by class into
 * training and held-out parts fixed by the seed and scaled by the training part's statistics;
 * training goes through the training part in an order shuffled every epoch. It saves itself to a
 * model file (with the scaling, so the file reads new data as it was trained) and resumes from one on
 * the same data exactly where it stopped.
 */
public final class ClassificationTask extends EpochRun {
    private static final int ORDER_SEED = 5000;
    /** Held-out examples measured per pass of the model at most, and their steps in all (long texts: fewer). */
    private static final int MEASURE_BATCH = 256;
    private static final int MEASURE_STEPS = 32_768;
    /** The embedding's width for a text's words, and for its characters. */
    public static final int WORD_EMBEDDING = 64;
    public static final int CHARACTER_EMBEDDING = 32;

    private final ClassificationSettings settings;
    private final Initialization init;
    private final ClassificationData data;
    private final ClassificationData.Split split;
    private final ClassificationData.Scaled scaled;
    private final int maxSteps;
    /** Whether the sequences differ in length (then batches carry a mask). */
    private final boolean ragged;
    private final int majority;
    private final Batch batch;
    /** Connectivity of the explanations, on a replica of the model made at the first one. */
    private Connectivity connectivity;

    /** A new run: weights from the seed, as its knobs' initialization says (chrono's T_max: the longest sequence). */
    public ClassificationTask(ClassificationData data, ClassificationSettings s) {
        this(data, s, data.split(s.heldOut(), s.seed()),
                s.knobs().newModel(architecture(data, s), s.seed(), data.maxSteps()), null, null);
    }

    private ClassificationTask(ClassificationData data, ClassificationSettings s, ClassificationData.Split split, Model model,
            Trainer trainer, SavedModel saved) {
        super(model, trainer != null ? trainer : s.knobs().newTrainer(model, s.optimizer(), s.learningRate(), s.clip()), s.batch(),
                split.train(), s.seed() + ORDER_SEED, saved);
        this.settings = s;
        this.init = saved != null ? saved.init : s.knobs().initialization(data.maxSteps());
        this.data = data;
        this.split = split;
        this.scaled = data.scaled(split.train());
        this.maxSteps = data.maxSteps();
        boolean differ = false;
        for (int i = 0; i < data.size(); i++) {
            differ |= data.steps(i) != maxSteps;
        }
        this.ragged = differ;
        int[] counts = new int[data.classes().size()];
        for (int i : split.train()) {
            counts[data.labels[i]]++;
        }
        int m = 0;
        for (int c = 1; c < counts.length; c++) {
            m = counts[c] > counts[m] ? c : m;
        }
        this.majority = m;
        this.batch = newBatch(s.batch());
    }

    /** Numbers: a step's values as they are; text: a token's embedding (words 64 wide, characters 32). */
    private static Architecture architecture(ClassificationData data, ClassificationSettings s) {
        Architecture a = data.isText()
                ? Architecture.ofTokens(data.vocabulary().size(), data.tokenizer().characterLevel() ? CHARACTER_EMBEDDING
                        : WORD_EMBEDDING, s.cell(), s.hidden())
                : Architecture.ofVectors(data.inputs(), s.cell(), s.hidden());
        return a.withLayers(s.layers()).withOutputs(data.classes().size(), LossKind.SOFTMAX_CE).withLastStepOnly(true)
                .withAttention(s.attention());
    }

    private Batch newBatch(int size) {
        int n = maxSteps * size;
        return new Batch(maxSteps, size, data.isText() ? new int[n] : null, data.isText() ? null : new double[n * data.inputs()],
                new int[size], null, ragged ? new double[n] : null);
    }

    /** Puts examples {@code which} into batch b, padded at the end (mask 0) to the longest sequence. */
    private void fill(Batch b, int[] which) {
        int in = data.inputs();
        if (b.mask != null) {
            // the padding after each shorter sequence: zeros (token 0), and masked (equal lengths overwrite everything)
            if (b.inputs != null) {
                Arrays.fill(b.inputs, 0.0);
            } else {
                Arrays.fill(b.tokens, 0);
            }
            Arrays.fill(b.mask, 0.0);
        }
        for (int k = 0; k < which.length; k++) {
            int len = data.steps(which[k]);
            double[] v = data.isText() ? null : scaled.data().values[which[k]];
            int[] tokens = data.isText() ? data.tokens[which[k]] : null;
            for (int t = 0; t < len; t++) {
                if (v != null) {
                    System.arraycopy(v, t * in, b.inputs, (t * b.size + k) * in, in);
                } else {
                    b.tokens[t * b.size + k] = tokens[t];
                }
                if (b.mask != null) {
                    b.mask[t * b.size + k] = 1;
                }
            }
            b.classes[k] = data.labels[which[k]];
        }
    }

    @Override
    protected Batch fillStep(int[] which) {
        fill(batch, which);
        return batch;
    }

    /** The held-out part's metrics now. */
    public ClassificationMetrics heldOut() {
        return measure(split.heldOut());
    }

    /** The training part's metrics now. */
    public ClassificationMetrics training() {
        return measure(split.train());
    }

    private ClassificationMetrics measure(int[] which) {
        int c = data.classes().size();
        int[][] confusion = new int[c][c];
        // with attention pooling, the weights of each step summed by true class (predictions run on the inference twin)
        Attention pooling = model.attention() == null ? null : model.inference().attention();
        double[][] attention = pooling == null ? null : new double[c][maxSteps];
        predictEach(which, (example, label, y, k) -> {
            confusion[label][Fn.argmax(y, k * c, c)]++;
            for (int t = 0; attention != null && t < maxSteps; t++) {
                attention[label][t] += pooling.weight(k, t);
            }
        });
        for (int k = 0; attention != null && k < c; k++) {
            int n = 0;
            for (int v : confusion[k]) {
                n += v;
            }
            for (int t = 0; t < maxSteps && n > 0; t++) {
                attention[k][t] /= n;
            }
        }
        return new ClassificationMetrics(data.classes(), confusion, majority, attention);
    }

    /**
     * The held-out examples the model gets wrong, the most confident mistakes first (by the
     * probability of the class it said), at most {@code limit}; and how many there are in all.
     */
    public Mistakes mistakes(int limit) {
        return collect((label, said) -> said != label, limit);
    }

    /**
     * The held-out examples of class {@code label} the model names {@code said} (a cell of the
     * confusion matrix), the surest first, at most {@code limit}; and how many there are in all.
     */
    public Mistakes examples(int label, int said, int limit) {
        int c = data.classes().size();
        if (label < 0 || label >= c || said < 0 || said >= c) {
            throw new SettingException("label", "the classes are 0 to " + (c - 1) + ", not " + label + " and " + said);
        }
        return collect((l, s) -> l == label && s == said, limit);
    }

    /** Which held-out examples {@link #collect} keeps, by true class and class said. */
    private interface Keep {
        boolean keep(int label, int said);
    }

    /** The held-out examples kept, each with the model's top 3, the surest first, at most {@code limit}; and how many in all. */
    private Mistakes collect(Keep keep, int limit) {
        int c = data.classes().size();
        int[] which = split.heldOut();
        Attention pooling = model.attention() == null ? null : model.inference().attention();
        List<Mistake> all = new ArrayList<>();
        predictEach(which, (example, label, y, k) -> {
            int said = Fn.argmax(y, k * c, c);
            if (!keep.keep(label, said)) {
                return;
            }
            // the softmax of the logits, and its three largest
            double[] p = Fn.softmax(y, k * c, c);
            int[] top = Fn.topK(p, c, 3);
            double[] pt = new double[top.length];
            for (int r = 0; r < top.length; r++) {
                pt[r] = p[top[r]];
            }
            int steps = data.steps(example);
            double[] weights = null;
            if (pooling != null) {
                weights = new double[steps];
                for (int t = 0; t < steps; t++) {
                    weights[t] = pooling.weight(k, t);
                }
            }
            all.add(new Mistake(example, label, top, pt, data.isText() ? null : data.values[example].clone(), weights));
        });
        all.sort((a, b) -> Double.compare(b.probabilities()[0], a.probabilities()[0]));
        return new Mistakes(all.subList(0, Math.min(limit, all.size())), all.size());
    }

    /** What {@link #predictEach} gives for each example. */
    private interface Prediction {
        /** Example {@code example} of class {@code label}: its logits in {@code y} from {@code k * classes} on. */
        void take(int example, int label, double[] y, int k);
    }

    /**
     * The model's logits for each of {@code which}, in batches (the model's inference twin holds the
     * batch's attention weights meanwhile, sequence k at k).
     */
    private void predictEach(int[] which, Prediction each) {
        int size = Math.max(1, Math.min(MEASURE_BATCH, MEASURE_STEPS / maxSteps));
        for (int from = 0; from < which.length; from += size) {
            int[] part = Arrays.copyOfRange(which, from, Math.min(which.length, from + size));
            Batch b = newBatch(part.length);
            fill(b, part);
            double[] y = model.predict(b, null);
            for (int k = 0; k < part.length; k++) {
                each.take(part[k], b.classes[k], y, k);
            }
        }
    }

    /**
     * Why and when the model names held-out example {@code i} (its place in the held-out part) as it
     * does: the class it names, its probabilities had the sequence ended after each step, how much each
     * step's input moves the log-probability of that class (connectivity), and with attention pooling
     * the weight of each step.
     */
    public Explained explain(int i) {
        int example = heldOutExample(i);
        if (data.isText()) {
            return explainTokens(example, data.labels[example], data.tokens[example]);
        }
        return explain(example, data.labels[example], data.values[example].clone(), scaled.data().values[example]);
    }

    /**
     * What the units of the model do over held-out example {@code i} (its place in the held-out part):
     * every layer's states and gates at each of its steps (see {@link Trace}), as the model reads it.
     */
    public Trace trace(int i) {
        int example = heldOutExample(i);
        return data.isText() ? Trace.ofTokens(model, data.tokens[example])
                : Trace.ofVectors(model, scaled.data().values[example], data.steps(example));
    }

    /** Held-out example i's tokens as the model reads them (text), or null (numbers). */
    public String[] heldOutTokens(int i) {
        return data.isText() ? words(data.tokens[heldOutExample(i)]) : null;
    }

    /** The index in the data of held-out example {@code i} (its place in the held-out part), refused by name if there is none. */
    private int heldOutExample(int i) {
        int[] held = split.heldOut();
        if (i < 0 || i >= held.length) {
            throw new SettingException("example", "the held-out part has " + held.length + " examples: 0 to " + (held.length - 1)
                    + ", not " + i);
        }
        return held[i];
    }

    /** Tokens as the vocabulary writes them. */
    private String[] words(int[] tokens) {
        String[] words = new String[tokens.length];
        for (int t = 0; t < tokens.length; t++) {
            words[t] = data.vocabulary().token(tokens[t]);
        }
        return words;
    }

    /**
     * As {@link #explain(int)} for a person's own text (a text model's): split as the data was, its
     * tokens outside the vocabulary read as {@code <unk>}, cut after as many tokens as the data's
     * longest; its class unknown (-1). A text with no token is refused by name.
     */
    public Explained explain(String text) {
        if (!data.isText()) {
            throw new SettingException("text", "this model reads numbers, not text");
        }
        List<String> split = data.tokenizer().tokenize(text);
        if (split.isEmpty()) {
            throw new SettingException("text", "type a text to classify: there is no " + (data.tokenizer().characterLevel()
                    ? "character" : "word") + " in this one");
        }
        int[] tokens = data.vocabulary().encode(split.subList(0, Math.min(split.size(), maxSteps)));
        return explainTokens(-1, -1, tokens);
    }

    private Explained explainTokens(int example, int label, int[] tokens) {
        PrefixPredictions.Result when = PrefixPredictions.ofTokens(model, tokens);
        double[] last = when.probabilities()[tokens.length - 1];
        int said = Fn.argmax(last, 0, last.length);
        if (connectivity == null) {
            connectivity = new Connectivity(model);
        }
        double[] why = connectivity.ofTokens(tokens, said).norms();
        return new Explained(example, label, said, null, words(tokens), when.probabilities(), why, when.attention());
    }

    /**
     * As {@link #explain(int)} for a person's own sequence: {@code values} [T][I] flat as the data holds
     * them (a digit's 64 pixels, 0 to 16), scaled as the training part was; its class unknown (-1). A
     * sequence of another shape, longer than the data's, or with a value that is not a number is refused
     * by name.
     */
    public Explained explain(double[] values) {
        if (data.isText()) {
            throw new SettingException("values", "this model reads text, not numbers");
        }
        int in = data.inputs();
        if (values.length == 0 || values.length % in != 0 || values.length / in > maxSteps) {
            throw new SettingException("values", "a sequence here is 1 to " + maxSteps + " steps of " + in + " value"
                    + (in == 1 ? "" : "s") + ": " + in + " to " + maxSteps * in + " numbers, a multiple of " + in + ", not "
                    + values.length);
        }
        double[] x = new double[values.length];
        for (int j = 0; j < values.length; j++) {
            if (!Double.isFinite(values[j])) {
                throw new SettingException("values", "value " + (j + 1) + " is not a number");
            }
            x[j] = (values[j] - scaled.mean()[j % in]) / scaled.deviation()[j % in];
        }
        return explain(-1, -1, values.clone(), x);
    }

    private Explained explain(int example, int label, double[] raw, double[] x) {
        int steps = x.length / data.inputs();
        PrefixPredictions.Result when = PrefixPredictions.ofVectors(model, x, steps);
        double[] last = when.probabilities()[steps - 1];
        int said = Fn.argmax(last, 0, last.length);
        if (connectivity == null) {
            connectivity = new Connectivity(model);
        }
        double[] why = connectivity.ofVectors(x, steps, said).norms();
        return new Explained(example, label, said, raw, null, when.probabilities(), why, when.attention());
    }

    /**
     * One example explained ({@link #explain}): its index in the data and its class (-1: a person's own,
     * unknown), the class the model names, its values as read [T][I] flat (numbers) or its tokens [T]
     * (text; the other null), the probabilities after each step [T][C], the connectivity of the class
     * named [T], and the attention weights [T] (null without attention).
     */
    public record Explained(int example, int label, int said, double[] values, String[] tokens, double[][] afterEachStep,
            double[] connectivity, double[] attention) {
    }

    /** Some of the held-out examples a model gets wrong ({@link #mistakes}), and how many it gets wrong in all. */
    public record Mistakes(List<Mistake> shown, int count) {
    }

    @Override
    public SavedModel saved() {
        SavedModel s = savedModel();
        s.init = init;
        saveProgress(s);
        s.putCounter("held_out", settings.heldOut());
        s.putCounter("seed", settings.seed());
        s.classes = data.classes();
        if (data.isText()) {
            s.vocabulary = data.vocabulary();
            s.tokenizer = data.tokenizer();
        } else {
            s.putArray("input_mean", scaled.mean());
            s.putArray("input_deviation", scaled.deviation());
        }
        return s;
    }

    /** Continues a saved run on the same data; a model of another shape, or other data, is refused saying why. */
    public static ClassificationTask resume(ClassificationData data, SavedModel saved) {
        Architecture a = saved.model.architecture();
        if (!a.lastStepOnly() || a.loss() != LossKind.SOFTMAX_CE || a.decoder()) {
            throw new SettingException("model", "this is not a classifier (one class at each sequence's end)");
        }
        if (a.input().tokens() != data.isText()) {
            throw new SettingException("model", "this model reads " + (a.input().tokens() ? "text" : "numbers") + "; the data is "
                    + (data.isText() ? "text" : "numbers"));
        }
        if (data.isText() ? saved.vocabulary == null || !saved.vocabulary.tokens().equals(data.vocabulary().tokens())
                || saved.tokenizer.characterLevel() != data.tokenizer().characterLevel()
                : a.inputSize() != data.inputs()) {
            throw new SettingException("model", data.isText() ? "this model was trained on other texts (its vocabulary of "
                    + a.inputSize() + " tokens is not the one these texts give)" : "this model reads " + a.inputSize()
                    + " values a step; the data has " + data.inputs());
        }
        if (a.outputs() != data.classes().size() || (saved.classes != null && !saved.classes.equals(data.classes()))) {
            throw new SettingException("model", "this model tells apart " + (saved.classes != null ? String.join(", ", saved.classes)
                    : a.outputs() + " classes") + "; the data's classes are " + String.join(", ", data.classes()));
        }
        ClassificationSettings d = ClassificationSettings.defaults();
        Trainer tr = saved.trainer;
        ClassificationSettings s = new ClassificationSettings(a.cell(), a.hidden(), a.layers(), a.attention(),
                tr != null ? tr.optimizer().kind() : d.optimizer(), tr != null ? tr.schedule().lr() : d.learningRate(),
                tr != null ? tr.clipNorm() : d.clip(), (int) saved.counter("batch", d.batch()), saved.counter("held_out", d.heldOut()),
                (int) saved.counter("seed", d.seed()), Knobs.of(saved));
        int kept = keptExamples(saved);
        ClassificationData.Split split = data.split(s.heldOut(), s.seed());
        if (kept >= 0 && kept != split.train().length) {
            throw new SettingException("model", "this model was trained on other data (" + kept
                    + " training examples, not " + split.train().length + ")");
        }
        return new ClassificationTask(data, s, split, saved.model, tr, saved);
    }

    @Override
    public double stepFlops() {
        return model.stepFlops(maxSteps, batch.size);
    }

    public ClassificationData data() {
        return data;
    }

    public ClassificationData.Split split() {
        return split;
    }

    public ClassificationSettings settings() {
        return settings;
    }
}
