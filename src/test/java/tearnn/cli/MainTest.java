package tearnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a person runs it: train, save, resume, sample, and clear errors. */
class MainTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void adderTrainsAndSaves() throws Exception {
        Path model = dir.resolve("adder.json");
        Result r = run("adder", "--cell", "rnn_tanh", "--out", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Adds every pair"), r.out());
        assertTrue(r.out().contains("57 + 89 = 146"), r.out());
        assertTrue(Files.readString(model).startsWith("{\"format\":\"tearnn-model/1\""));
    }

    @Test
    void trainResumeAndSample() throws Exception {
        Path text = dir.resolve("corpus.txt");
        Path model = dir.resolve("m.json");
        Result r = run("corpus", "--words", "3000", "--out", text.toString());
        assertEquals(0, r.code(), r.err());
        r = run("train", "--text", text.toString(), "--steps", "20", "--eval-every", "10", "--hidden", "16", "--out",
                model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("validation perplexity"), r.out());
        r = run("train", "--text", text.toString(), "--steps", "10", "--resume", model.toString(), "--out", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("20 steps done"), r.out());
        r = run("sample", "--model", model.toString(), "--prime", "the dog", "--length", "5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("next after the prime:"), r.out());
        assertTrue(r.out().contains("\nthe dog "), r.out());
        r = run("sample", "--model", model.toString(), "--beam", "3", "--length", "4");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void characterModel() throws Exception {
        Path text = dir.resolve("c.txt");
        Files.writeString(text, "hello world, hello there. ".repeat(40));
        Path model = dir.resolve("c.json");
        Result r = run("train", "--chars", "--text", text.toString(), "--steps", "10", "--eval-every", "5", "--bptt", "10",
                "--batch", "4", "--hidden", "16", "--embedding", "0", "--out", model.toString());
        assertEquals(0, r.code(), r.err());
        r = run("sample", "--model", model.toString(), "--prime", "hel", "--length", "10", "--greedy");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void errorsNameTheProblem() throws Exception {
        assertEquals("tearnn: unknown option --hiden\n", run("adder", "--hiden", "3").err());
        assertEquals(2, run("adder", "--hiden", "3").code());
        assertEquals("tearnn: --lr must be a finite number, got 'fast'\n", run("adder", "--lr", "fast").err());
        assertTrue(run("train", "--text", dir.resolve("none.txt").toString()).err().contains("no such file: "));
        Path bin = dir.resolve("b.bin");
        Files.write(bin, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80});
        assertTrue(run("train", "--text", bin.toString()).err().endsWith("is not UTF-8 text (binary file?)\n"));
        Path empty = dir.resolve("e.txt");
        Files.writeString(empty, "");
        assertEquals("tearnn: the corpus is empty\n", run("train", "--text", empty.toString()).err());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\":\"tearnn-model/2\"}");
        assertEquals("tearnn: model file: unknown format version 'tearnn-model/2' (this build reads tearnn-model/1)\n",
                run("sample", "--model", bad.toString()).err());
        // a failed run leaves an existing model file untouched
        Path keep = dir.resolve("keep.json");
        Files.writeString(keep, "precious");
        run("train", "--text", empty.toString(), "--out", keep.toString());
        assertEquals("precious", Files.readString(keep));
        assertTrue(run("frobnicate").err().startsWith("tearnn: unknown command 'frobnicate'"));
        // a 300-byte file claiming 4.6 billion parameters: one line, exit status 2
        Path huge = dir.resolve("huge.json");
        Files.writeString(huge, "{\"format\":\"tearnn-model/1\",\"architecture\":{\"input\":\"embedding\",\"input_size\":5000,"
                + "\"embedding_size\":32,\"cell\":\"lstm\",\"hidden_size\":3000,\"num_layers\":64,\"output_size\":5000,"
                + "\"loss\":\"softmax_ce\"},\"tensors\":{}}");
        Result r = run("sample", "--model", huge.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("tearnn: model file: architecture: model too large: ") && r.err().indexOf('\n') == r.err().length() - 1,
                r.err());
    }
}
