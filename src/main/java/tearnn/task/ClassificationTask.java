package tearnn.task;

import java.util.Arrays;
import tearnn.file.SavedModel;
import tearnn.loss.LossKind;
import tearnn.math.Fn;
import tearnn.math.Rng;
import tearnn.model.Architecture;
import tearnn.model.Batch;
import tearnn.model.Initialization;
import tearnn.model.Model;
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
public final class ClassificationTask extends TrainingRun<ClassificationTask.Snapshot> {
    private static final int ORDER_SEED = 5000;
    /** Held-out examples measured per pass of the model. */
    private static final int MEASURE_BATCH = 256;

    private final ClassificationSettings settings;
    private final Initialization init;
    private final ClassificationData data;
    private final ClassificationData.Split split;
    private final ClassificationData.Scaled scaled;
    private final int maxSteps;
    /** Whether the sequences differ in length (then batches carry a mask). */
    private final boolean ragged;
    private final int majority;
    /** The training examples of the step under way (reused from step to step). */
    private final int[] chosen;
    private Rng order;
    private final Rng orderAtStep = new Rng(0);
    private int[] shuffled;
    private int position;
    private int positionAtStep;
    private final Batch batch;
    private int steps;
    private long examples;

    /** How far a run has come: steps, examples seen, epochs begun. */
    public record Progress(int steps, long examples, int position) {
    }

    record Snapshot(Progress progress, int[] order, int[] shuffled) {
    }

    /** A new run: weights from the seed, as its knobs' initialization says (chrono's T_max: the longest sequence). */
    public ClassificationTask(ClassificationData data, ClassificationSettings s) {
        this(data, s, data.split(s.heldOut(), s.seed()), newModel(data, s), null, null);
    }

    private ClassificationTask(ClassificationData data, ClassificationSettings s, ClassificationData.Split split, Model model,
            Trainer trainer, SavedModel saved) {
        super(model, trainer != null ? trainer : newTrainer(model, s));
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
        this.chosen = new int[s.batch()];
        if (saved != null && saved.generator("order") != null) {
            this.order = saved.generator("order");
            this.steps = (int) saved.counter("steps", 0);
            this.examples = (long) saved.counter("examples", 0);
            this.position = (int) saved.counter("position", 0);
            double[] kept = saved.array("shuffled");
            this.shuffled = new int[kept.length];
            for (int i = 0; i < kept.length; i++) {
                this.shuffled[i] = (int) kept[i];
            }
        } else {
            this.order = new Rng(s.seed() + ORDER_SEED);
            this.shuffled = split.train().clone();
            shuffle();
        }
    }

    private static Architecture architecture(ClassificationData data, ClassificationSettings s) {
        return s.knobs().shape(Architecture.ofVectors(data.inputs(), s.cell(), s.hidden()).withLayers(s.layers())
                .withOutputs(data.classes().size(), LossKind.SOFTMAX_CE).withLastStepOnly(true));
    }

    private static Model newModel(ClassificationData data, ClassificationSettings s) {
        Model m = new Model(architecture(data, s), s.seed());
        s.knobs().initialization(data.maxSteps()).apply(m, s.seed());
        return m;
    }

    private static Trainer newTrainer(Model model, ClassificationSettings s) {
        Trainer t = new Trainer(model, s.optimizer().create(model.params().size()), s.knobs().schedule(s.learningRate()));
        t.setClipNorm(s.clip());
        return t;
    }

    private Batch newBatch(int size) {
        return new Batch(maxSteps, size, null, new double[maxSteps * size * data.inputs()], new int[size], null,
                ragged ? new double[maxSteps * size] : null);
    }

    private void shuffle() {
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = order.nextInt(i + 1);
            int t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        position = 0;
    }

    /** Puts examples {@code which} into batch b, padded at the end (mask 0) to the longest sequence. */
    private void fill(Batch b, int[] which) {
        int in = data.inputs();
        if (b.mask != null) {
            // the padding after each shorter sequence: zeros, and masked (equal lengths overwrite everything)
            Arrays.fill(b.inputs, 0.0);
            Arrays.fill(b.mask, 0.0);
        }
        for (int k = 0; k < which.length; k++) {
            double[] v = scaled.data().values[which[k]];
            int len = v.length / in;
            for (int t = 0; t < len; t++) {
                System.arraycopy(v, t * in, b.inputs, (t * b.size + k) * in, in);
                if (b.mask != null) {
                    b.mask[t * b.size + k] = 1;
                }
            }
            b.classes[k] = data.labels[which[k]];
        }
    }

