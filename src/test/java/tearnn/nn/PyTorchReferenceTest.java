package tearnn.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tearnn.json.JsonObject;

/**
 * Checks the recurrent stack against every PyTorch reference case ({@code *.json}, format in
 * docs/testing.md) in {@code src/test/resources/pytorch-reference/}, or in the
 * folder given by {@code -Dreference.dir=DIR}: outputs, final states, loss and every gradient, and
 * ||dL/dh_t|| of every layer, step and sequence (the gradient flow), to a max abs error of 1e-9. The cases are written by {@code generate.py} beside them.
 */
class PyTorchReferenceTest {
    static final double TOLERANCE = 1e-9;

    static Path folder() {
        String dir = System.getProperty("reference.dir");
        if (dir != null && !dir.isBlank()) {
            return Paths.get(dir);
        }
        return Paths.get("src", "test", "resources", "pytorch-reference");
    }

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        Path dir = folder();
        assertTrue(Files.isDirectory(dir), "no reference folder " + dir.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            // the stack's cases; the whole-model, connectivity, chrono, many-to-one and forecast cases have their own tests
            files = s.filter(p -> p.toString().endsWith(".json") && isStackCase(p))
                    .sorted().collect(Collectors.toList());
        }
        assertFalse(files.isEmpty(), "no *.json reference case in " + dir.toAbsolutePath());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private static boolean isStackCase(Path p) {
        try {
            return Files.readString(p).contains("\"pytorch-reference-case/1\"");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void check(Path file) throws IOException {
        JsonObject c = JsonObject.parse(Files.readString(file), file.getFileName().toString());
        assertEquals("pytorch-reference-case/1", c.string("format"));
        CellType type = CellType.parse(c.string("cell"));
        int I = c.integer("input_size");
        int H = c.integer("hidden_size");
        int L = c.integer("num_layers");
        int T = c.integer("seq_len");
        int B = c.integer("batch");
        boolean bias = c.bool("bias");
        boolean lstm = type == CellType.LSTM;

        Params params = new Params();
        RecurrentStack stack = new RecurrentStack(params, "", type, I, H, L, bias, false);
        params.allocate();
        JsonObject given = c.object("params");
        assertEquals(params.tensors().size(), given.map().size(), "number of parameter tensors");
        for (Tensor t : params.tensors()) {
            double[] v = given.array(t.name(), t.shape());
            System.arraycopy(v, 0, params.value, t.offset(), t.size());
        }
        double[] x = c.array("input", T, B, I);
        double[] h0 = c.array("h0", L, B, H);
        double[] c0 = lstm ? c.array("c0", L, B, H) : null;

        stack.forward(x, T, B, new StatePair(h0, c0), null, 0, 0, 0);
        double[] out = new double[T * B * H];
        System.arraycopy(stack.output(), stack.outputOffset(), out, 0, out.length);
        double[] hN = new double[L * B * H];
        double[] cN = new double[L * B * H];
        stack.finalState(new StatePair(hN, cN));
        assertClose(c.array("output", T, B, H), out, "output");
        assertClose(c.array("h_n", L, B, H), hN, "h_n");
        if (lstm) {
            assertClose(c.array("c_n", L, B, H), cN, "c_n");
        }

        double[] r = c.array("loss_output_weights", T, B, H);
        double[] rh = c.array("loss_h_n_weights", L, B, H);
        double[] rc = lstm ? c.array("loss_c_n_weights", L, B, H) : null;
        double loss = dot(out, r) + dot(hN, rh) + (lstm ? dot(cN, rc) : 0);
        assertEquals(c.number("loss"), loss, TOLERANCE * Math.max(1, Math.abs(loss)), "loss");

        params.zeroGrad();
        double[] dx = new double[T * B * I];
        double[] dh0 = new double[L * B * H];
        double[] dc0 = new double[L * B * H];
        stack.backward(dx, new StatePair(dh0, dc0), r.clone(), new StatePair(rh, rc), 0);
        JsonObject grad = c.object("grad");
        for (Tensor t : params.tensors()) {
            double[] g = new double[t.size()];
            System.arraycopy(params.grad, t.offset(), g, 0, g.length);
            assertClose(grad.array(t.name(), t.shape()), g, "grad " + t.name());
        }
        assertClose(grad.array("input", T, B, I), dx, "grad input");
        assertClose(grad.array("h0", L, B, H), dh0, "grad h0");
        if (lstm) {
            assertClose(grad.array("c0", L, B, H), dc0, "grad c0");
        }
        // the gradient flow: ||dL/dh_t|| of every layer, step and sequence (the project's cases all
        // have it; others, from -Dreference.dir, may not)
        if (!c.has("grad_hidden")) {
            assertTrue(System.getProperty("reference.dir") != null, "the case has no grad_hidden");
            return;
        }
        double[] gh = c.array("grad_hidden", L, T, B, H);
        double[] expected = new double[L * T * B];
        double[] actual = new double[L * T * B];
        for (int l = 0; l < L; l++) {
            for (int t = 0; t < T; t++) {
                for (int b = 0; b < B; b++) {
                    int at = (l * T + t) * B + b;
                    double squares = 0;
                    for (int j = 0; j < H; j++) {
                        squares += gh[at * H + j] * gh[at * H + j];
                    }
                    expected[at] = Math.sqrt(squares);
                    actual[at] = stack.layer(l).cell().gradientNorm(t, b);
                }
            }
        }
        assertClose(expected, actual, "||dL/dh_t||");
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double e = Math.abs(expected[i] - actual[i]);
            if (!(e <= worst)) {
                worst = e;
                at = i;
            }
        }
        if (!(worst <= TOLERANCE)) {
            throw new AssertionError(what + ": max abs error " + worst + " at element " + at + " (expected "
                    + expected[at] + ", got " + actual[at] + ")");
        }
    }
}
