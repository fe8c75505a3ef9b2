package tearnn.task;

import java.util.Arrays;
import tearnn.file.SavedModel;
import tearnn.model.Architecture;
import tearnn.model.Model;
import tearnn.model.OutputLayer;
import tearnn.model.State;
import tearnn.settings.SettingException;
import tearnn.text.TextOrigin;
import tearnn.train.Trainer;

/**
 * Trains a next-token model on a {@link Corpus}: stateful truncated backpropagation over B
 * parallel streams of the training tokens, validation perplexity over the held-out tokens.
 * Training runs in bounded slices ({@link #train(int)}, {@link #work(double)}), so a caller can show
 * progress or pause.
 */
public final class LanguageModelTask extends TrainingRun<LanguageModelTask.Snapshot> {
    private final Corpus corpus;
    private final TokenStreams streams;
    private final State state;
    private final LanguageModelSettings settings;
    private int epoch;
    private long tokensSeen;
    /** Training steps taken (kept apart from the optimizer's count, which starts over with a fresh optimizer). */
    private int steps;
    /** Where the streams and the epoch stood when the step under way began. */
    private int positionAtStep;
    private int epochAtStep;
    /** A resumed model: the text its file says it was trained on (null: not said), and the steps it had then. */
    private boolean resumed;
    private TextOrigin fileTrainedOn;
    private int stepsAtResume;

    public LanguageModelTask(Corpus corpus, LanguageModelSettings s) {
        this(corpus, s, newModel(corpus, s), null);
    }

    /** {@code model}, if it reads the corpus's tokens. */
    private static Model fits(Model model, Corpus corpus) {
        if (model.architecture().inputSize() != corpus.vocabulary.size()) {
            throw new IllegalArgumentException("the model's vocabulary has " + model.architecture().inputSize()
                    + " tokens, the corpus's " + corpus.vocabulary.size());
        }
        return model;
    }

    private static Trainer newTrainer(Model model, LanguageModelSettings s) {
        Trainer t = new Trainer(model, s.optimizer().create(model.params().size()), s.knobs().schedule(s.learningRate()));
        t.setClipNorm(s.clipNorm());
        return t;
    }

    private static Model newModel(Corpus corpus, LanguageModelSettings s) {
        Architecture arch = Architecture.languageModel(s.cell(), corpus.vocabulary.size(), s.embedding(), s.hidden(),
                s.layers(), s.dropout());
        Model m = new Model(s.knobs().shape(arch.withOutput(outputLayer(corpus, s))), s.seed());
        s.knobs().initialization(s.bptt()).apply(m, s.seed());
        return m;
    }

    /**
     * The output layer the settings ask for: the adaptive softmax when asked, or when "auto" on a
     * word vocabulary above {@link LanguageModelSettings#ADAPTIVE_ABOVE}, with cutoffs chosen from
     * the training text's token counts ({@link AdaptiveCutoffs}); else a full softmax.
     */
    static OutputLayer outputLayer(Corpus corpus, LanguageModelSettings s) {
        int v = corpus.vocabulary.size();
        if (s.tied()) {
            String tied = LanguageModelSettings.TIED.name();
            if (s.output().equals("adaptive")) {
                throw new SettingException(tied, "Tied embeddings need the full softmax: the adaptive softmax's clusters have"
                        + " weights of other shapes than the embedding");
            }
            if (s.embedding() != s.hidden()) {
                throw new SettingException(tied, "Tied embeddings need the embedding size equal to the hidden size (here "
                        + s.embedding() + " and " + s.hidden() + ")");
            }
            return OutputLayer.TIED;
        }
        boolean adaptive = s.output().equals("adaptive")
                || (s.output().equals("auto") && !s.characters() && v > LanguageModelSettings.ADAPTIVE_ABOVE);
        if (!adaptive) {
            return OutputLayer.FULL;
        }
        if (v < 3) {
            throw new SettingException(LanguageModelSettings.OUTPUT.name(), "the adaptive softmax needs a vocabulary of at least"
                    + " 3 tokens (a shortlist and a cluster); this one has " + v);
        }
        return OutputLayer.adaptive(AdaptiveCutoffs.choose(corpus.tokenCounts(), s.hidden(), 4.0));
    }

