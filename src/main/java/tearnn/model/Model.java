package tearnn.model;

import tearnn.loss.LossKind;
import tearnn.math.Buffers;
import tearnn.math.Rng;
import tearnn.nn.Attention;
import tearnn.nn.Embedding;
import tearnn.nn.Params;
import tearnn.nn.RecurrentStack;

/**
 * A complete model: input (embedding, one-hot or dense) -> recurrent stack -> head (a dense layer
 * and its loss, or the adaptive softmax). Parameters are named as PyTorch names them
 * ({@code embedding.weight}, {@code rnn.weight_ih_l0}, ..., {@code fc.weight}, {@code fc.bias}; an
 * adaptive softmax's {@code fc.head.weight}, {@code fc.tail.0.0.weight}, ...) and live in one
 * {@link Params} buffer.
 *
 * <p>Workspaces are kept between calls and grow only when a batch is larger than any before, so a
 * training step allocates nothing.
 */
public final class Model {
    private final Architecture arch;
    private final Params params = new Params();
    private final Embedding embedding;
    private final RecurrentStack stack;
    private final Head head;
    private Rng dropoutRng;
    /** The dropout generator as it was before the last training pass drew its seed. */
    private final Rng dropoutBefore = new Rng(0);
    /** The inference twin (this, for a twin; null until asked for), and the evaluation twin. */
    private Model reader;
    private Model evaluator;
    private final TrainingPass pass;
    /** A translator's decoder and pass (null for other models). */
    private final Decoder decoder;
    private final TranslationPass translation;

    private final StackInput input = new StackInput();
    /** Attention pooling (many-to-one): the head reads its contexts [B][H]; null: the last state. */
    private final Attention attention;
    private double[] context = new double[0];
    private double[] logits = new double[0];
    private int logitRows;
    private int lastCount;
    private double lastSum;

    /** A model with PyTorch's default initialization from {@code seed}. */
    public Model(Architecture arch, int seed) {
        this(arch);
        Init.pytorchDefault(this, new Rng(seed));
        dropoutRng = new Rng(seed ^ 0x5bd1e995);
    }

    /** A model with all parameters zero (to be loaded). */
    public Model(Architecture arch) {
        this(arch, null);
    }

    /** A model of this architecture; with {@code weights}, an inference twin sharing that model's. */
    private Model(Architecture arch, Model weights) {
        this(arch, weights, false);
    }

    /**
     * A model of this architecture; with {@code weights}, a twin sharing that model's weights and
     * (unless {@code ownGradients}) gradients.
     */
    private Model(Architecture arch, Model weights, boolean ownGradients) {
        this.arch = weights == null ? arch.checkSize() : arch;
        this.embedding = arch.input() == InputKind.EMBEDDING
                ? new Embedding(params, "embedding.weight", arch.inputSize(), arch.embedding()) : null;
        this.stack = new RecurrentStack(params, "rnn.", arch.cell(), arch.stackInputSize(), arch.hidden(),
                arch.layers(), arch.bias(), arch.peephole());
        this.attention = arch.attention() == null || arch.decoder() ? null
                : new Attention(params, "attention.", arch.attention(), arch.hidden(), arch.hidden(), arch.hidden());
        this.decoder = arch.decoder() ? new Decoder(params, arch) : null;
        this.head = arch.output().adaptive() ? new AdaptiveHead(params, arch.hidden(), arch.outputs(), arch.output())
                : arch.output().tied() ? new DenseHead(params, embedding.weight(), arch.loss().create())
                : new DenseHead(params, arch.hidden(), arch.outputs(), arch.loss().create());
        if (weights == null) {
            params.allocate();
        } else if (ownGradients) {
            params.shareValues(weights.params);
        } else {
            params.share(weights.params);
            reader = this;
        }
        dropoutRng = new Rng(0x5bd1e995);
        pass = new TrainingPass(this);
        translation = decoder == null ? null : new TranslationPass(this);
    }

    /**
     * A model sharing this one's weights (the same arrays), with workspaces of its own: predictions
     * and evaluations run on it, so they never disturb a training pass under way in parts.
     */
    public Model inference() {
        if (reader == null) {
            reader = new Model(arch, this);
        }
        return reader;
    }

