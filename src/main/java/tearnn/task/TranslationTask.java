package tearnn.task;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import tearnn.file.SavedModel;
import tearnn.math.Rng;
import tearnn.model.Architecture;
import tearnn.model.Batch;
import tearnn.model.Initialization;
import tearnn.model.Model;
import tearnn.model.Translation;
import tearnn.optim.OptimizerKind;
import tearnn.settings.SettingException;
import tearnn.train.Trainer;

/**
 * One translator's run ({@link TranslationPairs}): an encoder-decoder with attention, trained with
 * teacher forcing on fresh pairs at every step (none of them a held-out source, but for the few short
 * ones a task has: see {@link TranslationPairs#trainsOnHeldOut}), measured on a held-out set fixed by the
 * seed by decoding greedily. It saves itself to a model file and resumes from one
 * exactly where it stopped.
 */
public final class TranslationTask extends DrawnRun {
    /** Pairs in the held-out set. */
    public static final int HELD_OUT = 1000;
    /** Held-out pairs decoded or evaluated per pass of the model. */
    private static final int MEASURE_BATCH = 250;
    private static final int DATA_SEED = 6000;
    private static final int HELD_OUT_SEED = 7000;
    private static final String[] TASKS = {TranslationPairs.DATES, TranslationPairs.REVERSE};

    private final TranslationSettings settings;
    private final Initialization init;
    private final TranslationPairs pairs;
    private final Batch batch;
    private final String[][] heldOut;
    private final Set<String> heldOutSources = new HashSet<>();
    /** The pairs of the step under way (the array reused from step to step). */
    private final String[][] drawn;

    /** A translation of one text: the output, and (with attention) each output character's weights over the source's. */
    public record Translated(String source, String output, double[][] attention) {
    }

    /** A new run: weights from the seed, as its knobs' initialization says (chrono's T_max: the longest source). */
    public TranslationTask(TranslationSettings s) {
        this(s, s.knobs().initialization(s.pairs().maxSourceLength()),
                s.knobs().newModel(architecture(s), s.seed(), s.pairs().maxSourceLength()), null, null);
    }

    private TranslationTask(TranslationSettings s, Initialization init, Model model, Trainer trainer, SavedModel saved) {
        super(model, trainer != null ? trainer : s.knobs().newTrainer(model, s.optimizer(), s.learningRate(), s.clip()), s.batch(),
                s.seed() + DATA_SEED, saved);
        this.settings = s;
        this.init = init;
        this.pairs = s.pairs();
        this.batch = newBatch(s.batch());
        this.drawn = new String[s.batch()][];
        Rng r = new Rng(s.seed() + HELD_OUT_SEED);
        heldOut = new String[HELD_OUT][];
        for (int i = 0; i < HELD_OUT; i++) {
            heldOut[i] = pairs.draw(r);
            heldOutSources.add(heldOut[i][0]);
        }
    }

    static Architecture architecture(TranslationSettings s) {
        TranslationPairs p = s.pairs();
        return Architecture.ofTokens(p.sourceVocabulary(), s.embedding(), s.cell(), s.hidden()).withLayers(s.layers())
                .withPeephole(s.knobs().peephole()).withDecoder(p.targetVocabulary(), s.attention());
    }

    /** A batch of {@code size} pairs of the task's longest source and target (and its end token). */
    private Batch newBatch(int size) {
        int S = pairs.maxSourceLength();
        int T = pairs.maxTargetLength() + 1;
        return Batch.ofPairs(S, size, new int[S * size], new double[S * size], T, new int[T * size], new int[T * size],
                new double[T * size]);
    }

    /** Puts pairs {@code which} into batch b: sources and targets padded at the end and masked. */
    private void fill(Batch b, String[][] which) {
        int n = b.size;
        Arrays.fill(b.tokens, 0);
        Arrays.fill(b.mask, 0.0);
        Arrays.fill(b.targetTokens, TranslationPairs.END);
        Arrays.fill(b.classes, TranslationPairs.END);
        Arrays.fill(b.targetMask, 0.0);
        for (int k = 0; k < which.length; k++) {
            int[] src = pairs.encodeSource(which[k][0]);
            int[] tgt = pairs.encodeTarget(which[k][1]);
            for (int t = 0; t < src.length; t++) {
                b.tokens[t * n + k] = src[t];
                b.mask[t * n + k] = 1;
            }
            // the decoder reads the start then the target; it should say the target then the end
            for (int t = 0; t <= tgt.length; t++) {
                b.targetTokens[t * n + k] = t == 0 ? TranslationPairs.START : tgt[t - 1];
                b.classes[t * n + k] = t < tgt.length ? tgt[t] : TranslationPairs.END;
                b.targetMask[t * n + k] = 1;
            }
        }
    }

    @Override
    protected Batch drawStep(Rng data) {
        for (int k = 0; k < drawn.length; k++) {
            do {
                drawn[k] = pairs.draw(data);
            } while (heldOutSources.contains(drawn[k][0]) && !pairs.trainsOnHeldOut(drawn[k][0]));
        }
        fill(batch, drawn);
        return batch;
    }