    /** Continues with a loaded model (and trainer, if the file had one). */
    public LanguageModelTask(Corpus corpus, LanguageModelSettings s, Model model, Trainer trainer) {
        super(fits(model, corpus), trainer != null ? trainer : newTrainer(model, s));
        this.corpus = corpus;
        this.settings = s;
        try {
            this.streams = new TokenStreams(corpus.train, s.batch(), s.bptt());
        } catch (IllegalArgumentException e) {
            // the training text is too short for one window in every stream
            throw new SettingException(LanguageModelSettings.BPTT.name(), e.getMessage());
        }
        this.state = model.newState(s.batch());
    }

    public Corpus corpus() {
        return corpus;
    }

    /**
     * The text the model was last trained on: this corpus's, once it has taken a step here (or if it
     * was made for it); a resumed model's file's until then (null: the file does not say).
     */
    public TextOrigin trainedOn() {
        return !resumed || steps > stepsAtResume ? corpus.origin : fileTrainedOn;
    }

    public int epoch() {
        return epoch;
    }

    public long tokensSeen() {
        return tokensSeen;
    }

    @Override
    public double stepFlops() {
        return model.stepFlops(settings.bptt(), settings.batch());
    }

    @Override
    public int steps() {
        return steps;
    }

    public TokenStreams streams() {
        return streams;
    }

    /** The loop's progress and carried state, as a checkpoint keeps them. */
    record Snapshot(int steps, int epoch, long tokensSeen, int position, double[] h, double[] c) {
    }

    @Override
    protected Snapshot snapshot() {
        return new Snapshot(steps, epoch, tokensSeen, streams.position(), state.h.clone(), state.c == null ? null : state.c.clone());
    }

    /** The next window of every stream (a new epoch, from a zero state, at the end of the text). */
    @Override
    protected void beginStep() {
        positionAtStep = streams.position();
        epochAtStep = epoch;
        if (!streams.next()) {
            epoch++;
            state.reset();
            streams.next();
        }
        trainer.begin(streams.batch(), state);
    }

    @Override
    protected int restore(Snapshot back) {
        steps = back.steps();
        epoch = back.epoch();
        tokensSeen = back.tokensSeen();
        streams.seek(back.position());
        System.arraycopy(back.h(), 0, state.h, 0, state.h.length);
        if (state.c != null) {
            System.arraycopy(back.c(), 0, state.c, 0, state.c.length);
        }
        return steps;
    }

    @Override
    protected void stepDone() {
        steps++;
        tokensSeen += streams.tokensPerBatch();
    }

    /** Cross-entropy (nats per token) over the validation tokens, read as parallel stateful streams. */
    public double validationLoss() {
        return loss(corpus.validation);
    }

    public double validationPerplexity() {
        return Math.exp(validationLoss());
    }

    /** Mean cross-entropy of the model on a token sequence (evaluation mode, from a zero state). */
    public double loss(int[] tokens) {
        Evaluation e = new Evaluation(model, tokens, settings.bptt());
        e.advance(Integer.MAX_VALUE);
        return e.loss();
    }

    /**
     * A validation to run in steps ({@link Evaluation#advance}) over the first {@code maxTokens}
     * held-out tokens (all of them if there are fewer).
     */
    public Evaluation validation(int maxTokens) {
        return validation(maxTokens, 0, 1);
    }

    /**
     * Share {@code share} of {@code shares} of that validation (see {@link Evaluation}). A held-out
     * text longer than {@code maxTokens} is sampled, not cut: 8 stretches of maxTokens / 8 tokens,
     * spread evenly over the whole of it, each read as one stream from a zero state (the same
     * stretches every time, so the curve compares like with like).
     */
    public Evaluation validation(int maxTokens, int share, int shares) {
        return new Evaluation(model, sampled(corpus.validation, maxTokens), settings.bptt(), share, shares);
    }

    /** {@code tokens}, or, if longer than {@code max}, 8 evenly spread stretches of max / 8 of them, one after another. */
    static int[] sampled(int[] tokens, int max) {
        int stretches = 8;
        int length = max / stretches;
        if (tokens.length <= max || length < 2) {
            return tokens.length <= max ? tokens : Arrays.copyOf(tokens, max);
        }
        int[] v = new int[stretches * length];
        for (int i = 0; i < stretches; i++) {
            int from = (int) ((long) i * (tokens.length - length) / (stretches - 1));
            System.arraycopy(tokens, from, v, i * length, length);
        }
        return v;
    }

