package tearnn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import tearnn.json.JsonObject;
import tearnn.nn.Params;
import tearnn.nn.Tensor;

/** The PyTorch reference cases ({@code src/test/resources/pytorch-reference}, written by its {@code generate.py}). */
public final class ReferenceCases {
    public static final Path FOLDER = Path.of("src", "test", "resources", "pytorch-reference");

    private ReferenceCases() {
    }

    /** One case, checked. */
    public interface Check {
        void check(JsonObject c) throws IOException;
    }

    /** A test of each case whose file name starts with {@code prefix}; none is a failure. */
    public static Stream<DynamicTest> each(String prefix, Check check) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(FOLDER)) {
            files = s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no " + prefix + " case");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(),
                () -> check.check(JsonObject.parse(Files.readString(f), f.getFileName().toString()))));
    }

    /** Every parameter's gradient against the case's "grad" (by tensor name), to 1e-9. */
    public static void checkGradients(JsonObject c, Params p, String how) {
        JsonObject grads = c.object("grad");
        assertEquals(p.tensors().size(), grads.map().size(), "one gradient per tensor");
        for (Tensor t : p.tensors()) {
            double[] expected = t.vector() ? grads.array(t.name(), t.size()) : grads.array(t.name(), t.rows(), t.cols());
            for (int i = 0; i < t.size(); i++) {
                assertEquals(expected[i], p.grad[t.offset() + i], 1e-9 * Math.max(1, Math.abs(expected[i])),
                        how + ": d loss / d " + t.name() + "[" + i + "]");
            }
        }
    }
}
