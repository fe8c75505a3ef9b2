package tearnn.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tearnn.math.Rng;
import tearnn.nn.CellType;
import tearnn.task.MemoryProblem;

/**
 * Finite differences through the memory tasks' models on their own sequences: a last-step squared
 * error on dense input (adding), a softmax at every step on one-hot input (copy), and a last-step
 * softmax over fewer classes than the input has symbols (temporal order).
 */
class MemoryGradientTest {
    @ParameterizedTest
    @CsvSource({"adding,6,0,rnn_tanh", "adding,6,0,lstm", "copy,4,2,gru", "copy,4,2,lstm", "order,10,0,rnn_relu", "order,10,0,gru"})
    void everyParameterOnTheTasksOwnSequences(String task, int length, int symbols, String cell) {
        MemoryProblem p = MemoryProblem.of(task, length, symbols);
        Model m = new Model(p.architecture(CellType.parse(cell), 5), 11);
        Batch b = p.newBatch(3);
        p.fill(b, new Rng(4));
        ModelGradientTest.check(m, b, null, 0, task + "/" + cell);
    }

    /** The same through the models each initialization and the peepholes begin (chrono's and the IRNN's among them). */
    @ParameterizedTest
    @CsvSource({"adding,chrono,lstm,false", "adding,chrono,gru,false", "adding,identity,rnn_relu,false",
        "adding,chrono,lstm,true", "copy,orthogonal,lstm,true", "order,forget,lstm,false", "order,xavier,gru,false"})
    void throughEveryInitializationAndThePeepholes(String task, String init, String cell, boolean peephole) {
        MemoryProblem p = MemoryProblem.of(task, 10, 2);
        Model m = new Model(p.architecture(CellType.parse(cell), 5).withPeephole(peephole), 11);
        Initialization.of(init, 10).apply(m, 11);
        Batch b = p.newBatch(3);
        p.fill(b, new Rng(5));
        ModelGradientTest.check(m, b, null, 0, task + "/" + init + "/" + cell + (peephole ? "/peephole" : ""));
    }
}
