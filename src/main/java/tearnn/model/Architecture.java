package tearnn.model;

import tearnn.loss.LossKind;
import tearnn.math.Readable;
import tearnn.nn.AdaptiveSoftmax;
import tearnn.nn.Attention;
import tearnn.nn.CellType;

/**
 * The shape of a model: input -> recurrent stack -> output layer -> loss. Made by name: start from
 * {@link #ofTokens}, {@link #ofVectors} or {@link #of} (one layer with biases, a softmax over the
 * tokens or one squared-error output at every step, no dropout), then change what differs
 * ({@code Architecture.ofTokens(V, 32, CellType.LSTM, 128).withLayers(2).withDropout(0.1)}). Every
 * architecture is checked as it is made; its size ({@link #MAX_PARAMETERS}) when a model is made of
 * it, or a file read ({@link #checkSize}).
 *
 * @param input       how tokens or vectors enter
 * @param inputSize   vocabulary size V (token inputs) or feature count I (dense)
 * @param embedding   embedding width E (EMBEDDING input only; 0 otherwise)
 * @param cell        the recurrent cell
 * @param hidden      hidden size H
 * @param layers      number of stacked layers L
 * @param bias        whether the recurrent layers have biases
 * @param peephole    LSTM peephole connections
 * @param outputs     head outputs O (V for a language model)
 * @param loss        the loss on the head's outputs
 * @param lastStepOnly loss only at each sequence's last step (many-to-one), else at every step
 * @param dropout     dropout probability on every layer's output while training
 * @param output      the output layer: a full linear layer, or the adaptive softmax (softmax_ce loss only)
 * @param attention   many-to-one: the head reads the context of an attention whose query is the
 *                    last state and whose keys are the top layer's states at every real step
 *                    ({@link Attention}; additive of size H), rather than the last state; an
 *                    encoder-decoder: each decoder step's state attends over the encoder's (see
 *                    {@link Decoder}); null: none
 * @param decoder     an encoder-decoder (a translator): the stack reads the source tokens (the
 *                    encoder), a second stack of the same cell, size and layers reads the target's
 *                    (the decoder, through an embedding of its own, from the encoder's final state),
 *                    and the head predicts the next target token at every decoder step (outputs = the
 *                    target vocabulary, which is also the decoder's input)
 */
