package tearnn.model;

import java.util.Arrays;
import tearnn.math.Buffers;
import tearnn.nn.RecurrentStack;

/**
 * One pass of a translator (an encoder-decoder, {@link Decoder}) over a batch of pairs, done in parts
 * as {@link TrainingPass} does a stack's: the encoder's steps over the sources, the decoder's over the
 * targets (teacher forcing: it reads the true previous token), the attention and the head at every
 * decoder step; then back: the head and the attention, the decoder's steps (the last first), its
 * weights and initial state, whose gradient is the encoder's final state's, the encoder's steps and
 * weights, the head's, the combining layer's and both embeddings'. The work is a list of stages, each
 * a number of units (steps, rows, output units) done a range at a time: whatever the ranges, the bits
 * are those of one call. An evaluation pass is the forward stages alone.
 */
public final class TranslationPass implements ModelPass {
    /** A stage of the pass: units done a range at a time, in increasing order from 0. */
    private abstract static class Stage {
        /** Called as the stage begins. */
        void enter() {
        }

        abstract int units();

        /** Floating-point operations of one unit, as estimated. */
        abstract double cost();

        abstract void run(int from, int to);

        /** Called once the last unit is done. */
        void exit() {
        }
    }

    private final Model model;
    private final Architecture arch;
    private final Decoder decoder;
    private final StackInput input = new StackInput();
    private final Stage[] forward;
    private final Stage[] all;
    private Stage[] stages;
    private int stage;
    private int unit;

    private Batch batch;
    private int first;
    private boolean training;
    private int count;
    private double lossSum;
    private double spentTotal;
    private double total;

    private State bridge;
    private State dBridge;
    private double[] targetEmbedded = new double[0];
    private double[] dHead = new double[0];
    private double[] dDecoded = new double[0];
    private double[] dEncoded = new double[0];
    private double[] dSource = new double[0];
    private double[] dTarget = new double[0];

    TranslationPass(Model model) {
        this.model = model;
        this.arch = model.architecture();
        this.decoder = model.decoder();
        Stage encode = new StackSteps(model.stack(), true) {
            @Override
            void enter() {
                input.begin(model, batch.tokens, null, batch.steps, batch.size, null, batch.mask, 0, 0, first);
            }

            @Override
            void run(int from, int to) {
                model.stack().forwardSteps(from, to);
            }
        };
        Stage decode = new StackSteps(decoder.stack, false) {
            @Override
            void enter() {
                model.stack().finalState(bridge);
                int n = batch.targetSteps * batch.size;
                targetEmbedded = Buffers.grow(targetEmbedded, n * arch.embedding());
                decoder.embedding.forward(targetEmbedded, batch.targetTokens, n);
                decoder.stack.beginForward(targetEmbedded, batch.targetSteps, batch.size, bridge, batch.targetMask, 0, 0, first);
            }

            @Override
            void run(int from, int to) {
                decoder.stack.forwardSteps(from, to);
            }
        };
        Stage head = new Stage() {
            @Override
            int units() {
                return batch.targetSteps;
            }

            @Override
            double cost() {
                return batch.size * (model.head().rowCost() + decoder.rowCost(batch.steps));
            }

            @Override
            void run(int from, int to) {
                int B = batch.size;
                RecurrentStack encoder = model.stack();
                decoder.attend(encoder.output(), encoder.outputOffset(), batch.mask, batch.steps, B, rows(), from * B, to * B);
                lossSum = model.head().lossSum(lossSum, decoder.headInput(), decoder.headInputOffset(), from * B, to * B,
                        batch.classes, null, batch.targetMask, 1.0 / count);
            }
        };
        forward = new Stage[] {encode, decode, head};
        Stage headBack = new Stage() {
            @Override
            void enter() {
                int n = batch.steps * batch.size * arch.hidden();
                dEncoded = Buffers.grow(dEncoded, n);
                Arrays.fill(dEncoded, 0, n, 0.0);
                dHead = Buffers.grow(dHead, rows() * arch.hidden());
                dDecoded = Buffers.grow(dDecoded, rows() * arch.hidden());
            }

            @Override
            int units() {
                return batch.targetSteps;
            }

            @Override
            double cost() {
                return batch.size * (model.head().rowCost() + 2 * decoder.rowCost(batch.steps));
            }

            @Override
            void run(int from, int to) {
                int B = batch.size;
                int H = arch.hidden();
                model.head().inputGradient(dHead, from * B * H, from * B, (to - from) * B);
                decoder.attendBack(dHead, from * B, to * B, dEncoded, 0, dDecoded);
            }
        };
        Stage decodeBack = new StackSteps(decoder.stack, false) {
            @Override
            void enter() {
                dTarget = Buffers.grow(dTarget, rows() * arch.embedding());
                decoder.stack.beginBackward(null);
            }

            @Override
            void run(int from, int to) {
                int T = batch.targetSteps;
                decoder.stack.backwardSteps(dTarget, dDecoded, T - to, T - from, 0);
            }
        };
        Stage encodeBack = new StackSteps(model.stack(), true) {
            @Override
            void enter() {
                dSource = Buffers.grow(dSource, batch.steps * batch.size * arch.embedding());
                model.stack().beginBackward(dBridge);
            }

            @Override
            void run(int from, int to) {
                int T = batch.steps;
                model.stack().backwardSteps(dSource, dEncoded, T - to, T - from, 0);
            }
        };
        Stage headWeights = new Stage() {
            @Override
            int units() {
                return model.head().gradientUnits();
            }

            @Override
            double cost() {
                return model.head().unitCost(0);
            }

            @Override
            void run(int from, int to) {
                model.head().weightGradients(decoder.headInput(), decoder.headInputOffset(), from, to);
            }
        };
        Stage combineWeights = new Stage() {
            @Override
            int units() {
                return arch.hidden();
            }

            @Override
            double cost() {
                return 2.0 * rows() * (2 * arch.hidden() + 2);
            }

            @Override
            void run(int from, int to) {
                decoder.combineGradients(dHead, rows(), from, to);
            }
        };
        Stage sourceRows = new Stage() {
            @Override
            int units() {
                return batch.steps * batch.size;
            }

            @Override
            double cost() {
                return arch.embedding();
            }

            @Override
            void run(int from, int to) {
                model.embedding().backward(dSource, batch.tokens, from, to);
            }
        };
        Stage targetRows = new Stage() {
            @Override
            int units() {
                return rows();
            }

            @Override
            double cost() {
                return arch.embedding();
            }

            @Override
            void run(int from, int to) {
                decoder.embedding.backward(dTarget, batch.targetTokens, from, to);
            }
        };
        int L = arch.layers();
        Stage[] s = new Stage[forward.length + 7 + 2 * L - (decoder.combine == null ? 1 : 0)];
        int k = 0;
        for (Stage f : forward) {
            s[k++] = f;
        }
        s[k++] = headBack;
        s[k++] = decodeBack;
        for (int l = L - 1; l >= 0; l--) {
            s[k++] = layerWeights(decoder.stack, l, false);
        }
        s[k++] = encodeBack;
        for (int l = L - 1; l >= 0; l--) {
            s[k++] = layerWeights(model.stack(), l, true);
        }
        s[k++] = headWeights;
        if (decoder.combine != null) {
            s[k++] = combineWeights;
        }
        s[k++] = sourceRows;
        s[k++] = targetRows;
        all = s;
    }

