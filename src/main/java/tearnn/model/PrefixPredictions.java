package tearnn.model;

import tearnn.math.Fn;
import tearnn.nn.RecurrentStack;

/**
 * When a many-to-one model knew: the class probabilities it would give had the sequence ended after
 * each step, p(class | x_1..x_t) for t = 1..T. A plain head reads h_t; with attention pooling, the head
 * reads the context of h_t's attention over h_1..h_t (the later steps masked out), as it would for a
 * sequence that ended at t. One forward pass of the stack, then the head (and the attention) at every
 * step; on the model's inference twin, so a training step under way is left undisturbed.
 */
public final class PrefixPredictions {
    private PrefixPredictions() {
    }

    /**
     * The probabilities [T][C] after each step, and with attention pooling, the weights [T] of the whole
     * sequence's (the last step's) attention; null without.
     */
    public record Result(double[][] probabilities, double[] attention) {
    }

    /** The probabilities after each step of {@code inputs} [T][I] (dense input). */
    public static Result ofVectors(Model trained, double[] inputs, int steps) {
        Model model = trained.inference();
        Architecture a = model.architecture();
        if (a.input() != InputKind.DENSE || !a.lastStepOnly() || a.decoder()) {
            throw new IllegalArgumentException("prefix predictions are a many-to-one model's of vectors");
        }
        if (steps < 1 || inputs.length < steps * a.inputSize()) {
            throw new IllegalArgumentException("the sequence needs " + Math.max(1, steps) + " x " + a.inputSize() + " inputs");
        }
        model.stack().forward(inputs, steps, 1, null, null, 0, 0, 0);
        return afterEachStep(model, steps);
    }

    /** The probabilities after each of {@code tokens} [T] (token input: a text classifier's). */
    public static Result ofTokens(Model trained, int[] tokens) {
        Model model = trained.inference();
        Architecture a = model.architecture();
        if (!a.input().tokens() || !a.lastStepOnly() || a.decoder()) {
            throw new IllegalArgumentException("prefix predictions are a many-to-one model's of tokens");
        }
        if (tokens.length < 1) {
            throw new IllegalArgumentException("the sequence needs a token at least");
        }
        a.checkTokens(tokens, "sequence");
        new StackInput().forward(model, tokens, null, tokens.length, 1, null, null);
        return afterEachStep(model, tokens.length);
    }

    /** The head (and the attention) at each step of the stack's output, as if the sequence ended there. */
    private static Result afterEachStep(Model model, int steps) {
        Architecture a = model.architecture();
        RecurrentStack stack = model.stack();
        int h = a.hidden();
        int c = a.outputs();
        double[] logits = new double[c];
        double[] context = new double[h];
        double[] mask = model.attention() == null ? null : new double[steps];
        double[][] p = new double[steps][];
        Head head = model.head();
        for (int t = 0; t < steps; t++) {
            int x = stack.outputOffset() + t * h;
            if (mask == null) {
                head.outputs(logits, 0, stack.output(), x, 1);
            } else {
                mask[t] = 1;
                model.attention().forward(stack.output(), x, stack.output(), stack.outputOffset(), mask, steps, 1, context, 0);
                head.outputs(logits, 0, context, 0, 1);
            }
            p[t] = Fn.softmax(logits, 0, c);
        }
        double[] weights = null;
        if (mask != null) {
            weights = new double[steps];
            for (int t = 0; t < steps; t++) {
                weights[t] = model.attention().weight(0, t);
            }
        }
        return new Result(p, weights);
    }
}
