package tearnn.task;

import tearnn.loss.LossKind;
import tearnn.math.Fn;
import tearnn.math.Rng;
import tearnn.model.Architecture;
import tearnn.model.Batch;
import tearnn.model.Model;
import tearnn.model.State;
import tearnn.nn.CellType;
import tearnn.nn.RecurrentCell;

/**
 * Binary addition learned bit by bit. Encoding: for n-bit addition the operands a, b are below
 * 2^(n-1), so a + b fits in n bits; step t (t = 0 is the least significant bit) reads the input
 * vector {@code [bit t of a, bit t of b]} and must output bit t of a + b, so the carry has to be
 * kept in the recurrent state. Every step carries loss (sigmoid binary cross-entropy, one output).
 * A model trained on n bits can be run on more bits: the same cell, more steps.
 */
public final class Adder {
    private final int bits;

    public Adder(int bits) {
        if (bits < 2 || bits > 30) {
            throw new IllegalArgumentException("adder bits must be in [2, 30], got " + bits);
        }
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }

    /** Operands are in [0, limit): limit = 2^(bits-1). */
    public int operandLimit() {
        return 1 << (bits - 1);
    }

    /** The model shape for the adder: 2 inputs, 1 output per step, sigmoid loss at every step. */
    public static Architecture architecture(CellType cell, int hidden) {
        return Architecture.ofVectors(2, cell, hidden).withOutputs(1, LossKind.SIGMOID_BCE);
    }

    /** A reusable batch of B random pairs. */
    public Batch newBatch(int size) {
        return new Batch(bits, size, null, new double[bits * size * 2], null, new double[bits * size], null);
    }

    /** Fills the batch with random pairs a, b in [0, limit). */
    public void fillRandom(Batch batch, Rng rng) {
        int limit = operandLimit();
        for (int b = 0; b < batch.size; b++) {
            encode(batch, b, rng.nextInt(limit), rng.nextInt(limit));
        }
    }

    /** Writes the pair (a, b) as sequence column {@code col} of the batch. */
    public void encode(Batch batch, int col, int a, int b) {
        int sum = a + b;
        int size = batch.size;
        for (int t = 0; t < bits; t++) {
            int i = t * size + col;
            batch.inputs[2 * i] = (a >> t) & 1;
            batch.inputs[2 * i + 1] = (b >> t) & 1;
            batch.values[i] = (sum >> t) & 1;
        }
    }

    /**
     * Fraction of all pairs a, b in [0, limit) whose every sum bit the model gets right (output
     * probability on the right side of 1/2).
     */
    public double accuracyAllPairs(Model model) {
        long total = pairCount();
        long correct = 0;
        Batch batch = null;
        for (long from = 0; from < total; from += ALL_PAIRS_CHUNK) {
            int n = (int) Math.min(ALL_PAIRS_CHUNK, total - from);
            if (batch == null || batch.size != n) {
                batch = newBatch(n);
            }
            fillPairs(batch, from);
            correct += countCorrect(model, batch);
        }
        return correct / (double) total;
    }

    private static final int ALL_PAIRS_CHUNK = 4096;

    /** Number of pairs a, b in [0, limit): limit squared. */
    public long pairCount() {
        return (long) operandLimit() * operandLimit();
    }

    /**
     * Fills the batch with the B pairs from index {@code from} on, pair {@code i} being
     * a = i / limit, b = i % limit: so a caller can check all pairs a part at a time.
     */
    public void fillPairs(Batch batch, long from) {
        long total = pairCount();
        if (from < 0 || from + batch.size > total) {
            throw new IllegalArgumentException("pairs " + from + " to " + (from + batch.size) + " are outside [0, " + total + ")");
        }
        int limit = operandLimit();
        for (int col = 0; col < batch.size; col++) {
            long i = from + col;
            encode(batch, col, (int) (i / limit), (int) (i % limit));
        }
    }

    /** Fraction of {@code count} random pairs (for many bits, where all pairs are too many) added right. */
    public double accuracySampled(Model model, int count, Rng rng) {
        Batch batch = newBatch(count);
        fillRandom(batch, rng);
        return countCorrect(model, batch) / (double) count;
    }

    /** Fraction of the batch's additions (filled by {@link #fillRandom} or {@link #encode}) the model gets right. */
    public double accuracy(Model model, Batch batch) {
        return countCorrect(model, batch) / (double) batch.size;
    }

    /** How many of the batch's additions the model gets right (every sum bit). */
    public int countCorrect(Model model, Batch batch) {
        double[] logits = model.predict(batch, null);
        int ok = 0;
        for (int col = 0; col < batch.size; col++) {
            boolean all = true;
            for (int t = 0; t < bits && all; t++) {
                int i = t * batch.size + col;
                all = (logits[i] > 0 ? 1 : 0) == batch.values[i];
            }
            if (all) {
                ok++;
            }
        }
        return ok;
    }

    /**
     * One addition worked by the model, with what happened at every step: each bit's probability,
     * the top layer's h_t and its gates' activations ({@code gates[g][t][unit]}, named in
     * {@code gateNames}: i, f, g, o; r, z, n; none for a vanilla RNN).
     */
    public record Trace(int a, int b, int predicted, double[] probabilities, double[][] hidden, String[] gateNames,
                        double[][][] gates) {
        /** Whether the model's sum is right. */
        public boolean correct() {
            return predicted == a + b;
        }
    }

    /** Runs one addition: the predicted sum, each bit's probability of 1, and h_t (top layer) at every step. */
    public Trace trace(Model trained, int a, int b) {
        // the inference twin: its workspaces hold the states read below (a training step may be under way)
        Model model = trained.inference();
        int limit = operandLimit();
        if (a < 0 || b < 0 || a >= limit || b >= limit) {
            throw new IllegalArgumentException("operands must be in [0, " + (limit - 1) + "] for " + bits
                    + "-bit addition, got " + a + " and " + b);
        }
        Batch batch = newBatch(1);
        encode(batch, 0, a, b);
        State s = model.newState(1);
        double[] logits = model.predict(batch, s);
        int h = model.architecture().hidden();
        double[] prob = new double[bits];
        double[][] hidden = new double[bits][h];
        int sum = 0;
        RecurrentCell top = model.stack().layer(model.stack().numLayers() - 1).cell();
        double[] states = top.hiddenStates();
        String[] names = top.gateNames();
        double[][][] gates = new double[names.length][bits][h];
        for (int t = 0; t < bits; t++) {
            prob[t] = Fn.sigmoid(logits[t]);
            if (logits[t] > 0) {
                sum |= 1 << t;
            }
            System.arraycopy(states, (t + 1) * h, hidden[t], 0, h);
            for (int g = 0; g < names.length; g++) {
                for (int j = 0; j < h; j++) {
                    gates[g][t][j] = top.gate(g, t, 0, j);
                }
            }
        }
        return new Trace(a, b, sum, prob, hidden, names, gates);
    }
}
