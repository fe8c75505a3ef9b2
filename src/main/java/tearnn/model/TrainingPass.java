package tearnn.model;

import java.util.Arrays;
import tearnn.math.Buffers;
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
 *
 * <p>An evaluation pass ({@link Model#beginEvaluation}) is the forward part alone, without dropout:
 * the loss of the batch, in parts, with the bits of {@link Model#evaluate}.
 */
public final class TrainingPass implements ModelPass {
    private enum Phase { FORWARD, BACKWARD, GRADIENTS, DONE }

    private final Model model;
    private final Architecture arch;
    private Batch batch;
    private State state;
    private int truncate;
    /** Training (dropout, backward, gradients), or evaluation (the forward part, without dropout). */
    private boolean training;
    private Phase phase = Phase.DONE;
    /** Forward: the next step; backward: the steps still to go back. */
    private int step;
    /** Within a step run in parts: the layer (the number of layers: the head) and the next sequence. */
    private int layer;
    private int seq;
    /** Gradients: 0 the head, 1 to L the layers (the top first), L+1 the embedding; the next row of it. */
    private int job;
    private int row;
    private int logitRows;
    private int count;
    private double lossSum;
    /** Operations done so far in this pass, as estimated. */
    private double spentTotal;

    private final StackInput input = new StackInput();
    private double[] dEmbedded = new double[0];
    private double[] dOut = new double[0];
    private double[] dHead = new double[0];
    /** Attention pooling: the contexts [B][H] the head reads, and the gradient of every step's state from it [T][B][H]. */
    private double[] context = new double[0];
    private double[] dPooled = new double[0];

    TrainingPass(Model model) {
        this.model = model;
        this.arch = model.architecture();
    }

    /**
     * Starts a pass: gradients zeroed, dropout masks drawn, nothing computed yet. {@code state} (may
     * be null: zeros) is the initial state and receives the final one when the pass is done. The
     * masks come from {@code dropoutSeed}, the batch being the sequences from {@code first} on of a
     * larger one; the loss is the sum over the batch divided by {@code count} (0: the batch's own).
     */
    void begin(Batch b, State s, int truncate, boolean training, int dropoutSeed, int first, int count) {
        this.training = training;
        if (truncate < 0) {
            throw new IllegalArgumentException("truncation length must be >= 0 (0 = full), got " + truncate);
        }
        model.check(b, s, true);
        int T = b.steps;
        int B = b.size;
        int n = T * B;
        logitRows = arch.lastStepOnly() ? B : n;
        this.count = count > 0 ? count : model.lossCount(b);
        this.batch = b;
        this.state = s;
        this.truncate = truncate;
        lossSum = 0;
        model.head().begin(logitRows, training);
        if (training) {
            model.params().zeroGrad();
            dOut = Buffers.grow(dOut, n * arch.hidden());
        }
        if (model.attention() != null) {
            context = Buffers.grow(context, B * arch.hidden());
            if (training) {
                dPooled = Buffers.grow(dPooled, n * arch.hidden());
                Arrays.fill(dPooled, 0, n * arch.hidden(), 0.0);
            }
        }
        RecurrentStack stack = model.stack();
        double p = training ? arch.dropout() : 0;
        if (training && arch.input() == InputKind.EMBEDDING) {
            dEmbedded = Buffers.grow(dEmbedded, n * arch.embedding());
        }
        input.begin(model, b.tokens, b.inputs, T, B, s, b.mask, p, dropoutSeed, first);
        phase = Phase.FORWARD;
        step = 0;
        layer = 0;
        seq = 0;
        spentTotal = 0;
    }

    /** How far the pass has come, 0 to 1 (by the operations done, as estimated: forward, back, gradients about a third each). */
    @Override
    public double fraction() {
        return done() ? 1 : Math.min(0.99, spentTotal / (3 * batch.steps * stepCost()));
    }

    /** Whether the pass is done: the gradients complete, the final state given back. */
    @Override
    public boolean done() {
        return phase == Phase.DONE;
    }

    /** The mean loss of the batch (complete once the forward steps are done). */
    @Override
    public double loss() {
        return lossSum / count;
    }

    @Override
    public void gradientFlow(GradientFlow into) {
        into.reset(arch.layers(), batch.steps, batch.size);
        into.take(model.stack(), 0);
    }

    /** The sum of the loss over the batch's counted elements, and their number (as {@link Model#lastLossSum}). */
    @Override
    public double lossSum() {
        return lossSum;
    }

    @Override
    public double spent() {
        return spentTotal;
    }

    @Override
    public int count() {
        return count;
    }

    /**
     * Does parts worth about {@code flops} floating-point operations (at least one, unless the pass
     * is done); returns the operations done, as estimated. {@link #done()} says whether it is over.
     */
    @Override
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
        spentTotal += spent;
        return spent;
    }

    /** How many of {@code left} units of {@code cost} each fit in {@code budget}: at least 1. */
    private static int fit(double budget, double cost, int left) {
        double n = Math.floor(budget / Math.max(cost, 1));
        return (int) Math.max(1, Math.min(left, n));
    }

    // ---------------------------------------------------------------- forward

    /**
     * Forward: whole steps while they fit in the budget; else a part of the step under way, the
     * sequences of one layer (or of the head) that fit. Either way, the bits of one call.
     */
    private double forward(double budget) {
        int T = batch.steps;
        int B = batch.size;
        int top = model.stack().numLayers();
        if (layer == 0 && seq == 0) {
            int n = (int) Math.min(T - step, Math.floor(budget / stepCost()));
            if (n >= 1) {
                forwardSteps(step, step + n);
                step += n;
                if (step == T) {
                    toBackward();
                }
                return n * stepCost();
            }
        }
        double cost = layer < top ? layerCost(layer) : headCost();
        int m = fit(budget, cost, B - seq);
        if (layer < top) {
            model.stack().forwardPart(layer, step, seq, seq + m);
        } else {
            head(step, seq, seq + m);
        }
        seq += m;
        if (seq == B) {
            seq = 0;
            layer++;
            if (layer > top) {
                layer = 0;
                step++;
                if (step == T) {
                    toBackward();
                }
            }
        }
        return m * cost;
    }

    /** Steps [from, to) of every sequence through every layer and the head. */
    private void forwardSteps(int from, int to) {
        model.stack().forwardSteps(from, to);
        if (!arch.lastStepOnly()) {
            headRows(from * batch.size, to * batch.size);
        } else if (to == batch.steps) {
            head(to - 1, 0, batch.size);
        }
    }

    /** The head and the loss on step s of sequences [b0, b1) (a many-to-one model: on the last step only). */
    private void head(int s, int b0, int b1) {
        int B = batch.size;
        if (!arch.lastStepOnly()) {
            headRows(s * B + b0, s * B + b1);
        } else if (s == batch.steps - 1 && model.attention() != null) {
            // the last state's attention over every real step's, then the head on its context
            RecurrentStack stack = model.stack();
            model.attention().forward(stack.output(), lastStepOffset(), stack.output(), stack.outputOffset(), batch.mask,
                    batch.steps, batch.size, b0, b1, context, 0);
            lossSum = model.head().lossSum(lossSum, context, 0, b0, b1, batch.classes, batch.values, null, 1.0 / count);
        } else if (s == batch.steps - 1) {
            lossSum = model.head().lossSum(lossSum, model.stack().output(), lastStepOffset(), b0, b1, batch.classes,
                    batch.values, null, 1.0 / count);
        }
    }

    /** The head and the loss on rows [r0, r1) (time-major: step * B + sequence) of an every-step model. */
    private void headRows(int r0, int r1) {
        RecurrentStack stack = model.stack();
        lossSum = model.head().lossSum(lossSum, stack.output(), stack.outputOffset(), r0, r1, batch.classes, batch.values,
                batch.mask, 1.0 / count);
    }

    private void toBackward() {
        if (!training) {
            if (state != null) {
                model.stack().finalState(state);
            }
            phase = Phase.DONE;
            return;
        }
        phase = Phase.BACKWARD;
        step = batch.steps;
        layer = model.stack().numLayers();
        seq = 0;
        model.stack().beginBackward(null);
    }

    private int lastStepOffset() {
        return model.stack().outputOffset() + (batch.steps - 1) * batch.size * arch.hidden();
    }

    /** Floating-point operations of one sequence's step through layer l, forward (and about as many back). */
    private double layerCost(int l) {
        RecurrentStack stack = model.stack();
        return 2.0 * stack.layer(l).gateRows() * (stack.layer(l).inputSize() + arch.hidden());
    }

    /**
     * Floating-point operations of one sequence's step through the head and the loss (and its share of
     * the attention pooling, about one step's worth of it per step).
     */
    private double headCost() {
        return model.head().rowCost() + (model.attention() != null ? model.attention().cost(1) : 0);
    }

    /** Floating-point operations of one step of every sequence through every layer and the head. */
    private double stepCost() {
        return stepCost(batch.size);
    }

    /** Floating-point operations of one step of {@code b} sequences through every layer and the head. */
    double stepCost(int b) {
        double c = headCost();
        for (int l = 0; l < model.stack().numLayers(); l++) {
            c += layerCost(l);
        }
        return b * c;
    }

    // ---------------------------------------------------------------- backward

    /** Backward, the last step first: whole steps while they fit; else a part, as forward. */
    private double backward(double budget) {
        int B = batch.size;
        int top = model.stack().numLayers();
        double[] dx = arch.input() == InputKind.EMBEDDING ? dEmbedded : null;
        if (layer == top && seq == 0) {
            int n = (int) Math.min(step, Math.floor(budget / stepCost()));
            if (n >= 1) {
                if (!arch.lastStepOnly()) {
                    int r0 = (step - n) * B;
                    model.head().inputGradient(dOut, r0 * arch.hidden(), r0, n * B);
                } else {
                    for (int s = step - 1; s >= step - n; s--) {
                        headBack(s, 0, B);
                    }
                }
                model.stack().backwardSteps(dx, dOut, step - n, step, truncate);
                step -= n;
                if (step == 0) {
                    toGradients();
                }
                return n * stepCost();
            }
        }
        int s = step - 1;
        double cost = layer == top ? headCost() : layerCost(layer);
        int m = fit(budget, cost, B - seq);
        if (layer == top) {
            headBack(s, seq, seq + m);
        } else {
            model.stack().backwardPart(layer, dx, dOut, s, seq, seq + m, truncate);
        }
        seq += m;
        if (seq == B) {
            seq = 0;
            layer--;
            if (layer < 0) {
                layer = top;
                step--;
                if (step == 0) {
                    toGradients();
                }
            }
        }
        return m * cost;
    }

    /** The stack's output gradient on step s of sequences [b0, b1), from the head's. */
    private void headBack(int s, int b0, int b1) {
        int B = batch.size;
        int H = arch.hidden();
        if (!arch.lastStepOnly()) {
            int r0 = s * B + b0;
            model.head().inputGradient(dOut, r0 * H, r0, b1 - b0);
        } else if (s == batch.steps - 1) {
            dHead = Buffers.grow(dHead, B * H);
            model.head().inputGradient(dHead, b0 * H, b0, b1 - b0);
            if (model.attention() == null) {
                System.arraycopy(dHead, b0 * H, dOut, (s * B + b0) * H, (b1 - b0) * H);
            } else {
                // through the attention to every step's state (the last one's twice: a key and the query); an
                // additive score adds the keys' share once every sequence has gone back
                model.attention().backward(dHead, 0, dPooled, 0, dPooled, s * B * H, b0, b1);
                if (b1 == B) {
                    System.arraycopy(dPooled, s * B * H, dOut, s * B * H, B * H);
                }
            }
        } else if (model.attention() != null) {
            System.arraycopy(dPooled, (s * B + b0) * H, dOut, (s * B + b0) * H, (b1 - b0) * H);
        } else {
            Arrays.fill(dOut, (s * B + b0) * H, (s * B + b1) * H, 0.0);
        }
    }

    private void toGradients() {
        phase = Phase.GRADIENTS;
        job = 0;
        row = 0;
    }

    // ---------------------------------------------------------------- weight gradients

    /**
     * The weight gradients, a range of rows at a time: the head's, each layer's (the top first), the
     * embedding's. A product's first range also transposes its right operand (in one go), which is
     * counted in.
     */
    private double gradients(double budget) {
        RecurrentStack stack = model.stack();
        int layers = stack.numLayers();
        int n = batch.steps * batch.size;
        double spent = 0;
        if (job == 0) {
            Head head = model.head();
            boolean pooled = model.attention() != null;
            int x = pooled ? 0 : arch.lastStepOnly() ? lastStepOffset() : stack.outputOffset();
            if (row == 0) {
                spent = 4.0 * logitRows * arch.hidden();
            }
            // units while they fit (at least one)
            int units = head.gradientUnits();
            int to = row;
            do {
                spent += head.unitCost(to++);
            } while (to < units && spent + head.unitCost(to) <= budget);
            head.weightGradients(pooled ? context : stack.output(), x, row, to);
            row = to;
            if (row == units) {
                next();
            }
        } else if (job <= layers) {
            int l = layers - job;
            int width = stack.layer(l).inputSize() + arch.hidden();
            double cost = 2.0 * n * (width + 2);
            if (row == 0) {
                spent = 4.0 * n * width;
            }
            int rows = fit(budget - spent, cost, stack.layer(l).gateRows() - row);
            stack.weightGradients(l, row, row + rows);
            row += rows;
            spent += rows * cost;
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
