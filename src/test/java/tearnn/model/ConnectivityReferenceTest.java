package tearnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tearnn.file.ModelFile;
import tearnn.json.JsonObject;

/**
 * Connectivity against PyTorch autograd: the cases {@code connectivity_*.json} written by
 * {@code src/test/resources/pytorch-reference/generate.py} (a model file, a prompt, a target, log p
 * of the target and ||d log p / d x_t|| of every position), to 1e-9.
 */
class ConnectivityReferenceTest {
    static final Path FOLDER = tearnn.testing.ReferenceCases.FOLDER;

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(FOLDER)) {
            files = s.filter(p -> p.getFileName().toString().startsWith("connectivity_")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no connectivity case in " + FOLDER.toAbsolutePath());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    static void check(Path file) throws IOException {
        JsonObject c = JsonObject.parse(Files.readString(file), file.getFileName().toString());
        assertEquals("tearnn-connectivity-case/1", c.string("format"));
        Model m = ModelFile.read(c.string("model_file")).model;
        Architecture a = m.architecture();
        List<?> prompt = c.list("prompt");
        int steps = prompt.size();
        int target = c.integer("target");
        Connectivity.Result r;
        if (a.input() == InputKind.DENSE) {
            r = new Connectivity(m).ofVectors(c.array("prompt", steps, a.inputSize()), steps, target);
        } else {
            int[] tokens = new int[steps];
            for (int t = 0; t < steps; t++) {
                tokens[t] = ((Double) prompt.get(t)).intValue();
            }
            r = new Connectivity(m).ofTokens(tokens, target);
        }
        double logP = c.number("log_probability");
        assertEquals(logP, r.logProbability(), 1e-9 * Math.max(1, Math.abs(logP)), "log p");
        double[] expected = c.array("connectivity", steps);
        for (int t = 0; t < steps; t++) {
            assertEquals(expected[t], r.norms()[t], 1e-9 * Math.max(1, expected[t]), "position " + t);
        }
    }
}
