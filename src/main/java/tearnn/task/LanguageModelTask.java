package tearnn.task;

import java.util.Arrays;
import tearnn.model.Architecture;
import tearnn.model.Model;
import tearnn.model.SavedModel;
import tearnn.model.State;
import tearnn.optim.Optimizer;
import tearnn.optim.Schedule;
import tearnn.train.Trainer;

/**
 * Trains a next-token model on a {@link Corpus}: stateful truncated backpropagation over B
 * parallel streams of the training tokens, validation perplexity over the held-out tokens.
 * Training runs in bounded slices ({@link #train(int)}), so a caller can show progress or pause.
 */
public final class LanguageModelTask {
    private final Corpus corpus;
    private final Model model;
    private final Trainer trainer;
    private final TokenStreams streams;
    private final State state;
    private final LanguageModelSettings settings;
    private int epoch;
    private long tokensSeen;

    public LanguageModelTask(Corpus corpus, LanguageModelSettings s) {
        this(corpus, s, newModel(corpus, s), null);
    }

    private static Model newModel(Corpus corpus, LanguageModelSettings s) {
        Architecture arch = Architecture.languageModel(s.cell(), corpus.vocabulary.size(), s.embedding(), s.hidden(),
                s.layers(), s.dropout());
        return new Model(arch, s.seed());
    }

    /** Continues with a loaded model (and trainer, if the file had one). */
    public LanguageModelTask(Corpus corpus, LanguageModelSettings s, Model model, Trainer trainer) {
        if (model.architecture().inputSize() != corpus.vocabulary.size()) {
            throw new IllegalArgumentException("the model's vocabulary has " + model.architecture().inputSize()
                    + " tokens, the corpus's " + corpus.vocabulary.size());
        }
        this.corpus = corpus;
        this.settings = s;
        this.model = model;
        if (trainer == null) {
            trainer = new Trainer(model, Optimizer.create(s.optimizer(), null, model.params().size()),
                    Schedule.constant(s.learningRate()));
            trainer.setClipNorm(s.clipNorm());
        }
        this.trainer = trainer;
        this.streams = new TokenStreams(corpus.train, s.batch(), s.bptt());
        this.state = model.newState(s.batch());
    }

    public Model model() {
        return model;
    }

    public Trainer trainer() {
        return trainer;
    }

    public Corpus corpus() {
        return corpus;
    }

    public int epoch() {
        return epoch;
    }

    public long tokensSeen() {
        return tokensSeen;
    }

    public TokenStreams streams() {
        return streams;
    }

    /**
     * Runs up to {@code steps} training steps; returns their mean loss (nats per token). At the end
     * of an epoch the streams rewind and the state is reset.
     */
    public double train(int steps) {
        double sum = 0;
        for (int i = 0; i < steps; i++) {
            if (!streams.next()) {
                epoch++;
                state.reset();
                streams.next();
            }
            sum += trainer.step(streams.batch(), state);
            tokensSeen += streams.tokensPerBatch();
        }
        return sum / steps;
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
        int[] v = corpus.validation;
        if (maxTokens < v.length) {
            v = Arrays.copyOf(v, maxTokens);
        }
        return new Evaluation(model, v, settings.bptt());
    }

    /** Saves model, vocabulary, trainer and progress (epoch, stream position, carried state). */
    public SavedModel saved() {
        SavedModel s = new SavedModel(model);
        s.vocabulary = corpus.vocabulary;
        s.tokenizer = corpus.tokenizer;
        s.trainer = trainer;
        s.counters.put("epoch", (double) epoch);
        s.counters.put("tokens_seen", (double) tokensSeen);
        s.counters.put("stream_position", (double) streams.position());
        s.counters.put("streams", (double) state.batch);
        s.arrays.put("state_h", state.h.clone());
        if (state.c != null) {
            s.arrays.put("state_c", state.c.clone());
        }
        return s;
    }

    /**
     * Continues a saved model on a corpus. If the file holds the progress of a run with the same
     * batch size (and the corpus is the same length), training continues exactly where it stopped;
     * otherwise it starts a new epoch from a zero state.
     */
    public static LanguageModelTask resume(Corpus corpus, LanguageModelSettings s, SavedModel saved) {
        int streams = saved.counters.containsKey("streams") ? (int) (double) saved.counters.get("streams") : s.batch();
        LanguageModelTask t = new LanguageModelTask(corpus, withBatch(s, streams), saved.model, saved.trainer);
        Double pos = saved.counters.get("stream_position");
        double[] h = saved.arrays.get("state_h");
        double[] c = saved.arrays.get("state_c");
        boolean sameShape = h != null && h.length == t.state.h.length && (t.state.c == null || (c != null && c.length == t.state.c.length));
        if (pos != null && sameShape && pos >= 0 && pos % s.bptt() == 0 && pos + 1 <= corpus.train.length / streams) {
            t.streams.seek((int) (double) pos);
            System.arraycopy(h, 0, t.state.h, 0, h.length);
            if (t.state.c != null) {
                System.arraycopy(c, 0, t.state.c, 0, c.length);
            }
            t.epoch = saved.counters.containsKey("epoch") ? (int) (double) saved.counters.get("epoch") : 0;
            t.tokensSeen = saved.counters.containsKey("tokens_seen") ? (long) (double) saved.counters.get("tokens_seen") : 0;
        }
        return t;
    }

    private static LanguageModelSettings withBatch(LanguageModelSettings s, int batch) {
        return new LanguageModelSettings(s.characters(), s.vocabularyCap(), s.cell(), s.layers(), s.hidden(), s.embedding(),
                s.bptt(), batch, s.optimizer(), s.learningRate(), s.clipNorm(), s.dropout(), s.seed());
    }

}
