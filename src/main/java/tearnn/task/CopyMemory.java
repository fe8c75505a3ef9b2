package tearnn.task;

import tearnn.loss.LossKind;
import tearnn.math.Fn;
import tearnn.math.Rng;
import tearnn.model.Architecture;
import tearnn.model.Batch;
import tearnn.model.InputKind;
import tearnn.model.Model;
import tearnn.nn.CellType;
import tearnn.settings.SettingException;

/**
 * Copy memory (Arjovsky et al. 2016). Ten symbols: blank (0), eight data symbols (1 to 8) and the
 * delimiter (9), read one-hot. The input is K data symbols drawn at random, T - 1 blanks, the
 * delimiter, then K blanks (T + 2K steps); the target is T + K blanks, then the K data symbols: after
 * a gap of T steps the model writes out what it saw. Cross-entropy at every step. A model that
 * remembers nothing writes blanks where they are sure and guesses among the 8 at the last K steps:
 * its loss is K ln 8 / (T + 2K). Solved: 99% of the copied symbols right.
 */
public final class CopyMemory extends MemoryProblem {
    public static final int BLANK = 0;
    public static final int DATA = 8;
    public static final int DELIMITER = 9;
    public static final int SYMBOLS = 10;
    public static final double SOLVED_ACCURACY = 0.99;
    private static final String[] NAMES = {"_", "1", "2", "3", "4", "5", "6", "7", "8", ":"};

    private final int k;

    CopyMemory(int length, int symbols) {
        super(length);
        if (symbols < 1) {
            throw new SettingException("symbols", "copy memory needs at least 1 symbol to copy, not " + symbols);
        }
        if (length < 1) {
            throw new SettingException("length", "copy memory needs a gap of at least 1 step, not " + length);
        }
        if (symbols > length) {
            throw new SettingException("symbols", "copy memory copies at most as many symbols as the gap is long ("
                    + length + "), not " + symbols);
        }
        this.k = symbols;
    }

    @Override
    public String id() {
        return COPY;
    }

    /** K, the symbols copied. */
    public int symbols() {
        return k;
    }

    @Override
    public int steps() {
        return length + 2 * k;
    }

    @Override
    public Architecture architecture(CellType cell, int hidden) {
        return Architecture.of(InputKind.ONE_HOT, SYMBOLS, 0, cell, hidden).withOutputs(SYMBOLS, LossKind.SOFTMAX_CE);
    }

    @Override
    public Batch newBatch(int size) {
        int n = steps() * size;
        return new Batch(steps(), size, new int[n], null, new int[n], null, null);
    }

    @Override
    public void fill(Batch batch, Rng rng) {
        int size = batch.size;
        int steps = steps();
        for (int b = 0; b < size; b++) {
            for (int t = 0; t < steps; t++) {
                batch.tokens[t * size + b] = t == length + k - 1 ? DELIMITER : BLANK;
                batch.classes[t * size + b] = BLANK;
            }
            for (int j = 0; j < k; j++) {
                int s = 1 + rng.nextInt(DATA);
                batch.tokens[j * size + b] = s;
                batch.classes[(length + k + j) * size + b] = s;
            }
        }
    }

    @Override
    public double baseline() {
        return k * Math.log(DATA) / (length + 2 * k);
    }

    @Override
    public String measureName() {
        return "accuracy";
    }

    /** The share of the copied symbols (the last K steps) the model writes right. */
    @Override
    public double measure(Model model, Batch batch) {
        double[] y = model.predict(batch, null);
        int right = 0;
        for (int t = length + k; t < steps(); t++) {
            for (int b = 0; b < batch.size; b++) {
                int row = t * batch.size + b;
                right += Fn.argmax(y, row * SYMBOLS, SYMBOLS) == batch.classes[row] ? 1 : 0;
            }
        }
        return right / (double) (k * batch.size);
    }

    @Override
    public boolean solved(double accuracy) {
        return accuracy >= SOLVED_ACCURACY;
    }

    @Override
    public Example example(Model model, Batch batch, int sequence) {
        double[] y = model.predict(batch, null);
        int steps = steps();
        String[] in = new String[steps];
        String[] target = new String[steps];
        String[] out = new String[steps];
        for (int t = 0; t < steps; t++) {
            int row = t * batch.size + sequence;
            in[t] = NAMES[batch.tokens[row]];
            target[t] = NAMES[batch.classes[row]];
            out[t] = NAMES[Fn.argmax(y, row * SYMBOLS, SYMBOLS)];
        }
        return new Example(COPY, null, in, null, null, target, out);
    }
}