    /** The steps of a stack, the encoder's (over the sources) or the decoder's (over the targets), a unit a step. */
    private abstract class StackSteps extends Stage {
        private final RecurrentStack stack;
        private final boolean source;

        StackSteps(RecurrentStack stack, boolean source) {
            this.stack = stack;
            this.source = source;
        }

        @Override
        int units() {
            return source ? batch.steps : batch.targetSteps;
        }

        @Override
        double cost() {
            return stepCost(stack);
        }
    }

    /** Layer l's weight gradients, a range of gate rows at a time; the last layer ends the stack's backward pass. */
    private Stage layerWeights(RecurrentStack stack, int l, boolean encoder) {
        return new Stage() {
            @Override
            int units() {
                return stack.layer(l).gateRows();
            }

            @Override
            double cost() {
                return 2.0 * stack.steps() * batch.size * (stack.layer(l).inputSize() + arch.hidden() + 2);
            }

            @Override
            void run(int from, int to) {
                stack.weightGradients(l, from, to);
            }

            @Override
            void exit() {
                if (l == 0) {
                    // the decoder's initial state's gradient is the encoder's final state's
                    stack.endBackward(encoder ? null : dBridge);
                }
            }
        };
    }

    private int rows() {
        return batch.targetSteps * batch.size;
    }

    /** Floating-point operations of one step of the batch through every layer of {@code stack}. */
    private double stepCost(RecurrentStack stack) {
        double c = 0;
        for (int l = 0; l < stack.numLayers(); l++) {
            c += 2.0 * stack.layer(l).gateRows() * (stack.layer(l).inputSize() + arch.hidden());
        }
        return batch.size * c;
    }

    /**
     * Starts a pass over a batch of pairs (the sequences from {@code first} on of a larger one, whose
     * loss elements number {@code count}; 0: this batch's own): gradients zeroed, nothing computed yet.
     */
    void begin(Batch b, boolean training, int first, int count) {
        if (!b.pairs()) {
            throw new IllegalArgumentException("a translator learns from pairs of a source and a target");
        }
        model.check(b, null, true);
        this.batch = b;
        this.first = first;
        this.training = training;
        this.count = count > 0 ? count : model.lossCount(b);
        lossSum = 0;
        spentTotal = 0;
        if (bridge == null || bridge.batch != b.size) {
            bridge = model.newState(b.size);
            dBridge = model.newState(b.size);
        }
        model.head().begin(rows(), training);
        decoder.prepare(rows(), training);
        if (training) {
            model.params().zeroGrad();
        }
        stages = training ? all : forward;
        total = 0;
        for (Stage s : stages) {
            total += s.units() * s.cost();
        }
        stage = 0;
        unit = 0;
        stages[0].enter();
    }

    @Override
    public double advance(double flops) {
        double spent = 0;
        while (stage < stages.length) {
            Stage s = stages[stage];
            int units = s.units();
            double cost = Math.max(1, s.cost());
            int n = (int) Math.max(1, Math.min(units - unit, Math.floor((flops - spent) / cost)));
            s.run(unit, unit + n);
            unit += n;
            spent += n * cost;
            if (unit == units) {
                s.exit();
                stage++;
                unit = 0;
                if (stage < stages.length) {
                    stages[stage].enter();
                }
            }
            if (spent >= flops) {
                break;
            }
        }
        spentTotal += spent;
        return spent;
    }

    @Override
    public boolean done() {
        return stages == null || stage == stages.length;
    }

    @Override
    public double loss() {
        return lossSum / count;
    }

    @Override
    public double lossSum() {
        return lossSum;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public double spent() {
        return spentTotal;
    }

    @Override
    public double fraction() {
        return done() ? 1 : Math.min(0.99, spentTotal / Math.max(1, total));
    }

    /** ||dL/dh_t|| of the encoder's layers, steps and sequences: how far back into the source the gradient reaches. */
    @Override
    public void gradientFlow(GradientFlow into) {
        into.reset(arch.layers(), batch.steps, batch.size);
        into.take(model.stack(), 0);
    }
}