    @Override
    protected void beginStep() {
        orderAtStep.copyFrom(order);
        positionAtStep = position;
        for (int k = 0; k < chosen.length; k++) {
            if (position == shuffled.length) {
                shuffle();
            }
            chosen[k] = shuffled[position++];
        }
        fill(batch, chosen);
        trainer.begin(batch, null);
    }

    @Override
    protected Snapshot snapshot() {
        return new Snapshot(progress(), order.state(), shuffled.clone());
    }

    @Override
    protected int restore(Snapshot back) {
        steps = back.progress().steps();
        examples = back.progress().examples();
        position = back.progress().position();
        order = Rng.fromState(back.order());
        shuffled = back.shuffled().clone();
        return steps;
    }

    @Override
    protected void stepDone() {
        steps++;
        examples += batch.size;
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
        for (int from = 0; from < which.length; from += MEASURE_BATCH) {
            int[] part = Arrays.copyOfRange(which, from, Math.min(which.length, from + MEASURE_BATCH));
            Batch b = newBatch(part.length);
            fill(b, part);
            double[] y = model.predict(b, null);
            for (int k = 0; k < part.length; k++) {
                confusion[b.classes[k]][Fn.argmax(y, k * c, c)]++;
            }
        }
        return new ClassificationMetrics(data.classes(), confusion, majority);
    }

    @Override
    public SavedModel saved() {
        if (trainer.updating()) {
            settle();
        }
        boolean under = trainer.stepping();
        SavedModel s = new SavedModel(model, trainer);
        s.init = init;
        s.putCounter("steps", steps);
        s.putCounter("examples", examples);
        s.putCounter("position", under ? positionAtStep : position);
        s.putCounter("held_out", settings.heldOut());
        s.putCounter("batch", batch.size);
        s.putCounter("seed", settings.seed());
        s.putGenerator("order", under ? orderAtStep : order);
        double[] kept = new double[shuffled.length];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = shuffled[i];
        }
        s.putArray("shuffled", kept);
        s.putArray("input_mean", scaled.mean());
        s.putArray("input_deviation", scaled.deviation());
        return s;
    }

    /** Continues a saved run on the same data; a model of another shape, or other data, is refused saying why. */
    public static ClassificationTask resume(ClassificationData data, SavedModel saved) {
        Architecture a = saved.model.architecture();
        if (a.inputSize() != data.inputs() || a.outputs() != data.classes().size() || !a.lastStepOnly()
                || a.loss() != LossKind.SOFTMAX_CE) {
            throw new SettingException("model", "this model reads " + a.inputSize() + " values a step into " + a.outputs()
                    + " classes; the data has " + data.inputs() + " and " + data.classes().size());
        }
        ClassificationSettings d = ClassificationSettings.defaults();
        Trainer tr = saved.trainer;
        ClassificationSettings s = new ClassificationSettings(a.cell(), a.hidden(), a.layers(),
                tr != null ? tr.optimizer().kind() : d.optimizer(), tr != null ? tr.schedule().lr() : d.learningRate(),
                tr != null ? tr.clipNorm() : d.clip(), (int) saved.counter("batch", d.batch()), saved.counter("held_out", d.heldOut()),
                (int) saved.counter("seed", d.seed()), Knobs.of(saved));
        double[] shuffled = saved.array("shuffled");
        ClassificationData.Split split = data.split(s.heldOut(), s.seed());
        if (shuffled != null && shuffled.length != split.train().length) {
            throw new SettingException("model", "this model was trained on other data (" + shuffled.length
                    + " training examples, not " + split.train().length + ")");
        }
        return new ClassificationTask(data, s, split, saved.model, tr, saved);
    }

    public Progress progress() {
        return new Progress(steps, examples, position);
    }

    @Override
    public int steps() {
        return steps;
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
