package tearnn.task;

import static tearnn.task.Csv.column;
import static tearnn.task.Csv.number;
import static tearnn.task.Csv.refuse;
import static tearnn.task.Csv.rows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tearnn.task.Csv.Row;
import tearnn.text.Tokenizer;
import tearnn.text.Vocabulary;

/**
 * Tables ({@link Csv}) read into {@link ClassificationData}, refusing what they cannot take with a
 * message that names the line and the column: a ragged row, an empty or non-numeric value, an unknown
 * column, a single class, a class with one example. The errors name the setting "data".
 */
public final class ClassificationCsv {
    /** Tokens of a text read at most: a longer text is cut (and the data's name says how many were). */
    public static final int MAX_TOKENS = 500;
    /** Tokens kept at most in a text's vocabulary. */
    public static final int MAX_VOCABULARY = 20_000;
    /** How often a token must occur in the texts to be kept (once: it is {@code <unk>}). */
    public static final int MIN_COUNT = 2;

    private ClassificationCsv() {
    }

    /**
     * The digits (UCI's 8x8 handwritten digits): each line 64 pixel values from 0 to 16, then the label
     * 0 to 9, no header; read row by row (8 steps of 8 values) or pixel by pixel (64 steps of 1).
     */
    public static ClassificationData digits(String text, boolean pixels) {
        List<Row> rows = rows(text);
        double[][] values = new double[rows.size()][];
        int[] labels = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.fields().size() != 65) {
                throw refuse("line " + r.line() + " has " + r.fields().size() + " fields; a digit has 64 pixels and its label");
            }
            values[i] = new double[64];
            for (int p = 0; p < 64; p++) {
                values[i][p] = number(r, p, "pixel " + (p + 1));
            }
            double label = number(r, 64, "label");
            if (label != Math.rint(label) || label < 0 || label > 9) {
                throw refuse("line " + r.line() + ", column label: '" + r.fields().get(64) + "' is not a digit from 0 to 9");
            }
            labels[i] = (int) label;
        }
        List<String> classes = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            classes.add(Integer.toString(d));
        }
        ClassificationData data = new ClassificationData(pixels ? "digits, pixel by pixel" : "digits, row by row", values, labels,
                classes, pixels ? 1 : 8);
        return checked(data, rows);
    }

    /**
     * A table with a header line. {@code label} names the class column; {@code columns} the number
     * columns read (empty: every column but the label, the id and any column named "date"). Without
     * {@code id} or {@code window}, each row is one sequence: its numbers in column order, a step of one
     * value each. With {@code id}, the rows of each id (in the order of the table) are one sequence of
     * a step each (the row's numbers), labelled as they all are. With {@code window} k, every k rows in
     * a row (their numbers a step each) are a sequence labelled by the row after them: the next day's
     * weather from the last k days.
     */
    public static ClassificationData table(String text, String name, String label, List<String> columns, String id, int window) {
        List<Row> rows = rows(text);
        if (rows.size() < 2) {
            throw refuse("the table needs a header line and rows below it");
        }
        List<String> header = rows.get(0).fields();
        int labelAt = column(header, label);
        int idAt = id == null ? -1 : column(header, id);
        List<Integer> read = new ArrayList<>();
        if (columns.isEmpty()) {
            for (int c = 0; c < header.size(); c++) {
                if (c != labelAt && c != idAt && !header.get(c).equalsIgnoreCase("date")) {
                    read.add(c);
                }
            }
        } else {
            for (String c : columns) {
                read.add(column(header, c));
            }
        }
        if (read.isEmpty()) {
            throw refuse("no number column to read beside the label '" + label + "'");
        }
        List<Row> body = rows.subList(1, rows.size());
        double[][] steps = new double[body.size()][read.size()];
        for (int i = 0; i < body.size(); i++) {
            Row r = body.get(i);
            if (r.fields().size() != header.size()) {
                throw refuse("line " + r.line() + " has " + r.fields().size() + " fields, the header " + header.size());
            }
            if (r.fields().get(labelAt).isEmpty()) {
                throw refuse("line " + r.line() + ", column " + label + ": no label");
            }
            for (int k = 0; k < read.size(); k++) {
                steps[i][k] = number(r, read.get(k), header.get(read.get(k)));
            }
        }
        Map<String, Integer> classOf = new LinkedHashMap<>();
        List<double[]> values = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Row> first = new ArrayList<>();
        int width = read.size();
        if (window > 0) {
            if (body.size() <= window) {
                throw refuse("a window of " + window + " rows needs " + (window + 1) + " rows at least; the table has " + body.size());
            }
            for (int s = 0; s + window < body.size(); s++) {
                double[] v = new double[window * width];
                for (int t = 0; t < window; t++) {
                    System.arraycopy(steps[s + t], 0, v, t * width, width);
                }
                Row next = body.get(s + window);
                values.add(v);
                labels.add(classOf.computeIfAbsent(next.fields().get(labelAt), k -> classOf.size()));
                first.add(next);
            }
        } else if (idAt >= 0) {
            Map<String, List<Integer>> groups = new LinkedHashMap<>();
            for (int i = 0; i < body.size(); i++) {
                groups.computeIfAbsent(body.get(i).fields().get(idAt), k -> new ArrayList<>()).add(i);
            }
            for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
                List<Integer> members = g.getValue();
                Row head = body.get(members.get(0));
                String cls = head.fields().get(labelAt);
                double[] v = new double[members.size() * width];
                for (int t = 0; t < members.size(); t++) {
                    Row r = body.get(members.get(t));
                    if (!r.fields().get(labelAt).equals(cls)) {
                        throw refuse("line " + r.line() + ", column " + label + ": '" + r.fields().get(labelAt) + "', where the rows of "
                                + id + " '" + g.getKey() + "' before it say '" + cls + "'");
                    }
                    System.arraycopy(steps[members.get(t)], 0, v, t * width, width);
                }
                values.add(v);
                labels.add(classOf.computeIfAbsent(cls, k -> classOf.size()));
                first.add(head);
            }
        } else {
            for (int i = 0; i < body.size(); i++) {
                Row r = body.get(i);
                values.add(steps[i]);
                labels.add(classOf.computeIfAbsent(r.fields().get(labelAt), k -> classOf.size()));
                first.add(r);
            }
            width = 1;
        }
        int[] l = new int[labels.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = labels.get(i);
        }
        return checked(new ClassificationData(name, values.toArray(new double[0][]), l, new ArrayList<>(classOf.keySet()), width),
                first);
    }

    /**
     * A table with a header line whose column {@code textColumn} holds a text a row (a review, a message)
     * and {@code label} its class: each text is one sequence of its tokens, words (lowercased) or
     * characters. The vocabulary holds the tokens that occur {@link #MIN_COUNT} times or more (at most
     * {@link #MAX_VOCABULARY}, the most frequent); a text is cut after {@link #MAX_TOKENS} tokens. A row
     * with no text, no token or no label is refused by line and column.
     */
    public static ClassificationData texts(String text, String name, String label, String textColumn, boolean characters) {
        List<Row> rows = rows(text);
        if (rows.size() < 2) {
            throw refuse("the table needs a header line and rows below it");
        }
        List<String> header = rows.get(0).fields();
        int labelAt = column(header, label);
        int textAt = column(header, textColumn);
        if (textAt == labelAt) {
            throw refuse("the column '" + label + "' cannot be both the text and the label");
        }
        Tokenizer tokenizer = characters ? new Tokenizer(true, false) : new Tokenizer(false, true);
        List<Row> body = rows.subList(1, rows.size());
        String[] texts = new String[body.size()];
        List<List<String>> split = new ArrayList<>();
        List<String> all = new ArrayList<>();
        Map<String, Integer> classOf = new LinkedHashMap<>();
        int[] labels = new int[body.size()];
        int cut = 0;
        for (int i = 0; i < body.size(); i++) {
            Row r = body.get(i);
            if (r.fields().size() != header.size()) {
                throw refuse("line " + r.line() + " has " + r.fields().size() + " fields, the header " + header.size()
                        + (r.fields().size() > header.size() ? " (a text holding the delimiter needs quotes)" : ""));
            }
            if (r.fields().get(labelAt).isEmpty()) {
                throw refuse("line " + r.line() + ", column " + label + ": no label");
            }
            texts[i] = r.fields().get(textAt);
            List<String> t = tokenizer.tokenize(texts[i]);
            if (t.isEmpty()) {
                throw refuse("line " + r.line() + ", column " + textColumn + ": no " + (characters ? "character" : "word") + " to read");
            }
            if (t.size() > MAX_TOKENS) {
                t = t.subList(0, MAX_TOKENS);
                cut++;
            }
            split.add(t);
            all.addAll(t);
            labels[i] = classOf.computeIfAbsent(r.fields().get(labelAt), k -> classOf.size());
        }
        Vocabulary vocabulary = Vocabulary.build(all, MAX_VOCABULARY, MIN_COUNT);
        int[][] tokens = new int[split.size()][];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = vocabulary.encode(split.get(i));
        }
        String named = name + (cut > 0 ? String.format(java.util.Locale.ROOT, " (%,d of the texts cut to their first %d %s)", cut,
                MAX_TOKENS, characters ? "characters" : "words") : "");
        return checked(new ClassificationData(named, texts, tokens, tokenizer, vocabulary, labels, new ArrayList<>(classOf.keySet())),
                body);
    }

    /** Refuses data of one class, or with a class of one example (naming its line). */
    private static ClassificationData checked(ClassificationData d, List<Row> rowOf) {
        int[] counts = d.counts();
        int present = 0;
        for (int c : counts) {
            present += c > 0 ? 1 : 0;
        }
        if (present < 2) {
            throw refuse("every example is of class '" + d.classes.get(d.labels.length > 0 ? d.labels[0] : 0)
                    + "': a classifier needs two classes at least");
        }
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 1) {
                int at = 0;
                while (d.labels[at] != c) {
                    at++;
                }
                throw refuse("class '" + d.classes.get(c) + "' has a single example (line " + rowOf.get(at).line()
                        + "): it cannot be both trained on and held out");
            }
        }
        return d;
    }
}