public record Architecture(InputKind input, int inputSize, int embedding, CellType cell, int hidden,
        int layers, boolean bias, boolean peephole, int outputs, LossKind loss, boolean lastStepOnly,
        double dropout, OutputLayer output, Attention.Score attention, boolean decoder) {

    public static final int MAX_SIZE = 1 << 20;
    /**
     * The most parameters a model may have: 50 million doubles are 400 MB, and training holds two
     * to four times that (gradients, optimizer state).
     */
    public static final long MAX_PARAMETERS = 50_000_000L;

    /** Tokens in, through an embedding of {@code embedding} columns (0: one-hot), to {@code hidden} units of {@code cell}; a softmax over the same tokens at every step. */
    public static Architecture ofTokens(int vocab, int embedding, CellType cell, int hidden) {
        return of(embedding > 0 ? InputKind.EMBEDDING : InputKind.ONE_HOT, vocab, embedding, cell, hidden);
    }

    /** Vectors of {@code inputs} values in, to {@code hidden} units of {@code cell}; one output with squared error at every step. */
    public static Architecture ofVectors(int inputs, CellType cell, int hidden) {
        return of(InputKind.DENSE, inputs, 0, cell, hidden);
    }

    /**
     * As {@link #ofTokens} or {@link #ofVectors}, by the kind of input; {@code embedding} is the
     * embedding's width for {@link InputKind#EMBEDDING}, 0 for the others.
     */
    public static Architecture of(InputKind input, int inputSize, int embedding, CellType cell, int hidden) {
        boolean tokens = input != null && input.tokens();
        return new Architecture(input, inputSize, embedding, cell, hidden, 1, true, false, tokens ? inputSize : 1,
                tokens ? LossKind.SOFTMAX_CE : LossKind.MSE, false, 0, OutputLayer.FULL, null, false);
    }

    /** {@code layers} stacked recurrent layers. */
    public Architecture withLayers(int layers) {
        return new Architecture(input, inputSize, embedding, cell, hidden, layers, bias, peephole, outputs, loss, lastStepOnly,
                dropout, output, attention, decoder);
    }

    /** Recurrent layers with biases or without. */
    public Architecture withBias(boolean bias) {
        return new Architecture(input, inputSize, embedding, cell, hidden, layers, bias, peephole, outputs, loss, lastStepOnly,
                dropout, output, attention, decoder);
    }

    /** An LSTM's peephole connections, or none. */
    public Architecture withPeephole(boolean peephole) {
        return new Architecture(input, inputSize, embedding, cell, hidden, layers, bias, peephole, outputs, loss, lastStepOnly,
                dropout, output, attention, decoder);
    }

    /** {@code outputs} outputs of the head with this loss on them. */
    public Architecture withOutputs(int outputs, LossKind loss) {
        return new Architecture(input, inputSize, embedding, cell, hidden, layers, bias, peephole, outputs, loss, lastStepOnly,
                dropout, output, attention, decoder);
    }

    /** The loss only at each sequence's last step (many-to-one), or at every step. */
    public Architecture withLastStepOnly(boolean lastStepOnly) {
        return new Architecture(input, inputSize, embedding, cell, hidden, layers, bias, peephole, outputs, loss, lastStepOnly,
                dropout, output, attention, decoder);
    }

    /** Attention pooling of the top layer's states for the head (many-to-one only), or none (null). */
    public Architecture withAttention(Attention.Score score) {
        return new Architecture(input, inputSize, embedding, cell, hidden, layers, bias, peephole, outputs, loss, lastStepOnly,
                dropout, output, score, decoder);
    }

    /**
     * A translator: this stack as the encoder of a decoder of {@code targetVocab} tokens (the head's
     * outputs), with Luong attention of this score (null: none). Its input must be an embedding.
     */
    public Architecture withDecoder(int targetVocab, Attention.Score score) {
        return new Architecture(input, inputSize, embedding, cell, hidden, layers, bias, peephole, targetVocab,
                LossKind.SOFTMAX_CE, false, dropout, output, score, true);
    }

    /** Dropout {@code p} on every layer's output while training (0: none). */
    public Architecture withDropout(double p) {
        return new Architecture(input, inputSize, embedding, cell, hidden, layers, bias, peephole, outputs, loss, lastStepOnly,
                p, output, attention, decoder);
    }

    public Architecture {
        if (input == null || cell == null || loss == null || output == null) {
            throw new IllegalArgumentException("input kind, cell, loss and output layer must be given");
        }
        positive("input size", inputSize);
        positive("hidden size", hidden);
        positive("number of layers", layers);
        positive("output size", outputs);
        if (input == InputKind.EMBEDDING) {
            positive("embedding size", embedding);
        } else if (embedding != 0) {
            throw new IllegalArgumentException("embedding size is only for embedding input, got " + embedding);
        }
        if (layers > 64) {
            throw new IllegalArgumentException("number of layers must be at most 64, got " + layers);
        }
        if (peephole && cell != CellType.LSTM) {
            throw new IllegalArgumentException("peephole connections exist only for lstm, not " + cell.id);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (output.adaptive() && loss != LossKind.SOFTMAX_CE) {
            throw new IllegalArgumentException("the adaptive softmax predicts classes: its loss is softmax_ce, not " + loss.id);
        }
        if (output.tied() && (input != InputKind.EMBEDDING || embedding != hidden || outputs != inputSize)) {
            throw new IllegalArgumentException(input != InputKind.EMBEDDING ? "tied embeddings need an embedding (this model reads "
                    + input.id + " input)" : embedding != hidden ? "tied embeddings need the embedding size equal to the hidden size"
                    + " (here " + embedding + " and " + hidden + ")" : "tied embeddings need as many outputs as input tokens (here "
                    + outputs + " and " + inputSize + ")");
        }
        if (decoder && (input != InputKind.EMBEDDING || loss != LossKind.SOFTMAX_CE || lastStepOnly
                || output != OutputLayer.FULL || dropout != 0)) {
            throw new IllegalArgumentException("a translator (encoder-decoder) reads source tokens through an embedding and"
                    + " predicts target tokens with a full softmax at every step, without dropout");
        }
        if (attention != null && !lastStepOnly && !decoder) {
            throw new IllegalArgumentException("attention pooling gives one output per sequence: it needs the loss at the last step"
                    + " only (many-to-one)");
        }
        if (output.adaptive()) {
            // the clusters' layout (cutoffs in order and inside the vocabulary, no empty projection)
            AdaptiveSoftmax.projectionWidths(hidden, outputs, output.cutoffs(), output.divValue());
        }
    }

    /** Refuses an architecture of more than {@link #MAX_PARAMETERS} parameters, before any is allocated; returns it. */
    public Architecture checkSize() {
        long n = parameterCount();
        if (n > MAX_PARAMETERS) {
            throw new IllegalArgumentException("model too large: " + layers + (layers == 1 ? " layer" : " layers") + " of "
                    + Readable.count(hidden) + " " + cell.id + " units on " + Readable.count(stackInputSize())
                    + " inputs, with " + Readable.count(outputs) + " outputs, would have " + Readable.count(n)
                    + " parameters; the most is " + Readable.count(MAX_PARAMETERS));
        }
        return this;
    }

    private static void positive(String what, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + v);
        }
        if (v > MAX_SIZE) {
            throw new IllegalArgumentException(what + " must be at most " + MAX_SIZE + ", got " + v);
        }
    }

    /** The number of parameters, counted in long arithmetic (so a huge claim cannot overflow). */
    public long parameterCount() {
        long attending = attention == null ? 0 : Attention.parameterCount(attention, hidden);
        long n = count(input, inputSize, embedding, cell, hidden, layers, bias, peephole, outputs, output) + attending;
        if (decoder) {
            // the decoder's embedding and stack (the decoder's stack is counted as an encoder's over the target
            // tokens, less its head); with attention, the combining layer [H][2H] and its bias
            n += count(InputKind.EMBEDDING, outputs, embedding, cell, hidden, layers, bias, peephole, 1, OutputLayer.FULL)
                    - (hidden + 1) + (attention != null ? 2L * hidden * hidden + hidden : 0);
        }
        return n;
    }

    private static long count(InputKind input, int inputSize, int embedding, CellType cell, int hidden, int layers,
            boolean bias, boolean peephole, int outputs, OutputLayer output) {
        long g = (long) cell.gates * hidden;
        long n = input == InputKind.EMBEDDING ? (long) inputSize * embedding : 0;
        for (int l = 0; l < layers; l++) {
            long in = l > 0 ? hidden : input == InputKind.EMBEDDING ? embedding : inputSize;
            n += g * (in + hidden) + (bias ? 2 * g : 0) + (peephole ? 3L * hidden : 0);
        }
        return n + (output.adaptive()
                ? AdaptiveSoftmax.parameterCount(hidden, outputs, output.cutoffs(), output.divValue(), output.headBias())
                : (output.tied() ? 0 : (long) outputs * hidden) + outputs);
    }

    /** This architecture with another output layer. */
    public Architecture withOutput(OutputLayer layer) {
        return new Architecture(input, inputSize, embedding, cell, hidden, layers, bias, peephole, outputs, loss,
                lastStepOnly, dropout, layer, attention, decoder);
    }

    /** The names under which the recurrent stacks' parameters are: the stack's, and a translator's decoder's. */
    public String[] stackPrefixes() {
        return decoder ? new String[] {"rnn.", "decoder."} : new String[] {"rnn."};
    }

    /** Width of the vectors entering the first recurrent layer. */
    public int stackInputSize() {
        return input == InputKind.EMBEDDING ? embedding : inputSize;
    }

    /** A next-token language model: tokens in, softmax over the same vocabulary out, at every step. */
    public static Architecture languageModel(CellType cell, int vocab, int embedding, int hidden, int layers,
            double dropout) {
        return ofTokens(vocab, embedding, cell, hidden).withLayers(layers).withDropout(dropout);
    }

    /**
     * Refuses a text of tokens this model cannot read: a model that reads vectors, an empty text, a
     * token outside the vocabulary ({@code what} names the text in the message: "prompt", "text").
     */
    public void checkTokens(int[] tokens, String what) {
        if (!input().tokens()) {
            throw new IllegalArgumentException("this model reads vectors, not tokens");
        }
        if (tokens.length == 0) {
            throw new IllegalArgumentException("the " + what + " has no tokens");
        }
        for (int t : tokens) {
            if (t < 0 || t >= inputSize()) {
                throw new IllegalArgumentException("token " + t + " is outside the vocabulary of " + inputSize());
            }
        }
    }
}
