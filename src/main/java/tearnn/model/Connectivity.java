package tearnn.model;

import tearnn.loss.LossKind;
import tearnn.math.Buffers;
import tearnn.nn.RecurrentStack;

/**
 * Which earlier inputs a prediction leans on: the connectivity of Distill's "Visualizing memorization
 * in RNNs" (2019). For a prompt x_1..x_T and a token y after it, the L2 norm of the gradient of
 * log p(y | x_1..x_T) with respect to each position's input vector x_t, the vector the first layer
 * reads at t: the embedding row (embedding input), the one-hot vector itself (one-hot input: all V
 * entries of {@code W_ih^T dg_t}, though training only ever needs one), or the dense vector. A large
 * norm at t: nudging what the model read at t moves the prediction much.
 *
 * <pre>
 *   forward from a zero state, no dropout;  z = W_fc h_T + b_fc,  log p(y) = z_y - log sum_k exp z_k
 *   d log p(y) / dz = onehot(y) - softmax(z);  back through the head, the steps and the layers to x_t
 * </pre>
 *
 * With attention pooling (many-to-one), the head reads the context of the last state's attention over
 * every step's, and the gradient goes back through the attention too: to every step's state as a key,
 * and to the last one's as the query.
 *
 * <p>Computed on a replica of the model (its own gradients and workspaces, the same weights), so a
 * training step under way is left undisturbed.
 */
public final class Connectivity {
    private final Model model;
    private final StackInput input = new StackInput();
    private double[] dx = new double[0];
    private double[] dOut = new double[0];
    private final int[] target1 = new int[1];
    private double[] context = new double[0];
    private double[] dContext = new double[0];

    /** Connectivity of {@code trained}'s predictions (read with its weights as they are at each call). */
    public Connectivity(Model trained) {
        Architecture a = trained.architecture();
        if (a.loss() != LossKind.SOFTMAX_CE) {
            throw new IllegalArgumentException("connectivity reads the probability of a token: this model's output is "
                    + a.loss().id + ", not softmax_ce");
        }
        this.model = trained.replica();
    }

    /** The result: one norm per prompt position, and log p(target) after the prompt. */
    public record Result(double[] norms, double logProbability) {
    }

    /** For a prompt of tokens (embedding or one-hot input) and the token after it. */
    public Result ofTokens(int[] prompt, int target) {
        Architecture a = model.architecture();
        a.checkTokens(prompt, "prompt");
        int steps = prompt.length;
        input.forward(model, prompt, null, steps, 1, null, null);
        return back(steps, target, a.input() == InputKind.EMBEDDING ? a.embedding() : a.inputSize());
    }

    /** For a prompt of {@code steps} input vectors [T][I] (dense input) and the class after it. */
    public Result ofVectors(double[] inputs, int steps, int target) {
        Architecture a = model.architecture();
        if (a.input() != InputKind.DENSE) {
            throw new IllegalArgumentException("this model reads tokens, not vectors");
        }
        if (steps < 1 || inputs.length < steps * a.inputSize()) {
            throw new IllegalArgumentException("the prompt needs " + Math.max(1, steps) + " x " + a.inputSize() + " inputs");
        }
        model.stack().forward(inputs, steps, 1, null, null, 0, 0, 0);
        return back(steps, target, a.inputSize());
    }

    /** From the last step's logits back to the input vectors of width {@code width}. */
    private Result back(int steps, int target, int width) {
        Architecture a = model.architecture();
        if (a.decoder()) {
            throw new IllegalArgumentException("a translator's output is a string, not one token after a prompt");
        }
        int o = a.outputs();
        if (target < 0 || target >= o) {
            throw new IllegalArgumentException("target " + target + " is outside the " + o + " outputs");
        }
        int h = a.hidden();
        RecurrentStack stack = model.stack();
        // the loss -log p(target) on the last step, its gradient times -1: d log p(target) / dh_T
        Head head = model.head();
        head.begin(1, true);
        target1[0] = target;
        int x = stack.outputOffset() + (steps - 1) * h;
        dOut = Buffers.grow(dOut, steps * h);
        java.util.Arrays.fill(dOut, 0, steps * h, 0.0);
        double logP;
        if (model.attention() == null) {
            logP = -head.lossSum(0, stack.output(), x, 0, 1, target1, null, null, -1.0);
            head.inputGradient(dOut, (steps - 1) * h, 0, 1);
        } else {
            // the head on the context of the last state's attention over every step; back through it to the
            // keys (every step's state) and the query (the last one's)
            context = Buffers.grow(context, h);
            dContext = Buffers.grow(dContext, h);
            model.attention().forward(stack.output(), x, stack.output(), stack.outputOffset(), null, steps, 1, context, 0);
            logP = -head.lossSum(0, context, 0, 0, 1, target1, null, null, -1.0);
            head.inputGradient(dContext, 0, 0, 1);
            model.attention().backward(dContext, 0, dOut, 0, dOut, (steps - 1) * h);
        }
        dx = Buffers.grow(dx, steps * width);
        model.params().zeroGrad();
        stack.backward(a.input() == InputKind.ONE_HOT ? null : dx, null, dOut, null, 0);
        if (a.input() == InputKind.ONE_HOT) {
            stack.layer(0).inputVectorGradient(dx);
        }
        double[] norms = new double[steps];
        for (int t = 0; t < steps; t++) {
            double squares = 0;
            for (int i = t * width; i < (t + 1) * width; i++) {
                squares += dx[i] * dx[i];
            }
            norms[t] = Math.sqrt(squares);
        }
        return new Result(norms, logP);
    }
}
