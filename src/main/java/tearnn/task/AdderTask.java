package tearnn.task;

import tearnn.file.SavedModel;
import tearnn.loss.LossKind;
import tearnn.math.Rng;
import tearnn.model.Architecture;
import tearnn.model.Batch;
import tearnn.model.Initialization;
import tearnn.model.InputKind;
import tearnn.model.Model;
import tearnn.train.Trainer;

/**
 * One binary-adder run: model, trainer, the random pairs it learns from, and its progress. The page,
 * the command line and the benchmarks all train the adder through this class; it saves itself to a
 * model file and resumes from one exactly where it stopped.
 */
public final class AdderTask extends TrainingRun<AdderTask.Snapshot> {
    /** Pairs in the random sample that {@link #sampleAccuracy()} checks. */
    public static final int SAMPLE = 256;
    /** Seeds of the training pairs and of the sample, from the run's seed. */
    private static final int DATA_SEED = 1000;
    private static final int SAMPLE_SEED = 2000;

    private final AdderSettings settings;
    private final Initialization init;
    private final Adder adder;
    private Rng data;
    /** The pairs' generator as it was when the step under way began. */
    private final Rng dataAtStep = new Rng(0);
    private Rng sampleRng;
    private final Batch batch;
    private final Batch sample;
    private int steps;
    private long examples;

    /** How far a run has come. */
    public record Progress(int steps, long examples) {
    }


    /** The progress and the generators' states, as a checkpoint keeps them. */
    record Snapshot(Progress progress, int[] data, int[] sample) {
    }

    /** A new run: weights from the seed, as its knobs' initialization says (chrono's T_max: the bits). */
    public AdderTask(AdderSettings s) {
        this(s, s.knobs().initialization(s.bits()), newModel(s), null, new Rng(s.seed() + DATA_SEED),
                new Rng(s.seed() + SAMPLE_SEED), new Progress(0, 0));
    }

    private AdderTask(AdderSettings s, Initialization init, Model model, Trainer trainer, Rng data, Rng sampleRng,
            Progress progress) {
        super(model, trainer != null ? trainer : s.knobs().newTrainer(model, s.optimizer(), s.learningRate(), 0));
        this.settings = s;
        this.init = init;
        this.adder = new Adder(s.bits());
        this.data = data;
        this.sampleRng = sampleRng;
        this.batch = adder.newBatch(s.batch());
        this.sample = adder.newBatch(SAMPLE);
        this.steps = progress.steps();
        this.examples = progress.examples();
    }

    private static Model newModel(AdderSettings s) {
        return s.knobs().newModel(Adder.architecture(s.cell(), s.hidden()), s.seed(), s.bits());
    }

    /** Whether a model has the adder's shape (two inputs, one sigmoid output at every step). */
    public static boolean isAdder(Architecture a) {
        return a.input() == InputKind.DENSE && a.inputSize() == 2 && a.outputs() == 1 && a.loss() == LossKind.SIGMOID_BCE
                && !a.lastStepOnly();
    }

    /**
     * Continues a saved run: its file from {@link #saved()}, or any adder-shaped model (which then
     * gets the default settings for what the file does not say).
     */
    public static AdderTask resume(SavedModel saved) {
        Architecture a = saved.model.architecture();
        if (!isAdder(a)) {
            throw new IllegalArgumentException("this model file is not a binary adder (it reads " + a.input().id
                    + " input of size " + a.inputSize() + " and predicts " + a.outputs() + " outputs with " + a.loss().id + ")");
        }
        AdderSettings d = AdderSettings.defaults();
        Trainer trainer = saved.trainer;
        AdderSettings s = new AdderSettings((int) saved.counter("bits", d.bits()), a.cell(), a.hidden(),
                trainer != null ? trainer.optimizer().kind() : d.optimizer(),
                trainer != null ? trainer.schedule().lr() : d.learningRate(),
                (int) saved.counter("batch", d.batch()), (int) saved.counter("seed", d.seed()), Knobs.of(saved));
        Rng data = saved.generator("data");
        Rng sample = saved.generator("sample");
        return new AdderTask(s, saved.init, saved.model, trainer, data != null ? data : new Rng(s.seed() + DATA_SEED),
                sample != null ? sample : new Rng(s.seed() + SAMPLE_SEED),
                new Progress((int) saved.counter("steps", 0), (long) saved.counter("examples", 0)));
    }

    /** The model, its trainer and progress, and the generators of the pairs (see {@link TrainingRun#saved}). */
    @Override
    public SavedModel saved() {
        SavedModel s = savedModel();
        s.init = init;
        s.putCounter("bits", adder.bits());
        s.putCounter("steps", steps);
        s.putCounter("examples", examples);
        s.putCounter("batch", batch.size);
        s.putCounter("seed", settings.seed());
        s.putGenerator("data", trainer.stepping() ? dataAtStep : data);
        s.putGenerator("sample", sampleRng);
        return s;
    }

    @Override
    protected void beginStep() {
        dataAtStep.copyFrom(data);
        adder.fillRandom(batch, data);
        trainer.begin(batch, null);
    }

    @Override
    protected Snapshot snapshot() {
        return new Snapshot(progress(), data.state(), sampleRng.state());
    }

    @Override
    protected int restore(Snapshot back) {
        steps = back.progress().steps();
        examples = back.progress().examples();
        data = Rng.fromState(back.data());
        sampleRng = Rng.fromState(back.sample());
        return steps;
    }

    @Override
    protected void stepDone() {
        steps++;
        examples += batch.size;
    }

    /** Share of {@link #SAMPLE} fresh random pairs the model adds right: a quick look at progress. */
    public double sampleAccuracy() {
        adder.fillRandom(sample, sampleRng);
        return adder.accuracy(model, sample);
    }

    /** A check of the model as it is now, over all pairs or a fixed sample of them. */
    public AdderCheck newCheck() {
        return new AdderCheck(adder, model);
    }

    /** Share of {@code count} random additions of {@code bits} bits right: does it add numbers longer than it learned? */
    public double accuracyOn(int bits, int count) {
        return new Adder(bits).accuracySampled(model, count, new Rng(bits));
    }

    /** One addition worked by the model, step by step. */
    public Adder.Trace trace(int a, int b) {
        return adder.trace(model, a, b);
    }

    @Override
    public double stepFlops() {
        return model.stepFlops(adder.bits(), batch.size);
    }

    @Override
    public int steps() {
        return steps;
    }

    public Progress progress() {
        return new Progress(steps, examples);
    }

    /** The settings of this run (for a resumed run: the model's own). */
    public AdderSettings settings() {
        return new AdderSettings(adder.bits(), model.architecture().cell(), model.architecture().hidden(),
                trainer.optimizer().kind(), trainer.schedule().lr(), batch.size, settings.seed(),
                Knobs.of(init, model.architecture(), trainer.schedule()));
    }

    public Adder adder() {
        return adder;
    }

}
