package tearnn.model;

import java.util.Arrays;
import tearnn.loss.Loss;
import tearnn.math.Buffers;
import tearnn.nn.Dense;
import tearnn.nn.RecurrentStack;

/**
 * One training pass of a model over a batch (forward with dropout, loss, backward through time),
 * done in parts, so that a caller can keep every call short however big the model: steps forward a
 * range at a time, steps back a range at a time (the last first), then the weight gradients a range
 * of rows at a time. Whatever the ranges, the bits are those of one call: each row of every product,
 * each step, each loss term and each gradient element is computed as in one call, in the same order
 * (dropout masks are drawn for all steps at the start; weight gradients, sums over all steps, wait
 * until every step went back).
 *
 * <p>{@link #advance} takes a budget in floating-point operations and does parts until it is spent
 * (at least one part per call). Its use allocates nothing once the workspaces have grown.
 */
public final class TrainingPass {
    private enum Phase { FORWARD, BACKWARD, GRADIENTS, DONE }

    private final Model model;
    private final Architecture arch;
    private Batch batch;
    private State state;
    private int truncate;
    private Phase phase = Phase.DONE;
    /** Forward: the next step; backward: the steps still to go back. */
    private int step;
    /** Gradients: 0 the head, 1 to L the layers (the top first), L+1 the embedding; the next row of it. */
    private int job;
    private int row;
    private int logitRows;
    private int count;
    private double lossSum;

    private double[] embedded = new double[0];
    private double[] dEmbedded = new double[0];
    private double[] logits = new double[0];
    private double[] dLogits = new double[0];
    private double[] dOut = new double[0];
    private double[] dHead = new double[0];

    TrainingPass(Model model) {
        this.model = model;
        this.arch = model.architecture();
    }

    /**
     * Starts a pass: gradients zeroed, dropout masks drawn, nothing computed yet. {@code state} (may
     * be null: zeros) is the initial state and receives the final one when the pass is done.
     */
    void begin(Batch b, State s, int truncate) {
        if (truncate < 0) {
            throw new IllegalArgumentException("truncation length must be >= 0 (0 = full), got " + truncate);
        }
        model.check(b, s, true);
        int T = b.steps;
        int B = b.size;
        int n = T * B;
        logitRows = arch.lastStepOnly() ? B : n;
        double[] rowMask = arch.lastStepOnly() ? null : b.mask;
        int rows = 0;
        for (int r = 0; r < logitRows; r++) {
            if (rowMask == null || rowMask[r] != 0) {
                rows++;
            }
        }
        if (rows == 0) {
            throw new IllegalArgumentException("the batch has no real (unmasked) step to learn from");
        }
        this.batch = b;
        this.state = s;
        this.truncate = truncate;
        count = rows * model.loss().elementsPerRow(arch.outputs());
        lossSum = 0;
        model.params().zeroGrad();
        logits = Buffers.grow(logits, logitRows * arch.outputs());
        dLogits = Buffers.grow(dLogits, logitRows * arch.outputs());
        dOut = Buffers.grow(dOut, n * arch.hidden());
        RecurrentStack stack = model.stack();
        double p = arch.dropout();
        switch (arch.input()) {
            case EMBEDDING -> {
                embedded = Buffers.grow(embedded, n * arch.embedding());
                dEmbedded = Buffers.grow(dEmbedded, n * arch.embedding());
                model.embedding().forward(embedded, b.tokens, n);
                stack.beginForward(embedded, T, B, s, b.mask, p, model.dropoutRng());
            }
            case ONE_HOT -> stack.beginForwardOneHot(b.tokens, T, B, s, b.mask, p, model.dropoutRng());
            case DENSE -> stack.beginForward(b.inputs, T, B, s, b.mask, p, model.dropoutRng());
        }
        phase = Phase.FORWARD;
        step = 0;
    }

    /** Whether the pass is done: the gradients complete, the final state given back. */
    public boolean done() {
        return phase == Phase.DONE;
    }

    /** The mean loss of the batch (complete once the forward steps are done). */
    public double loss() {
        return lossSum / count;
    }

    /**
     * Does parts worth about {@code flops} floating-point operations (at least one, unless the pass
     * is done); returns the operations done, as estimated. {@link #done()} says whether it is over.
     */
    public double advance(double flops) {
        double spent = 0;
        do {
            spent += switch (phase) {
                case FORWARD -> forward(flops - spent);
                case BACKWARD -> backward(flops - spent);
                case GRADIENTS -> gradients(flops - spent);
                case DONE -> 0;
            };
        } while (phase != Phase.DONE && spent < flops);
        return spent;
    }

    /** How many of {@code left} units of {@code cost} each fit in {@code budget}: at least 1. */
    private static int fit(double budget, double cost, int left) {
        double n = Math.floor(budget / Math.max(cost, 1));
        return (int) Math.max(1, Math.min(left, n));
    }