    /** The held-out measures now: greedy decoding of every held-out source, and the loss with teacher forcing. */
    public TranslationMetrics heldOut() {
        return heldOut(HELD_OUT);
    }

    /** As {@link #heldOut()} on the first {@code count} held-out pairs (a quicker look, as the page takes while training). */
    public TranslationMetrics heldOut(int count) {
        if (count < 1 || count > HELD_OUT) {
            throw new IllegalArgumentException("the held-out set has " + HELD_OUT + " pairs; measure 1 to " + HELD_OUT + ", not " + count);
        }
        int exact = 0;
        int chars = 0;
        int right = 0;
        int longest = pairs.maxSourceLength();
        int[] byLength = new int[longest + 1];
        int[] ofLength = new int[longest + 1];
        double lossSum = 0;
        int lossCount = 0;
        for (int from = 0; from < count; from += MEASURE_BATCH) {
            String[][] part = Arrays.copyOfRange(heldOut, from, Math.min(count, from + MEASURE_BATCH));
            int[][] sources = new int[part.length][];
            for (int k = 0; k < part.length; k++) {
                sources[k] = pairs.encodeSource(part[k][0]);
            }
            int[][] outputs = Translation.greedy(model, sources, TranslationPairs.START, TranslationPairs.END,
                    pairs.maxTargetLength() + 1);
            for (int k = 0; k < part.length; k++) {
                String said = pairs.decodeTarget(outputs[k]);
                String target = part[k][1];
                boolean same = said.equals(target);
                exact += same ? 1 : 0;
                ofLength[part[k][0].length()]++;
                byLength[part[k][0].length()] += same ? 1 : 0;
                chars += target.length();
                for (int i = 0; i < Math.min(said.length(), target.length()); i++) {
                    right += said.charAt(i) == target.charAt(i) ? 1 : 0;
                }
            }
            Batch b = newBatch(part.length);
            fill(b, part);
            model.evaluate(b, null);
            lossSum += model.lastLossSum();
            lossCount += model.lastCount();
        }
        double[] exactByLength = new double[longest + 1];
        for (int n = 0; n <= longest; n++) {
            exactByLength[n] = ofLength[n] == 0 ? Double.NaN : (double) byLength[n] / ofLength[n];
        }
        return new TranslationMetrics((double) exact / count, (double) right / chars, lossSum / lossCount, exactByLength);
    }

    /** A person's text translated, by beam search of {@code width} (1: greedy); a character the task does not read is refused by name. */
    public Translated translate(String text, int width) {
        int[] source = pairs.encodeSource(text);
        Translation.Output out = Translation.beam(model, source, width, TranslationPairs.START, TranslationPairs.END,
                pairs.maxTargetLength() + 1);
        return new Translated(text, pairs.decodeTarget(out.tokens()), out.attention());
    }

    /** Held-out pair i: {source, target}. */
    public String[] heldOutPair(int i) {
        return heldOut[i].clone();
    }

    @Override
    public double stepFlops() {
        return model.stepFlops(pairs.maxSourceLength(), batch.size);
    }

    public TranslationPairs pairs() {
        return pairs;
    }

    public TranslationSettings settings() {
        return settings;
    }

    @Override
    public SavedModel saved() {
        SavedModel s = savedModel();
        s.init = init;
        s.putCounter("translation_task", Arrays.asList(TASKS).indexOf(pairs.id()));
        s.putCounter("length", settings.length());
        s.putCounter("seed", settings.seed());
        saveProgress(s);
        return s;
    }

    /** Continues a saved run (its file from {@link #saved()}); a file that is not a translator's is refused saying why. */
    public static TranslationTask resume(SavedModel saved) {
        int task = (int) saved.counter("translation_task", -1);
        Architecture a = saved.model.architecture();
        if (task < 0 || task >= TASKS.length || !a.decoder()) {
            throw new SettingException("model", "this model file is not a translator's (it names no translation task)");
        }
        Trainer trainer = saved.trainer;
        TranslationSettings d = TranslationSettings.defaults();
        TranslationSettings s = new TranslationSettings(TASKS[task], (int) saved.counter("length", d.length()), a.attention(),
                a.cell(), a.hidden(), a.embedding(), a.layers(), trainer != null ? trainer.optimizer().kind() : OptimizerKind.ADAM,
                trainer != null ? trainer.schedule().lr() : d.learningRate(), trainer != null ? trainer.clipNorm() : d.clip(),
                (int) saved.counter("batch", d.batch()), (int) saved.counter("seed", d.seed()), Knobs.of(saved));
        if (!architecture(s).equals(a)) {
            throw new SettingException("model", "this model's vocabularies (" + a.inputSize() + " source and " + a.outputs()
                    + " target tokens) are not the " + TASKS[task] + " task's");
        }
        return new TranslationTask(s, saved.init, saved.model, trainer, saved);
    }
}
