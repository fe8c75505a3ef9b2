package tearnn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import tearnn.task.ClassificationCsv;
import tearnn.task.ClassificationData;
import tearnn.task.ClassificationMetrics;
import tearnn.task.ClassificationSettings;
import tearnn.task.ClassificationTask;

/**
 * {@code classify}: many-to-one classification of the digits ({@code --digits rows|pixels}) or of a
 * person's table ({@code --data F.csv --label COLUMN [--columns A,B] [--id COLUMN | --window K]}, or
 * {@code --text COLUMN [--tokens words|characters]}: a text a row),
 * for a time or a number of steps, checking the held-out part every few steps. It prints the confusion
 * matrix with each class's precision and recall, and ends with the line scripts read:
 * {@code held-out accuracy 0.972 (majority baseline 0.101)}.
 */
final class ClassifyCommand {
    /** Where the digits are when --data does not say: the site's copy, from the project's folder. */
    static final String DIGITS = "web/data/digits.csv.gz";

    private ClassifyCommand() {
    }

    /** A text file, or a gzipped one (.gz); errors name the file. */
    static String read(String file) throws IOException {
        if (!file.endsWith(".gz")) {
            return Main.readText(file);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of(file)))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("no such file: " + file);
        } catch (java.util.zip.ZipException e) {
            throw new IllegalArgumentException(file + " is not a gzipped file: " + e.getMessage());
        }
    }

    static ClassificationData data(Args a) throws IOException {
        String digits = a.string("digits", null);
        String file = a.string("data", digits != null ? DIGITS : null);
        String label = a.string("label", null);
        String columns = a.string("columns", "");
        String id = a.string("id", null);
        int window = a.integer("window", 0);
        String text = a.string("text", null);
        String tokens = a.string("tokens", "words");
        if (file == null) {
            throw new IllegalArgumentException("classify needs --digits rows|pixels, or --data FILE.csv --label COLUMN");
        }
        if (digits != null) {
            if (!digits.equals("rows") && !digits.equals("pixels")) {
                throw new IllegalArgumentException("--digits must be rows or pixels, got '" + digits + "'");
            }
            return ClassificationCsv.digits(read(file), digits.equals("pixels"));
        }
        if (label == null) {
            throw new IllegalArgumentException("--data needs --label COLUMN, the column of the classes");
        }
        if (!tokens.equals("words") && !tokens.equals("characters")) {
            throw new IllegalArgumentException("--tokens must be words or characters, got '" + tokens + "'");
        }
        if (text != null) {
            if (!columns.isEmpty() || id != null || window != 0) {
                throw new IllegalArgumentException("--text reads one text a row: it is not given with --columns, --id or --window");
            }
            return ClassificationCsv.texts(read(file), Path.of(file).getFileName() + ", " + text + " by " + tokens, label, text,
                    tokens.equals("characters"));
        }
        if (window < 0 || (window > 0 && id != null)) {
            throw new IllegalArgumentException("--window must be positive, and is not given with --id");
        }
        List<String> named = columns.isEmpty() ? List.of() : Arrays.asList(columns.split(","));
        String name = Path.of(file).getFileName() + (window > 0 ? ", " + window + " rows a sequence" : "");
        return ClassificationCsv.table(read(file), name, label, named, id, window);
    }

    static void run(Args a, PrintStream out) throws IOException {
        ClassificationData data = data(a);
        ClassificationSettings s = ClassificationSettings.read(a);
        double seconds = a.number("seconds", 60);
        int maxSteps = a.integer("max-steps", Integer.MAX_VALUE);
        int checkEvery = a.integer("check-every", 100);
        String outFile = a.string("out", null);
        String splitFile = a.string("split-out", null);
        int threads = ThreadsOption.read(a);
        a.done();
        if (!(seconds > 0) || maxSteps <= 0 || checkEvery <= 0) {
            throw new IllegalArgumentException("--seconds, --max-steps and --check-every must be positive");
        }
        ClassificationTask task = new ClassificationTask(data, s);
        task.trainer().setThreads(threads);
        out.printf("%s: %,d sequences of up to %d steps of %s, %d classes; %,d to train on, %,d held out; %s hidden %d, %,d parameters%n",
                data.name(), data.size(), data.maxSteps(), data.isText() ? "a token (" + String.format("%,d", data.vocabulary().size())
                        + " kept)" : data.inputs() + " value" + (data.inputs() == 1 ? "" : "s"), data.classes().size(),
                task.split().train().length, task.split().heldOut().length, s.cell().id, s.hidden(), task.model().params().size());
        if (splitFile != null) {
            writeSplit(splitFile, task);
            out.println("wrote the held-out examples' indices to " + splitFile);
        }
        long t0 = System.nanoTime();
        double elapsed = 0;
        ClassificationMetrics m = task.heldOut();
        while (task.steps() < maxSteps && elapsed < seconds) {
            double loss = task.train(Math.min(checkEvery, maxSteps - task.steps()));
            m = task.heldOut();
            elapsed = (System.nanoTime() - t0) / 1e9;
            out.printf("step %6d  loss %.4f  held-out accuracy %.4f  (%.1f s)%n", task.steps(), loss, m.accuracy(), elapsed);
        }
        out.print(m.table());
        if (m.attention() != null) {
            out.print(attentionTable(m));
        }
        if (outFile != null) {
            Main.writeModel(outFile, task.saved());
            out.println("wrote " + outFile);
        }
        out.printf("held-out accuracy %.3f (majority baseline %.3f)%n", m.accuracy(), m.majorityBaseline());
    }

    /**
     * The held-out part, for another tool to score the same examples: their indices in the data (0: the
     * first example, the first data row), one a line.
     */
    static void writeSplit(String file, ClassificationTask task) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i : task.split().heldOut()) {
            sb.append(i).append('\n');
        }
        Files.writeString(Path.of(file), sb.toString(), StandardCharsets.UTF_8);
    }

    /** Where the attention looked: each class's mean weight of every step, over its held-out examples. */
    static String attentionTable(ClassificationMetrics m) {
        StringBuilder sb = new StringBuilder("attention: the mean weight of each step, by true class\nclass     ");
        int steps = m.attention()[0].length;
        for (int t = 0; t < steps; t++) {
            sb.append(String.format(java.util.Locale.ROOT, " %5d", t + 1));
        }
        sb.append('\n');
        for (int c = 0; c < m.classes().size(); c++) {
            String name = m.classes().get(c);
            sb.append(String.format(java.util.Locale.ROOT, "%-10s", name.length() > 10 ? name.substring(0, 10) : name));
            for (double w : m.attention()[c]) {
                sb.append(String.format(java.util.Locale.ROOT, " %5.3f", w));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