    /**
     * A model sharing this one's weights (the same arrays) with gradients and workspaces of its own:
     * it computes one share of a batch's gradient ({@link #beginShare}) beside the others.
     */
    public Model replica() {
        return new Model(arch, this, true);
    }

    public Architecture architecture() {
        return arch;
    }

    public Params params() {
        return params;
    }

    public RecurrentStack stack() {
        return stack;
    }

    Embedding embedding() {
        return embedding;
    }

    Head head() {
        return head;
    }

    /** A translator's decoder, or null. */
    Decoder decoder() {
        return decoder;
    }

    /** The attention pooling the head reads (many-to-one), or null. */
    public Attention attention() {
        return attention;
    }

    /**
     * Starts a training pass over a batch (see {@link TrainingPass}): gradients zeroed, dropout masks
     * drawn; {@link TrainingPass#advance} does the rest in parts. The pass object is the model's own,
     * reused by every pass.
     */
    public ModelPass beginPass(Batch batch, State state, int truncate) {
        if (translation != null) {
            return beginTranslation(batch, state, truncate, true, 0, 0);
        }
        pass.begin(batch, state, truncate, true, nextDropoutSeed(), 0, 0);
        return pass;
    }

    /**
     * Starts a training pass over one share of a batch: {@code part} holds the batch's sequences from
     * {@code first} on, {@code dropoutSeed} is the whole batch's (see {@link #nextDropoutSeed}) and
     * {@code count} the number of loss elements of the whole batch ({@link #lossCount}), so that the
     * shares' gradients add up to the batch's.
     */
    public ModelPass beginShare(Batch part, State state, int truncate, int dropoutSeed, int first, int count) {
        if (translation != null) {
            return beginTranslation(part, state, truncate, true, first, count);
        }
        pass.begin(part, state, truncate, true, dropoutSeed, first, count);
        return pass;
    }

    /**
     * The seed of the next training pass's dropout masks (0 without dropout), drawn from the
     * model's dropout generator, whose state before the draw is kept ({@link #dropoutRngBeforePass}).
     */
    public int nextDropoutSeed() {
        dropoutBefore.copyFrom(dropoutRng);
        return arch.dropout() > 0 ? dropoutRng.nextInt() : 0;
    }

    /**
     * Floating-point operations of one training step over {@code steps} steps of {@code batch}
     * sequences, as estimated (forward, back and the weight gradients about a third each).
     */
    public double stepFlops(int steps, int batch) {
        return 3.0 * steps * pass.stepCost(batch);
    }

    /**
     * The number of loss elements a batch's mean loss averages over: its real (unmasked) rows times
     * the loss's elements per row. A batch with no real row is refused.
     */
    public int lossCount(Batch b) {
        int logitRows = b.pairs() ? b.targetSteps * b.size : arch.lastStepOnly() ? b.size : b.steps * b.size;
        double[] rowMask = b.pairs() ? b.targetMask : arch.lastStepOnly() ? null : b.mask;
        int rows = 0;
        for (int r = 0; r < logitRows; r++) {
            if (rowMask == null || rowMask[r] != 0) {
                rows++;
            }
        }
        if (rows == 0) {
            throw new IllegalArgumentException("the batch has no real (unmasked) step to learn from");
        }
        return rows * head.elementsPerRow();
    }

    /**
     * Starts an evaluation of a batch in parts (the forward part of a pass, without dropout: the
     * bits of {@link #evaluate}), on this model's own workspaces: call it on a twin
     * ({@link #evaluation()}) to leave training and predictions undisturbed.
     */
    public ModelPass beginEvaluation(Batch batch, State state) {
        if (translation != null) {
            return beginTranslation(batch, state, 0, false, 0, 0);
        }
        pass.begin(batch, state, 0, false, 0, 0, 0);
        return pass;
    }

    /** A translator's pass: no state is carried between batches of pairs, and gradients go back through every step. */
    private ModelPass beginTranslation(Batch batch, State state, int truncate, boolean training, int first, int count) {
        if (state != null || truncate != 0) {
            throw new IllegalArgumentException("a translator carries no state between batches and goes back through every step");
        }
        translation.begin(batch, training, first, count);
        return translation;
    }

