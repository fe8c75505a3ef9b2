package tearnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tearnn.file.ModelFile;
import tearnn.json.JsonObject;
import tearnn.task.ForecastCsv;
import tearnn.task.ForecastMetrics;
import tearnn.task.ForecastSeries;
import tearnn.task.ForecastTask;

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
    void memoryTakesEveryKnobKeepsThemInItsFileAndStopsEarlyAtTheBestCheck() throws Exception {
        Path model = dir.resolve("memory.json");
        Result r = run("memory", "--task", "adding", "--length", "12", "--hidden", "8", "--init", "chrono", "--peephole",
                "--schedule", "step", "--schedule-steps", "20", "--decay", "0.5", "--lr", "0.3", "--optimizer", "sgd",
                "--max-steps", "400", "--check-every", "10", "--patience", "3", "--threads", "1", "--out", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("early stop: no lower held-out loss in 3 checks; back to the best, step "), r.out());
        int best = Integer.parseInt(r.out().replaceAll("(?s).*back to the best, step (\\d+).*", "$1"));
        assertTrue(r.out().contains("step " + String.format("%6d", best)), "the best was a check: " + r.out());
        String atBest = r.out().replaceAll("(?s).*step " + String.format("%6d", best) + "  loss \\S+  held-out mse (\\S+) .*", "$1");
        String atEnd = r.out().replaceAll("(?s).*\nheld-out mse (\\S+)\n.*", "$1");
        assertEquals(atBest, atEnd, "the run went back to the best check's weights, not just its step count");
        JsonObject f = JsonObject.parse(Files.readString(model), "memory.json");
        assertEquals("chrono", f.object("init").string("kind"));
        assertEquals(12, f.object("init").integer("t_max"), "T_max: the sequence's length");
        assertTrue(f.object("architecture").bool("peephole", false));
        assertEquals("step", f.object("training").object("schedule").string("kind"));
        assertEquals(best, f.object("training").object("counters").integer("steps"), "the file is the best check's run");

        r = run("memory", "--cell", "gru", "--peephole", "--max-steps", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Peepholes are an LSTM's; the cell is GRU"), r.err());
    }

    @Test
    void classifyTheDigitsAndATableOfOnesOwn() throws Exception {
        Path model = dir.resolve("digits.json");
        Result r = run("classify", "--digits", "rows", "--max-steps", "200", "--threads", "1", "--out", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("digits, row by row: 1,797 sequences of up to 8 steps of 8 values, 10 classes; 1,438 to train on,"
                + " 359 held out; gru hidden 64,"), r.out());
        assertTrue(r.out().contains("true\\said"), "the confusion matrix: " + r.out());
        String last = r.out().strip().substring(r.out().strip().lastIndexOf('\n') + 1);
        assertTrue(last.matches("held-out accuracy 0\\.\\d{3} \\(majority baseline 0\\.1\\d\\d\\)"), last);
        assertTrue(Files.readString(model).contains("\"last_step_only\":true"));

        Path table = dir.resolve("t.csv");
        Files.writeString(table, "a,b,label\n1,2,x\n3,oops,y\n");
        r = run("classify", "--data", table.toString(), "--label", "label");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("line 3, column b: 'oops' is not a number"), r.err());
        r = run("classify", "--data", table.toString());
        assertTrue(r.err().contains("--data needs --label COLUMN"), r.err());
    }

    @Test
    void translateReversesDigitsShowsWhereItLookedAndSaves() throws Exception {
        Path model = dir.resolve("reverse.json");
        Result r = run("translate", "--task", "reverse", "--length", "4", "--hidden", "32", "--lr", "0.01", "--max-steps", "400",
                "--check-every", "200", "--threads", "1", "--translate", "1234", "--beam", "3", "--out", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("reverse ("), r.out());
        assertTrue(r.out().contains("attention (tenths; a row per output character):"), r.out());
        assertTrue(r.out().contains("exact match by length:\n    1 digits"), r.out());
        assertTrue(r.out().contains("1234 -> 4321\n"), r.out());
        String last = r.out().strip().substring(r.out().strip().lastIndexOf('\n') + 1);
        assertTrue(last.matches("held-out exact match (0\\.9\\d\\d|1\\.000) \\(per character (0\\.9\\d\\d|1\\.000)\\)"), last);
        String file = Files.readString(model);
        assertTrue(file.contains("\"decoder\":true") && file.contains("\"attention\":\"additive\""), file.substring(0, 400));

        r = run("translate", "--attention", "sideways");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Attention must be one of additive, dot, general, none"), r.err());
        r = run("translate", "--task", "reverse", "--translate", "12a", "--max-steps", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'a' (character 3) is not one this task reads"), r.err());
    }

    @Test
    void forecastABuiltInSeriesEndingAtTheBestCheckAndATableOfOnesOwn() throws Exception {
        Path model = dir.resolve("sunspots.json");
        Result r = run("forecast", "--series", "sunspots", "--max-steps", "300", "--check-every", "25", "--threads", "1", "--out",
                model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("yearly sunspots, 1700-2008: 309 values (1700 to 2008), none missing; training 216, held out 47,"
                + " test 46\nwindow 22, horizon 11 (recursive), predicting the values, season 11 (suggested); lstm hidden 32,"), r.out());
        String last = r.out().strip().substring(r.out().strip().lastIndexOf('\n') + 1);
        assertTrue(last.matches("test MASE \\d\\.\\d\\d \\(seasonal naive 1\\.00, last value 1\\.96\\)"), last);
        assertTrue(r.out().contains("seasonal naive (11)"), "the metrics table: " + r.out());
        // the file holds the check with the lowest held-out MAE: its weights forecast as that check did
        double lowest = Double.MAX_VALUE;
        String lowestText = null;
        for (String line : r.out().split("\n")) {
            if (line.startsWith("step ")) {
                String mae = line.replaceAll(".*held-out MAE (\\S+) .*", "$1");
                if (Double.parseDouble(mae) < lowest) {
                    lowest = Double.parseDouble(mae);
                    lowestText = mae;
                }
            }
        }
        ForecastSeries sunspots = ForecastCsv.read(ForecastCsv.builtIn("sunspots"), Files.readString(Path.of("web/data/sunspots.csv")));
        ForecastTask kept = ForecastTask.resume(sunspots, ModelFile.read(Files.readString(model)));
        assertEquals(lowestText, String.format(java.util.Locale.ROOT, "%.4g", kept.heldOut().mae(ForecastMetrics.MODEL)));

        Path table = dir.resolve("shop.csv");
        StringBuilder csv = new StringBuilder("day,sales\n");
        for (int t = 0; t < 80; t++) {
            csv.append(String.format(java.util.Locale.ROOT, "2020-%02d-%02d,%.3f%n", 1 + t / 28, 1 + t % 28, 5 + Math.sin(t / 2.0)));
        }
        Files.writeString(table, csv);
        r = run("forecast", "--csv", table.toString(), "--column", "sales", "--date", "day", "--window", "6", "--horizon", "2",
                "--max-steps", "20", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("shop.csv, sales: 80 values (2020-01-01 to 2020-03-24), none missing;"), r.out());
        r = run("forecast", "--csv", table.toString(), "--column", "sales", "--window", "60", "--horizon", "12");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("the series has 80 values; with window 60, horizon 12, 15% held out and 15% tested, it needs at least"),
                r.err());
        Files.writeString(table, "day,sales\n2020-01-01,3\n2020-01-02,n/a\n");
        r = run("forecast", "--csv", table.toString(), "--column", "sales");
        assertTrue(r.err().contains("line 3, column sales: 'n/a' is not a number"), r.err());
        r = run("forecast", "--csv", table.toString());
        assertTrue(r.err().contains("--csv needs --column COLUMN"), r.err());
        // a built-in series with some of its other columns read beside it; a column it lacks refused
        r = run("forecast", "--series", "temperatures", "--inputs", "temp_min,wind", "--max-steps", "5", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("daily Seattle highest temperature, 2012-2015 (degrees C): 1,461 values (2012-01-01 to"
                + " 2015-12-31) read with temp_min, wind,"), r.out());
        r = run("forecast", "--series", "sunspots", "--inputs", "wind");
        assertTrue(r.err().contains("the yearly sunspots, 1700-2008 series has no other column to read beside it ('wind')"), r.err());
        r = run("forecast", "--series", "tides");
        assertTrue(r.err().contains("Series must be one of sunspots, co2, elnino, temperatures"), r.err());
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
        assertTrue(r.out().matches("(?s).*wrote .*m\\.json: the model of step (10|20), the best validation perplexity of this run"
                + " \\([0-9.]+\\)\n"), r.out());
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
    void aTimeBudgetEndsTrainingOnTimeWithTheRateRunDown() throws Exception {
        Path text = dir.resolve("corpus.txt");
        Path model = dir.resolve("m.json");
        run("corpus", "--words", "3000", "--out", text.toString());
        long t0 = System.nanoTime();
        Result r = run("train", "--text", text.toString(), "--seconds", "1.5", "--hidden", "16", "--out", model.toString());
        double took = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("time budget 1.5 s"), r.out());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("training stopped at ([0-9.]+) s after \\d+ steps, the last at"
                + " ([0-9.]+) of the learning rate").matcher(r.out());
        assertTrue(m.find(), r.out());
        double stopped = Double.parseDouble(m.group(1));
        // on time: after the budget, within a step (on a busy machine, a step of this model can take a tenth of it)
        assertTrue(stopped >= 1.5 && stopped < 3, "stopped at " + stopped + " s");
        assertTrue(Double.parseDouble(m.group(2)) < 0.1, "the schedule ran down to its end: " + m.group(2));
        assertTrue(took < 10, "the whole run took " + took + " s");
        assertTrue(r.out().contains("wrote "), r.out());
        if (Files.exists(Path.of("/dev/null"))) {
            // a device is written to, never replaced by a file
            r = run("train", "--text", text.toString(), "--steps", "2", "--hidden", "8", "--out", "/dev/null");
            assertEquals(0, r.code(), r.err());
            assertTrue(!Files.isRegularFile(Path.of("/dev/null")), "/dev/null is still a device");
        }
        r = run("train", "--text", text.toString(), "--seconds", "0", "--out", model.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("the time budget must be a number of seconds from more than 0"), r.err());
        r = run("train", "--text", text.toString(), "--seconds", "3min", "--out", model.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("the time budget must be a number of seconds, got '3min'"), r.err());
    }

    @Test
    void preTokenizedTextWithItsOwnValidationFileAndAnAdaptiveSoftmax() throws Exception {
        StringBuilder train = new StringBuilder();
        StringBuilder valid = new StringBuilder();
        java.util.Random rng = new java.util.Random(1);
        for (int line = 0; line < 400; line++) {
            StringBuilder sb = line % 5 == 0 ? valid : train;
            for (int w = 0; w < 8; w++) {
                sb.append(' ').append(rng.nextInt(4) == 0 ? "<unk>" : "w" + (int) Math.pow(rng.nextInt(30), 2) + (w % 3 == 0 ? " 's" : ""));
            }
            sb.append(" \n");
        }
        Path trainFile = dir.resolve("train.txt");
        Path validFile = dir.resolve("valid.txt");
        Files.writeString(trainFile, train);
        Files.writeString(validFile, valid);
        Path model = dir.resolve("m.json");
        Result r = run("train", "--text", trainFile.toString(), "--valid", validFile.toString(), "--output", "adaptive",
                "--steps", "20", "--eval-every", "10", "--hidden", "16", "--out", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("validation tokens (from " + validFile + ")"), r.out());
        assertTrue(r.out().contains("pre-tokenized words (split at spaces, <eos> at line ends), adaptive softmax (cutoffs ["), r.out());
        JsonObject file = JsonObject.parse(Files.readString(model), "model");
        assertEquals("adaptive", file.object("architecture").object("output").string("kind"));
        assertEquals("spaces", file.object("vocabulary").string("split"));
        List<?> tokens = file.object("vocabulary").list("tokens");
        assertTrue(tokens.contains("<eos>") && tokens.contains("'s"), "kept as written: " + tokens);
        r = run("sample", "--model", model.toString(), "--prime", "w1 's", "--length", "5");
        assertEquals(0, r.code(), r.err());
        r = run("train", "--text", trainFile.toString(), "--valid", dir.resolve("missing.txt").toString(), "--out", model.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("missing.txt"), r.err());
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

    @Test
    void inspectLooksInsideAWordModel() throws Exception {
        Path text = dir.resolve("corpus.txt");
        Path model = dir.resolve("m.json");
        assertEquals(0, run("corpus", "--words", "3000", "--out", text.toString()).code());
        Result r = run("train", "--text", text.toString(), "--steps", "30", "--eval-every", "30", "--hidden", "12", "--cell", "gru",
                "--layers", "2", "--out", model.toString());
        assertEquals(0, r.code(), r.err());
        String m = model.toString();

        r = run("inspect", "--model", m, "--prime", "The dogs near zebras", "--connectivity");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonObject.parse(r.out(), "output");
        assertEquals(List.of("the", "dogs", "near", "<unk>"), o.list("tokens"), "the tokens as the model reads them");
        int target = o.integer("target_id");
        assertEquals(4, o.array("connectivity", 4).length);
        r = run("inspect", "--model", m, "--prime", "The dogs near zebras", "--connectivity", "--target", o.string("target"));
        assertEquals(r.out().trim(), run("inspect", "--model", m, "--prime", "The dogs near zebras", "--connectivity").out().trim(),
                "the most probable token is the default target (" + target + ")");

        r = run("inspect", "--model", m, "--prime", "a cat", "--trace");
        assertEquals(0, r.code(), r.err());
        JsonObject layer = new JsonObject(JsonObject.parse(r.out(), "output").object("trace")
                .list("layers").get(1), "layer 1");
        assertEquals(2 * 12, layer.array("h", 2, 12).length);
        assertEquals(2 * 12, layer.object("gates").array("z", 2, 12).length);

        r = run("inspect", "--model", m, "--gradient-flow", "--text", text.toString(), "--bptt", "7", "--batch", "3");
        assertEquals(0, r.code(), r.err());
        JsonObject flow = JsonObject.parse(r.out(), "output").object("gradient_flow");
        assertEquals(2 * 7, flow.array("layers", 2, 7).length);
        assertTrue(flow.number("grad_norm") > 0);

        String[][] bad = {
            {"--model", dir.resolve("none.json").toString(), "--prime", "a", "--connectivity"},
            {"--model", m, "--prime", "", "--connectivity"},
            {"--model", m, "--prime", "a cat", "--connectivity", "--target", "zebra"},
            {"--model", m, "--prime", "a cat"},
            {"--model", m, "--connectivity"},
        };
        String[] said = {
            "tearnn: cannot read the model: no such file: " + dir.resolve("none.json"),
            "tearnn: the prompt has no tokens",
            "tearnn: 'zebra' is not in the model's vocabulary of",
            "tearnn: inspect needs --connectivity, --trace or --gradient-flow",
            "tearnn: --connectivity and --trace read --prime TEXT",
        };
        for (int i = 0; i < bad.length; i++) {
            String[] args = new String[bad[i].length + 1];
            args[0] = "inspect";
            System.arraycopy(bad[i], 0, args, 1, bad[i].length);
            r = run(args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertTrue(r.err().startsWith(said[i]), r.err());
        }
    }
}
