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
 * Temporal order (Hochreiter and Schmidhuber 1997, experiment 6a), at any length T. Eight symbols,
 * read one-hot: E starts the sequence and B ends it; in between, distractors a, b, c, d drawn at
 * random, except at two steps, t1 in [T/10, 2T/10] and t2 in [5T/10, 6T/10], each of which holds X or
 * Y. At the last step the model names the order of the two: XX, XY, YX or YY (4 classes,
 * cross-entropy). A model that remembers nothing is right a quarter of the time (loss ln 4). Solved:
 * 99% of the held-out sequences right.
 */
public final class TemporalOrder extends MemoryProblem {
    public static final int SYMBOLS = 8;
    public static final int CLASSES = 4;
    public static final double SOLVED_ACCURACY = 0.99;
    private static final int E = 0;
    private static final int B = 1;
    private static final int X = 2;
    private static final int Y = 3;
    /** a, b, c, d: 4 to 7. */
    private static final int DISTRACTORS = 4;
    private static final String[] NAMES = {"E", "B", "X", "Y", "a", "b", "c", "d"};
    private static final String[] ORDERS = {"XX", "XY", "YX", "YY"};

    TemporalOrder(int length) {
        super(length);
        if (length < 10) {
            throw new SettingException("length", "temporal order needs a length of at least 10 (its marks are at a tenth"
                    + " and a half of it), not " + length);
        }
    }

    @Override
    public String id() {
        return ORDER;
    }

    @Override
    public int steps() {
        return length;
    }

    @Override
    public Architecture architecture(CellType cell, int hidden) {
        return Architecture.of(InputKind.ONE_HOT, SYMBOLS, 0, cell, hidden).withOutputs(CLASSES, LossKind.SOFTMAX_CE)
                .withLastStepOnly(true);
    }

    @Override
    public Batch newBatch(int size) {
        return new Batch(length, size, new int[length * size], null, new int[size], null, null);
    }

    @Override
    public void fill(Batch batch, Rng rng) {
        int size = batch.size;
        int lo1 = Math.max(1, length / 10);
        int hi1 = Math.max(lo1, 2 * length / 10);
        int lo2 = 5 * length / 10;
        int hi2 = Math.min(length - 2, 6 * length / 10);
        for (int b = 0; b < size; b++) {
            for (int t = 0; t < length; t++) {
                batch.tokens[t * size + b] = t == 0 ? E : t == length - 1 ? B : DISTRACTORS + rng.nextInt(4);
            }
            int t1 = lo1 + rng.nextInt(hi1 - lo1 + 1);
            int t2 = lo2 + rng.nextInt(hi2 - lo2 + 1);
            int first = rng.nextInt(2);
            int second = rng.nextInt(2);
            batch.tokens[t1 * size + b] = X + first;
            batch.tokens[t2 * size + b] = X + second;
            batch.classes[b] = 2 * first + second;
        }
    }

    @Override
    public double baseline() {
        return Math.log(CLASSES);
    }

    @Override
    public String measureName() {
        return "accuracy";
    }

    @Override
    public double measure(Model model, Batch batch) {
        double[] y = model.predict(batch, null);
        int right = 0;
        for (int b = 0; b < batch.size; b++) {
            right += Fn.argmax(y, b * CLASSES, CLASSES) == batch.classes[b] ? 1 : 0;
        }
        return right / (double) batch.size;
    }

    @Override
    public boolean solved(double accuracy) {
        return accuracy >= SOLVED_ACCURACY;
    }

    @Override
    public Example example(Model model, Batch batch, int sequence) {
        double[] y = model.predict(batch, null);
        String[] in = new String[length];
        for (int t = 0; t < length; t++) {
            in[t] = NAMES[batch.tokens[t * batch.size + sequence]];
        }
        return new Example(ORDER, null, in, null, null, new String[] {ORDERS[batch.classes[sequence]]},
                new String[] {ORDERS[Fn.argmax(y, sequence * CLASSES, CLASSES)]});
    }
}