    /**
     * A second twin sharing the weights (see {@link #inference()}), for evaluations run in parts, so
     * that predictions between the parts do not disturb them.
     */
    public Model evaluation() {
        if (evaluator == null) {
            evaluator = reader == this ? this : new Model(arch, this);
        }
        return evaluator;
    }

    /** The dropout generator as it was before the last training pass began (see {@link TrainingPass#dropoutBefore}). */
    public Rng dropoutRngBeforePass() {
        return dropoutBefore;
    }

    /** The generator behind dropout masks (saved with the model so a resumed run continues exactly). */
    public Rng dropoutRng() {
        return dropoutRng;
    }

    public void setDropoutRng(Rng rng) {
        dropoutRng = rng;
    }

    /** A zero state for B sequences. */
    public State newState(int batch) {
        return new State(arch.layers(), batch, arch.hidden(), arch.cell().hasCellState());
    }

    /**
     * Training pass: forward with dropout, loss, and backward. Gradients are zeroed first, then hold
     * d(mean loss)/d(parameter). {@code state} (may be null: zeros) gives the initial state and receives
     * the final one. {@code truncate} &gt; 0 cuts backpropagation every that many steps. Returns the mean loss.
     */
    public double forwardBackward(Batch batch, State state, int truncate) {
        ModelPass p = beginPass(batch, state, truncate);
        p.advance(Double.POSITIVE_INFINITY);
        return p.loss();
    }

    /** Evaluation pass (no dropout, no gradient): returns the mean loss; {@code state} as above. */
    public double evaluate(Batch batch, State state) {
        if (reader != this) {
            return inference().evaluate(batch, state);
        }
        if (translation != null) {
            ModelPass p = beginEvaluation(batch, state);
            p.advance(Double.POSITIVE_INFINITY);
            lastCount = p.count();
            lastSum = p.lossSum();
            return lastSum / lastCount;
        }
        check(batch, state, true);
        forward(batch, state);
        double[] rowMask = arch.lastStepOnly() ? null : batch.mask;
        lastCount = lossCount(batch);
        head.begin(logitRows, false);
        double[] x = headInput(batch);
        lastSum = head.lossSum(0, x, headInputOffset(batch), 0, logitRows, batch.classes, batch.values, rowMask,
                1.0 / lastCount);
        saveState(state);
        return lastSum / lastCount;
    }

    /**
     * Evaluation forward without targets; returns the logits buffer: rows t*B+b (every-step models)
     * or b (many-to-one), O values each (an adaptive softmax gives the log-probabilities, whose
     * softmax is the same distribution). Valid until the next call.
     */
    public double[] predict(Batch batch, State state) {
        if (reader != this) {
            return inference().predict(batch, state);
        }
        if (translation != null) {
            throw new IllegalArgumentException("a translator's outputs come one step at a time: see Translation");
        }
        check(batch, state, false);
        forward(batch, state);
        logits = Buffers.grow(logits, logitRows * arch.outputs());
        double[] x = headInput(batch);
        head.outputs(logits, 0, x, headInputOffset(batch), logitRows);
        saveState(state);
        return logits;
    }

    /** Sum of the loss over counted elements in the last loss computed. */
    public double lastLossSum() {
        return reader == this ? lastSum : inference().lastSum;
    }

    /** Number of elements the last loss was averaged over. */
    public int lastCount() {
        return reader == this ? lastCount : inference().lastCount;
    }

