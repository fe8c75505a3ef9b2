package tearnn.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tearnn.file.ModelFile;
import tearnn.math.Rng;
import tearnn.model.Batch;
import tearnn.nn.CellType;
import tearnn.optim.OptimizerKind;
import tearnn.settings.SettingException;

/**
 * The memory tasks: their sequences are what the papers define, their memoryless baselines are
 * right, bad settings are refused by name, a gated cell solves a short adding problem, and a run
 * saves and resumes exactly.
 */
class MemoryTasksTest {
    @Test
    void theAddingProblemMarksOneValueInEachHalfAndAsksForTheirSum() {
        MemoryProblem p = MemoryProblem.of(MemoryProblem.ADDING, 9, 0);
        Batch b = p.newBatch(500);
        p.fill(b, new Rng(1));
        double baselineSum = 0;
        for (int s = 0; s < b.size; s++) {
            int marks = 0;
            double sum = 0;
            for (int t = 0; t < 9; t++) {
                int i = 2 * (t * b.size + s);
                assertTrue(b.inputs[i] >= 0 && b.inputs[i] < 1);
                if (b.inputs[i + 1] == 1) {
                    marks++;
                    sum += b.inputs[i];
                    assertTrue(marks == 1 ? t < 4 : t >= 4, "one mark in [0, T/2), one in [T/2, T): step " + t);
                } else {
                    assertEquals(0, b.inputs[i + 1]);
                }
            }
            assertEquals(2, marks);
            assertEquals(sum, b.values[s], 1e-15);
            baselineSum += (1 - sum) * (1 - sum);
        }
        assertEquals(1.0 / 6, p.baseline(), 1e-15);
        assertEquals(1.0 / 6, baselineSum / b.size, 0.02, "predicting 1 scores the sum's variance, 1/6");
    }

    @Test
    void copyMemoryShowsKSymbolsAndAsksForThemAfterTheGap() {
        CopyMemory p = (CopyMemory) MemoryProblem.of(MemoryProblem.COPY, 6, 3);
        assertEquals(12, p.steps(), "T + 2K");
        Batch b = p.newBatch(4);
        p.fill(b, new Rng(2));
        for (int s = 0; s < 4; s++) {
            StringBuilder in = new StringBuilder();
            StringBuilder out = new StringBuilder();
            for (int t = 0; t < 12; t++) {
                in.append(b.tokens[t * 4 + s]).append(' ');
                out.append(b.classes[t * 4 + s]).append(' ');
            }
            String[] x = in.toString().trim().split(" ");
            String expectedIn = x[0] + " " + x[1] + " " + x[2] + " 0 0 0 0 0 9 0 0 0";
            assertEquals(expectedIn, in.toString().trim(), "K symbols, T - 1 blanks, the delimiter, K blanks");
            assertEquals("0 0 0 0 0 0 0 0 0 " + x[0] + " " + x[1] + " " + x[2], out.toString().trim(), "T + K blanks, then the K symbols");
            for (int j = 0; j < 3; j++) {
                int v = Integer.parseInt(x[j]);
                assertTrue(v >= 1 && v <= 8, "a data symbol: " + v);
            }
        }
        assertEquals(3 * Math.log(8) / 12, p.baseline(), 1e-15, "K ln 8 / (T + 2K)");
    }

    @Test
    void temporalOrderNamesTheOrderOfTheTwoMarks() {
        MemoryProblem p = MemoryProblem.of(MemoryProblem.ORDER, 100, 0);
        Batch b = p.newBatch(300);
        p.fill(b, new Rng(3));
        int[] classes = new int[4];
        for (int s = 0; s < b.size; s++) {
            assertEquals(0, b.tokens[s], "E first");
            assertEquals(1, b.tokens[99 * b.size + s], "B last");
            StringBuilder marks = new StringBuilder();
            for (int t = 1; t < 99; t++) {
                int v = b.tokens[t * b.size + s];
                if (v == 2 || v == 3) {
                    marks.append(v == 2 ? 'X' : 'Y');
                    assertTrue(marks.length() == 1 ? t >= 10 && t <= 20 : t >= 50 && t <= 60, "mark at step " + t);
                } else {
                    assertTrue(v >= 4 && v <= 7, "a distractor");
                }
            }
            assertEquals(2, marks.length());
            String order = marks.toString();
            assertEquals(order.equals("XX") ? 0 : order.equals("XY") ? 1 : order.equals("YX") ? 2 : 3, b.classes[s]);
            classes[b.classes[s]]++;
        }
        for (int c : classes) {
            assertTrue(c > 40, "every order comes up");
        }
        assertEquals(Math.log(4), p.baseline(), 1e-15, "chance: a quarter");
    }

    @Test
    void settingsATaskCannotTakeAreRefusedByName() {
        assertEquals("length", field(() -> MemoryProblem.of(MemoryProblem.ADDING, 1, 0)));
        assertEquals("symbols", field(() -> MemoryProblem.of(MemoryProblem.COPY, 5, 6)));
        assertEquals("symbols", field(() -> MemoryProblem.of(MemoryProblem.COPY, 5, 0)));
        assertEquals("length", field(() -> MemoryProblem.of(MemoryProblem.ORDER, 9, 0)));
        assertEquals("task", field(() -> MemoryProblem.of("sorting", 9, 0)));
        assertEquals("length", field(() -> new MemorySettings("adding", 1001, 10, CellType.LSTM, 8, OptimizerKind.ADAM, 0.01, 1, 8, 1)));
        assertEquals("symbols", field(() -> new MemorySettings("copy", 20, 30, CellType.LSTM, 8, OptimizerKind.ADAM, 0.01, 1, 8, 1)));
    }

    private static String field(Runnable r) {
        return assertThrows(SettingException.class, r::run).field;
    }

    @Test
    void aGruSolvesAShortAddingProblem() {
        MemoryTask task = new MemoryTask(new MemorySettings("adding", 10, 10, CellType.GRU, 16, OptimizerKind.ADAM, 0.01, 1, 32, 1));
        double before = task.heldOutMeasure();
        boolean solved = false;
        for (int i = 0; i < 60 && !solved; i++) {
            task.train(50);
            solved = task.problem().solved(task.heldOutMeasure());
        }
        assertTrue(solved, "held-out mse " + before + " -> " + task.heldOutMeasure() + " after " + task.steps() + " steps");
        assertTrue(task.heldOutLoss() < task.problem().baseline() / 10);
    }

    @Test
    void aRunSavesAndResumesExactly() {
        MemoryTask task = new MemoryTask(new MemorySettings("copy", 5, 2, CellType.LSTM, 8, OptimizerKind.ADAM, 0.01, 1, 4, 7));
        task.train(3);
        MemoryTask again = MemoryTask.resume(ModelFile.read(ModelFile.write(task.saved())));
        assertEquals(task.settings(), again.settings());
        assertEquals(task.progress(), again.progress());
        assertEquals(task.train(4), again.train(4), 0, "the same sequences, the same updates");
        assertEquals(task.heldOutMeasure(), again.heldOutMeasure(), 0);
        // another task's model is refused, saying so
        AdderTask adder = new AdderTask(AdderSettings.defaults());
        assertEquals("model", field(() -> MemoryTask.resume(adder.saved())));
    }
}
