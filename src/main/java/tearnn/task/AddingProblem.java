package tearnn.task;

import tearnn.loss.LossKind;
import tearnn.math.Rng;
import tearnn.model.Architecture;
import tearnn.model.Batch;
import tearnn.model.Model;
import tearnn.nn.CellType;
import tearnn.settings.SettingException;

/**
 * The adding problem (Hochreiter and Schmidhuber 1997, in the form of Arjovsky et al. 2016). A
 * sequence is T steps of two values: the first drawn from U[0, 1], the second 0 except for two 1s,
 * one at a step in [0, T/2) and one in [T/2, T). The target, read at the last step, is the sum of the
 * two marked values; the loss is the squared error. A model that remembers nothing does best by
 * predicting the mean sum, 1: its loss is the sum's variance, 2 / 12 = 1/6. Solved: held-out mse
 * below 0.01.
 */
public final class AddingProblem extends MemoryProblem {
    public static final double SOLVED_MSE = 0.01;

    AddingProblem(int length) {
        super(length);
        if (length < 2) {
            throw new SettingException("length", "the adding problem needs a length of at least 2 (one mark in each half), not " + length);
        }
    }

    @Override
    public String id() {
        return ADDING;
    }

    @Override
    public int steps() {
        return length;
    }

    @Override
    public Architecture architecture(CellType cell, int hidden) {
        return Architecture.ofVectors(2, cell, hidden).withOutputs(1, LossKind.MSE).withLastStepOnly(true);
    }

    @Override
    public Batch newBatch(int size) {
        return new Batch(length, size, null, new double[length * size * 2], null, new double[size], null);
    }

    @Override
    public void fill(Batch batch, Rng rng) {
        int size = batch.size;
        int half = length / 2;
        for (int b = 0; b < size; b++) {
            int first = rng.nextInt(half);
            int second = half + rng.nextInt(length - half);
            double sum = 0;
            for (int t = 0; t < length; t++) {
                int i = 2 * (t * size + b);
                double v = rng.nextDouble();
                boolean marked = t == first || t == second;
                batch.inputs[i] = v;
                batch.inputs[i + 1] = marked ? 1 : 0;
                if (marked) {
                    sum += v;
                }
            }
            batch.values[b] = sum;
        }
    }

    @Override
    public double baseline() {
        return 1.0 / 6;
    }

    @Override
    public String measureName() {
        return "mse";
    }

    @Override
    public double measure(Model model, Batch batch) {
        double[] y = model.predict(batch, null);
        double sum = 0;
        for (int b = 0; b < batch.size; b++) {
            double d = y[b] - batch.values[b];
            sum += d * d;
        }
        return sum / batch.size;
    }

    @Override
    public boolean solved(double mse) {
        return mse < SOLVED_MSE;
    }

    @Override
    public Example example(Model model, Batch batch, int sequence) {
        double[][] inputs = new double[length][2];
        for (int t = 0; t < length; t++) {
            int i = 2 * (t * batch.size + sequence);
            inputs[t][0] = batch.inputs[i];
            inputs[t][1] = batch.inputs[i + 1];
        }
        double out = model.predict(batch, null)[sequence];
        return new Example(ADDING, inputs, null, new double[] {batch.values[sequence]}, new double[] {out}, null, null);
    }
}