    // ---------------------------------------------------------------- forward

    private double forward(double budget) {
        int T = batch.steps;
        int B = batch.size;
        int n = fit(budget, forwardCost(), T - step);
        int from = step;
        int to = step + n;
        RecurrentStack stack = model.stack();
        stack.forwardSteps(from, to);
        Dense head = model.head();
        Loss loss = model.loss();
        int o = arch.outputs();
        double scale = 1.0 / count;
        if (!arch.lastStepOnly()) {
            int r0 = from * B;
            int r1 = to * B;
            head.forward(logits, r0 * o, stack.output(), stack.outputOffset() + r0 * arch.hidden(), r1 - r0);
            lossSum = loss.sum(lossSum, logits, r0, r1, o, batch.classes, batch.values, batch.mask, dLogits, scale);
        } else if (to == T) {
            head.forward(logits, 0, stack.output(), lastStepOffset(), B);
            lossSum = loss.sum(lossSum, logits, 0, B, o, batch.classes, batch.values, null, dLogits, scale);
        }
        step = to;
        if (step == T) {
            phase = Phase.BACKWARD;
            stack.beginBackward(null);
        }
        return n * forwardCost();
    }

    private int lastStepOffset() {
        return model.stack().outputOffset() + (batch.steps - 1) * batch.size * arch.hidden();
    }

    /** Floating-point operations of one step forward through the layers and the head. */
    private double forwardCost() {
        double perSequence = 0;
        RecurrentStack stack = model.stack();
        for (int l = 0; l < stack.numLayers(); l++) {
            perSequence += 2.0 * stack.layer(l).gateRows() * (stack.layer(l).inputSize() + arch.hidden());
        }
        double head = arch.lastStepOnly() ? 0 : 2.0 * arch.hidden() * arch.outputs() + 20.0 * arch.outputs();
        return batch.size * (perSequence + head);
    }

    // ---------------------------------------------------------------- backward

    private double backward(double budget) {
        int B = batch.size;
        int H = arch.hidden();
        int T = batch.steps;
        int n = fit(budget, forwardCost(), step);
        int from = step - n;
        int to = step;
        Dense head = model.head();
        int o = arch.outputs();
        if (!arch.lastStepOnly()) {
            head.inputGradient(dOut, from * B * H, dLogits, from * B * o, n * B);
        } else {
            Arrays.fill(dOut, from * B * H, to * B * H, 0.0);
            if (to == T) {
                dHead = Buffers.grow(dHead, B * H);
                head.inputGradient(dHead, 0, dLogits, 0, B);
                System.arraycopy(dHead, 0, dOut, (T - 1) * B * H, B * H);
            }
        }
        double[] dx = arch.input() == InputKind.EMBEDDING ? dEmbedded : null;
        model.stack().backwardSteps(dx, dOut, from, to, truncate);
        step = from;
        if (step == 0) {
            phase = Phase.GRADIENTS;
            job = 0;
            row = 0;
        }
        return n * forwardCost();
    }

    // ---------------------------------------------------------------- weight gradients

    private double gradients(double budget) {
        RecurrentStack stack = model.stack();
        int layers = stack.numLayers();
        int n = batch.steps * batch.size;
        double spent;
        if (job == 0) {
            Dense head = model.head();
            int x = arch.lastStepOnly() ? lastStepOffset() : stack.outputOffset();
            double cost = 2.0 * logitRows * arch.hidden();
            int rows = fit(budget, cost, arch.outputs() - row);
            head.weightGradients(dLogits, stack.output(), x, logitRows, row, row + rows);
            row += rows;
            spent = rows * cost;
            if (row == arch.outputs()) {
                next();
            }
        } else if (job <= layers) {
            int l = layers - job;
            double cost = 2.0 * n * (stack.layer(l).inputSize() + arch.hidden());
            int rows = fit(budget, cost, stack.layer(l).gateRows() - row);
            stack.weightGradients(l, row, row + rows);
            row += rows;
            spent = rows * cost;
            if (row == stack.layer(l).gateRows()) {
                next();
            }
        } else {
            int rows = fit(budget, arch.embedding(), n - row);
            model.embedding().backward(dEmbedded, batch.tokens, row, row + rows);
            row += rows;
            spent = (double) rows * arch.embedding();
            if (row == n) {
                next();
            }
        }
        return spent;
    }

    private void next() {
        job++;
        row = 0;
        int last = model.stack().numLayers() + (arch.input() == InputKind.EMBEDDING ? 1 : 0);
        if (job > last) {
            model.stack().endBackward(null);
            if (state != null) {
                model.stack().finalState(state);
            }
            phase = Phase.DONE;
        }
    }
}