    void check(Batch b, State s, boolean targets) {
        if (arch.decoder() != b.pairs()) {
            throw new IllegalArgumentException(arch.decoder() ? "a translator learns from pairs of a source and a target"
                    : "this model reads one sequence, not pairs of a source and a target");
        }
        int n = b.steps * b.size;
        if (b.pairs()) {
            checkTarget(b);
        }
        if (arch.input().tokens()) {
            // each token's range is checked by what reads it (the embedding, or the one-hot input)
            if (b.tokens == null || b.tokens.length < n) {
                throw new IllegalArgumentException("this model reads tokens: the batch needs T*B = " + n + " token indices");
            }
        } else {
            int need = n * arch.inputSize();
            if (b.inputs == null || b.inputs.length < need) {
                throw new IllegalArgumentException("this model reads vectors: the batch needs T*B*I = " + need + " inputs");
            }
            for (int i = 0; i < need; i++) {
                double v = b.inputs[i];
                if (v != v || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("input " + i + " is not finite: " + v);
                }
            }
        }
        if (b.mask != null) {
            if (b.mask.length < n) {
                throw new IllegalArgumentException("mask needs T*B = " + n + " values, got " + b.mask.length);
            }
            for (int i = 0; i < n; i++) {
                if (b.mask[i] != 0 && b.mask[i] != 1) {
                    throw new IllegalArgumentException("mask values must be 0 or 1, got " + b.mask[i] + " at " + i);
                }
            }
        }
        if (s != null && (s.batch != b.size || s.layers != arch.layers() || s.hidden != arch.hidden())) {
            throw new IllegalArgumentException("state is for " + s.layers + " layers x " + s.batch + " sequences x "
                    + s.hidden + " hidden, the batch needs " + arch.layers() + " x " + b.size + " x " + arch.hidden());
        }
        if (!targets) {
            return;
        }
        int rows = b.pairs() ? b.targetSteps * b.size : arch.lastStepOnly() ? b.size : n;
        if (arch.loss() == LossKind.SOFTMAX_CE) {
            if (b.classes == null || b.classes.length < rows) {
                throw new IllegalArgumentException("the batch needs " + rows + " target classes");
            }
        } else {
            int need = rows * arch.outputs();
            if (b.values == null || b.values.length < need) {
                throw new IllegalArgumentException("the batch needs " + need + " target values");
            }
            for (int i = 0; i < need; i++) {
                if (b.values[i] != b.values[i] || Double.isInfinite(b.values[i])) {
                    throw new IllegalArgumentException("target " + i + " is not finite: " + b.values[i]);
                }
            }
        }
    }

    /** A translator's target: its decoder tokens and mask (each token's range is checked by the decoder's embedding). */
    private static void checkTarget(Batch b) {
        int n = b.targetSteps * b.size;
        if (b.targetTokens.length < n) {
            throw new IllegalArgumentException("the batch needs T'*B = " + n + " decoder input tokens");
        }
        if (b.targetMask != null) {
            if (b.targetMask.length < n) {
                throw new IllegalArgumentException("target mask needs T'*B = " + n + " values, got " + b.targetMask.length);
            }
            for (int i = 0; i < n; i++) {
                if (b.targetMask[i] != 0 && b.targetMask[i] != 1) {
                    throw new IllegalArgumentException("target mask values must be 0 or 1, got " + b.targetMask[i] + " at " + i);
                }
            }
        }
    }

    /** The stack's forward pass of an evaluation or a prediction (no dropout). */
    private void forward(Batch b, State s) {
        int T = b.steps;
        int B = b.size;
        int n = T * B;
        input.forward(this, b.tokens, b.inputs, T, B, s, b.mask);
        logitRows = arch.lastStepOnly() ? B : n;
    }

    /**
     * What the head reads after a forward pass: the stack's output (at {@link #headOffset}), or with
     * attention pooling, the contexts [B][H] (at 0) of the last states over every real step's.
     */
    private double[] headInput(Batch b) {
        if (attention == null) {
            return stack.output();
        }
        context = Buffers.grow(context, b.size * arch.hidden());
        attention.forward(stack.output(), headOffset(b), stack.output(), stack.outputOffset(), b.mask, b.steps, b.size, context, 0);
        return context;
    }

    /** Where the head's input begins in {@link #headInput}: the contexts at 0, or the stack's output at {@link #headOffset}. */
    private int headInputOffset(Batch b) {
        return attention != null ? 0 : headOffset(b);
    }

    private int headOffset(Batch b) {
        int off = stack.outputOffset();
        return arch.lastStepOnly() ? off + (b.steps - 1) * b.size * arch.hidden() : off;
    }

    private void saveState(State s) {
        if (s != null) {
            stack.finalState(s);
        }
    }

}
