package tearnn.task;

import tearnn.math.Rng;
import tearnn.model.Batch;
import tearnn.model.Model;
import tearnn.nn.CellType;
import tearnn.optim.Optimizer;
import tearnn.optim.Schedule;
import tearnn.train.Trainer;

public class AdderExperiment {
    public static void main(String[] args) {
        for (CellType cell : new CellType[] {CellType.RNN_TANH, CellType.LSTM, CellType.GRU}) {
            for (int seed = 1; seed <= 3; seed++) {
                for (double lr : new double[] {0.01, 0.03}) {
                    Adder adder = new Adder(8);
                    Model m = new Model(Adder.architecture(cell, Integer.parseInt(args[0])), seed);
                    Trainer tr = new Trainer(m, Optimizer.create("adam", null, m.params().size()), Schedule.constant(lr));
                    Rng rng = new Rng(seed + 100);
                    Batch batch = adder.newBatch(Integer.parseInt(args[1]));
                    long t0 = System.nanoTime();
                    int step = 0;
                    double acc = 0;
                    while (step < 5000) {
                        adder.fillRandom(batch, rng);
                        tr.step(batch, null);
                        step++;
                        if (step % 50 == 0) {
                            acc = adder.accuracyAllPairs(m);
                            if (acc == 1) {
                                break;
                            }
                        }
                    }
                    System.out.printf("%s seed %d lr %.2f: %d steps acc %.4f %.2fs%n", cell.id, seed, lr, step, acc,
                            (System.nanoTime() - t0) / 1e9);
                }
            }
        }
    }
}