    /** The settings of this run (for a resumed run: the model's own). */
    public LanguageModelSettings settings() {
        return settings;
    }

    /**
     * Saves model, vocabulary, trainer and progress (epoch, stream position, carried state; see
     * {@link TrainingRun#saved}): the carried state of a step under way is still the one it began from.
     */
    @Override
    public SavedModel saved() {
        SavedModel s = savedModel();
        boolean under = trainer.stepping();
        s.vocabulary = corpus.vocabulary;
        s.tokenizer = corpus.tokenizer;
        s.trainedOn = trainedOn();
        s.init = settings.knobs().initialization(settings.bptt());
        s.putCounter("steps", steps);
        s.putCounter("epoch", under ? epochAtStep : epoch);
        if (under) {
            s.dropout = model.dropoutRngBeforePass();
        }
        s.putCounter("tokens_seen", tokensSeen);
        s.putCounter("stream_position", under ? positionAtStep : streams.position());
        s.putCounter("streams", state.batch);
        s.putCounter("bptt", settings.bptt());
        s.putCounter("vocabulary_cap", settings.vocabularyCap());
        s.putCounter("seed", settings.seed());
        s.putArray("state_h", state.h);
        if (state.c != null) {
            s.putArray("state_c", state.c);
        }
        return s;
    }

    /**
     * Continues a saved model on a corpus, with the settings the file holds (its architecture,
     * optimizer, BPTT length and batch) and, for what it does not say, those {@code given}. If the
     * file holds the progress of a run on a corpus of the same length, training continues exactly
     * where it stopped; otherwise it starts a new epoch from a zero state.
     */
    public static LanguageModelTask resume(Corpus corpus, LanguageModelSettings given, SavedModel saved) {
        LanguageModelTask t = new LanguageModelTask(corpus, settingsOf(saved, given), saved.model, saved.trainer);
        t.steps = (int) saved.counter("steps", saved.trainer == null ? 0 : saved.trainer.optimizer().steps());
        t.resumed = true;
        t.fileTrainedOn = saved.trainedOn;
        t.stepsAtResume = t.steps;
        double pos = saved.counter("stream_position", -1);
        double[] h = saved.array("state_h");
        double[] c = saved.array("state_c");
        boolean sameShape = h != null && h.length == t.state.h.length && (t.state.c == null || (c != null && c.length == t.state.c.length));
        int bptt = t.settings.bptt();
        if (sameShape && pos >= 0 && pos % bptt == 0 && pos + 1 <= corpus.train.length / t.settings.batch()) {
            t.streams.seek((int) pos);
            System.arraycopy(h, 0, t.state.h, 0, h.length);
            if (t.state.c != null) {
                System.arraycopy(c, 0, t.state.c, 0, c.length);
            }
            t.epoch = (int) saved.counter("epoch", 0);
            t.tokensSeen = (long) saved.counter("tokens_seen", 0);
        }
        return t;
    }

    /** The settings a saved model was trained with, as far as its file says; the rest from {@code given}. */
    private static LanguageModelSettings settingsOf(SavedModel saved, LanguageModelSettings given) {
        Architecture a = saved.model.architecture();
        Trainer tr = saved.trainer;
        boolean chars = saved.tokenizer != null ? saved.tokenizer.characterLevel() : given.characters();
        int cap = (int) saved.counter("vocabulary_cap", Math.max(given.vocabularyCap(), a.inputSize()));
        return new LanguageModelSettings(chars, cap, a.cell(), a.layers(), a.hidden(), a.embedding(),
                (int) saved.counter("bptt", given.bptt()), (int) saved.counter("streams", given.batch()),
                tr != null ? tr.optimizer().kind() : given.optimizer(), tr != null ? tr.schedule().lr() : given.learningRate(),
                tr != null ? tr.clipNorm() : given.clipNorm(), a.dropout(), (int) saved.counter("seed", given.seed()),
                a.output().id(), a.output().tied(), saved.tokenizer != null && saved.tokenizer.splitsOnSpaces() ? "spaces" : "words",
                Knobs.of(saved));
    }
}
