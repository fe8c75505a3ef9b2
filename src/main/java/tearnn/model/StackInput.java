package tearnn.model;

import tearnn.math.Buffers;
import tearnn.nn.RecurrentStack;
import tearnn.nn.StatePair;

/**
 * What the first recurrent layer reads, by the model's {@link InputKind}: the one place on the way in
 * that tells the kinds apart. An embedding's rows are gathered for the tokens (into a workspace kept
 * here, grown as needed), one-hot tokens are read as columns of W_ih, dense vectors as they are.
 */
final class StackInput {
    /** The embedding's rows for the tokens, [T][B][E] (embedding input only). */
    private double[] embedded = new double[0];

    /**
     * Begins the model's stack's forward pass (running no step yet) on {@code tokens} [T][B] (embedding
     * or one-hot input) or {@code vectors} [T][B][I] (dense input), from {@code initial} (null: zeros),
     * with {@code mask} (null: none) and dropout {@code p} from {@code seed} for the sequences from
     * {@code first} on (see {@link RecurrentStack#beginForward}).
     */
    void begin(Model model, int[] tokens, double[] vectors, int steps, int batch, StatePair initial, double[] mask, double p,
            int seed, int first) {
        Architecture a = model.architecture();
        RecurrentStack stack = model.stack();
        int n = steps * batch;
        switch (a.input()) {
            case EMBEDDING -> {
                embedded = Buffers.grow(embedded, n * a.embedding());
                model.embedding().forward(embedded, tokens, n);
                stack.beginForward(embedded, steps, batch, initial, mask, p, seed, first);
            }
            case ONE_HOT -> stack.beginForwardOneHot(tokens, steps, batch, initial, mask, p, seed, first);
            case DENSE -> stack.beginForward(vectors, steps, batch, initial, mask, p, seed, first);
        }
    }

    /** The whole forward pass through the stack, with no dropout (an evaluation, a prediction, a trace). */
    void forward(Model model, int[] tokens, double[] vectors, int steps, int batch, StatePair initial, double[] mask) {
        begin(model, tokens, vectors, steps, batch, initial, mask, 0, 0, 0);
        model.stack().forwardSteps(0, steps);
    }
}
