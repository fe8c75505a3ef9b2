package tearnn.task;

import java.util.ArrayList;
import java.util.List;
import tearnn.math.Rng;
import tearnn.text.Tokenizer;
import tearnn.text.Vocabulary;

/**
 * Labelled sequences for many-to-one classification: example i is {@code steps(i)} steps of
 * {@link #inputs} values each (step-major in {@code values[i]}), or (text) {@code steps(i)} tokens of
 * a {@link Vocabulary}, and a class; sequences may differ in length. The classes are those the data
 * holds, in the order first seen (or as a builder gives them). It splits itself into training and
 * held-out parts, stratified and fixed by a seed, and scales the inputs by statistics of the training
 * part only (tokens are not scaled).
 */
public final class ClassificationData {
    /** The examples' values, step-major: values[i][t * inputs + k]; null for text. */
    final double[][] values;
    /** Text: each example's tokens (indices in {@link #vocabulary}); null for numbers. */
    final int[][] tokens;
    /** Text: the examples as written, the tokenizer that split them and the tokens kept; null for numbers. */
    final String[] texts;
    final Tokenizer tokenizer;
    final Vocabulary vocabulary;
    final int[] labels;
    final List<String> classes;
    final int inputs;
    /** What the data is, for people ("digits, row by row"). */
    final String name;

    /** Texts: example i is {@code tokens[i]} (split from {@code texts[i]} by {@code tokenizer}), one token a step. */
    ClassificationData(String name, String[] texts, int[][] tokens, Tokenizer tokenizer, Vocabulary vocabulary, int[] labels,
            List<String> classes) {
        if (tokens.length != labels.length || texts.length != labels.length) {
            throw new IllegalArgumentException(tokens.length + " texts but " + labels.length + " labels");
        }
        for (int[] t : tokens) {
            if (t.length == 0) {
                throw new IllegalArgumentException("a text of no tokens");
            }
        }
        this.name = name;
        this.values = null;
        this.tokens = tokens;
        this.texts = texts;
        this.tokenizer = tokenizer;
        this.vocabulary = vocabulary;
        this.labels = labels;
        this.classes = List.copyOf(classes);
        this.inputs = 1;
    }

    ClassificationData(String name, double[][] values, int[] labels, List<String> classes, int inputs) {
        if (values.length != labels.length) {
            throw new IllegalArgumentException(values.length + " sequences but " + labels.length + " labels");
        }
        if (inputs <= 0) {
            throw new IllegalArgumentException("a step needs at least one value, got " + inputs);
        }
        for (double[] v : values) {
            if (v.length == 0 || v.length % inputs != 0) {
                throw new IllegalArgumentException("a sequence of " + v.length + " values is not whole steps of " + inputs);
            }
        }
        this.name = name;
        this.values = values;
        this.tokens = null;
        this.texts = null;
        this.tokenizer = null;
        this.vocabulary = null;
        this.labels = labels;
        this.classes = List.copyOf(classes);
        this.inputs = inputs;
    }

    public int size() {
        return labels.length;
    }

    /** Values a step (1 for text: a token). */
    public int inputs() {
        return inputs;
    }

    /** Whether the examples are texts (tokens), not numbers. */
    public boolean isText() {
        return tokens != null;
    }

    /** Text: the tokens kept (the rest read as {@code <unk>}); null for numbers. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Text: how the texts were split into tokens; null for numbers. */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** Text: example i as written; null for numbers. */
    public String text(int i) {
        return texts == null ? null : texts[i];
    }

    public List<String> classes() {
        return classes;
    }

    public String name() {
        return name;
    }

    /** Steps of example i. */
    public int steps(int i) {
        return tokens != null ? tokens[i].length : values[i].length / inputs;
    }

    /** The longest sequence's steps. */
    public int maxSteps() {
        int m = 0;
        for (int i = 0; i < size(); i++) {
            m = Math.max(m, steps(i));
        }
        return m;
    }

    /** The examples of each class, counted. */
    public int[] counts() {
        int[] c = new int[classes.size()];
        for (int l : labels) {
            c[l]++;
        }
        return c;
    }

    /** Which examples train and which are held out. */
    public record Split(int[] train, int[] heldOut) {
    }

    /**
     * A stratified split: each class's examples shuffled by {@code seed}, and {@code share} of them
     * (rounded, at least one, never all) held out; within each part, the examples in their order in
     * the data.
     */
    public Split split(double share, int seed) {
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("the held-out share must be between 0 and 1, got " + share);
        }
        Rng rng = new Rng(seed);
        boolean[] held = new boolean[size()];
        for (int c = 0; c < classes.size(); c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < size(); i++) {
                if (labels[i] == c) {
                    members.add(i);
                }
            }
            for (int i = members.size() - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                Integer t = members.get(i);
                members.set(i, members.get(j));
                members.set(j, t);
            }
            int n = (int) Math.max(1, Math.min(members.size() - 1, Math.round(share * members.size())));
            for (int k = 0; k < n; k++) {
                held[members.get(k)] = true;
            }
        }
        int count = 0;
        for (boolean h : held) {
            count += h ? 1 : 0;
        }
        int[] train = new int[size() - count];
        int[] out = new int[count];
        int a = 0;
        int b = 0;
        for (int i = 0; i < size(); i++) {
            if (held[i]) {
                out[b++] = i;
            } else {
                train[a++] = i;
            }
        }
        return new Split(train, out);
    }

    /**
     * The data scaled input by input to mean 0 and deviation 1 over every step of the examples
     * {@code train} (an input that does not vary there is only centred), so the held-out part tells
     * nothing to the scaling; with the means and deviations used. Texts are as they are (no means).
     */
    public Scaled scaled(int[] train) {
        if (tokens != null) {
            return new Scaled(this, new double[0], new double[0]);
        }
        double[] mean = new double[inputs];
        double[] sq = new double[inputs];
        double n = 0;
        for (int i : train) {
            for (int j = 0; j < values[i].length; j++) {
                mean[j % inputs] += values[i][j];
            }
            n += steps(i);
        }
        for (int k = 0; k < inputs; k++) {
            mean[k] /= n;
        }
        for (int i : train) {
            for (int j = 0; j < values[i].length; j++) {
                double d = values[i][j] - mean[j % inputs];
                sq[j % inputs] += d * d;
            }
        }
        double[] scale = new double[inputs];
        for (int k = 0; k < inputs; k++) {
            double sd = Math.sqrt(sq[k] / n);
            scale[k] = sd > 1e-12 ? sd : 1;
        }
        double[][] out = new double[size()][];
        for (int i = 0; i < size(); i++) {
            out[i] = new double[values[i].length];
            for (int j = 0; j < values[i].length; j++) {
                out[i][j] = (values[i][j] - mean[j % inputs]) / scale[j % inputs];
            }
        }
        return new Scaled(new ClassificationData(name, out, labels, classes, inputs), mean, scale);
    }

    /** Scaled data, with each input's mean and deviation (from the training part). */
    public record Scaled(ClassificationData data, double[] mean, double[] deviation) {
    }
}
