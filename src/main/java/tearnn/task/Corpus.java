package tearnn.task;

import java.util.List;
import tearnn.math.Readable;
import tearnn.text.TextOrigin;
import tearnn.text.Tokenizer;
import tearnn.text.Vocabulary;

/**
 * A text prepared for language modelling: tokenized, a vocabulary built from the training part
 * (capped, rarer tokens become {@code <unk>}), and split in two: the first part for training, the
 * last {@code validationFraction} for validation.
 */
public final class Corpus {
    public final Tokenizer tokenizer;
    public final Vocabulary vocabulary;
    public final int[] train;
    public final int[] validation;
    /** The text it was made from (null: not said). */
    public final TextOrigin origin;

    public Corpus(Tokenizer tokenizer, Vocabulary vocabulary, int[] train, int[] validation) {
        this(tokenizer, vocabulary, train, validation, null);
    }

    private Corpus(Tokenizer tokenizer, Vocabulary vocabulary, int[] train, int[] validation, TextOrigin origin) {
        this.tokenizer = tokenizer;
        this.vocabulary = vocabulary;
        this.train = train;
        this.validation = validation;
        this.origin = origin;
    }

    /** The same corpus, said to come from {@code origin}. */
    public Corpus from(TextOrigin origin) {
        return new Corpus(tokenizer, vocabulary, train, validation, origin);
    }

    /**
     * Tokenizes {@code text} and splits it. Errors name the problem: no text, text with no token,
     * too few tokens to hold out a validation part, binary content.
     */
    public static Corpus fromText(String text, Tokenizer tokenizer, int vocabularyCap, double validationFraction) {
        return fromText(text, tokenizer, null, vocabularyCap, validationFraction);
    }

    /**
     * As above, but with a given vocabulary (a loaded model's) when {@code fixed} is not null: tokens
     * outside it become {@code <unk>}.
     */
    public static Corpus fromText(String text, Tokenizer tokenizer, Vocabulary fixed, int vocabularyCap,
            double validationFraction) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("the corpus is empty");
        }
        if (!(validationFraction > 0 && validationFraction < 0.5)) {
            throw new IllegalArgumentException("validation fraction must be in (0, 0.5), got " + validationFraction);
        }
        checkText(text);
        List<String> tokens = tokenizer.tokenize(text);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("the corpus has no " + (tokenizer.characterLevel() ? "character" : "word")
                    + " in it (only white space)");
        }
        int nValid = (int) Math.round(tokens.size() * validationFraction);
        if (nValid < 2 || tokens.size() - nValid < 2) {
            int least = (int) Math.ceil(2 / validationFraction);
            // a long text of few words (one long run of letters) has characters enough
            int chars = text.codePointCount(0, text.length());
            throw new IllegalArgumentException("the corpus has only " + tokens.size() + (tokens.size() == 1 ? " token" : " tokens")
                    + ": too short to hold out a validation part; give at least " + least + " tokens"
                    + (!tokenizer.characterLevel() && chars >= least ? ", or train at character level (it has "
                            + Readable.count(chars) + " characters)" : ""));
        }
        int nTrain = tokens.size() - nValid;
        Vocabulary vocab = fixed != null ? fixed : Vocabulary.build(tokens.subList(0, nTrain), vocabularyCap);
        int[] all = vocab.encode(tokens);
        int[] train = new int[nTrain];
        int[] valid = new int[nValid];
        System.arraycopy(all, 0, train, 0, nTrain);
        System.arraycopy(all, nTrain, valid, 0, nValid);
        return new Corpus(tokenizer, vocab, train, valid);
    }

    /**
     * A training text and a held-out text of one's own ({@code --valid FILE}, the page's second
     * file), tokenized alike; the vocabulary (unless {@code fixed}) comes from the training text.
     */
    public static Corpus fromTexts(String trainText, String validText, Tokenizer tokenizer, Vocabulary fixed,
            int vocabularyCap) {
        List<String> train = tokens(trainText, tokenizer, "training text");
        List<String> valid = tokens(validText, tokenizer, "validation text");
        if (train.size() < 2) {
            throw new IllegalArgumentException("the training text has only " + train.size() + " token: give at least 2");
        }
        if (valid.size() < 2) {
            throw new IllegalArgumentException("the validation text has only " + valid.size() + " token: give at least 2");
        }
        Vocabulary vocab = fixed != null ? fixed : Vocabulary.build(train, vocabularyCap);
        return new Corpus(tokenizer, vocab, vocab.encode(train), vocab.encode(valid));
    }

    private static List<String> tokens(String text, Tokenizer tokenizer, String what) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " is empty");
        }
        checkText(text);
        List<String> tokens = tokenizer.tokenize(text);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " has no " + (tokenizer.characterLevel() ? "character" : "word")
                    + " in it (only white space)");
        }
        return tokens;
    }

    /**
     * Rejects text that looks binary: NUL characters, or more than 1% of characters that are neither
     * printable nor white space (the replacement character U+FFFD counts as such).
     */
    public static void checkText(String text) {
        int bad = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new IllegalArgumentException("the corpus looks binary (it contains NUL characters), not text");
            }
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0xFFFD || (c >= 0x7F && c < 0xA0)) {
                bad++;
            }
        }
        if (bad > n / 100 + 1) {
            throw new IllegalArgumentException("the corpus looks binary (" + bad + " of " + n
                    + " characters are control or invalid characters), not text");
        }
    }

    /** Fraction of training tokens that are {@code <unk>}. */
    /** How often each vocabulary entry occurs in the training tokens. */
    public long[] tokenCounts() {
        long[] counts = new long[vocabulary.size()];
        for (int t : train) {
            counts[t]++;
        }
        return counts;
    }

    /**
     * The perplexity on the held-out tokens of a unigram model of the training tokens (each token's
     * training frequency, add-one smoothed): what a model that ignores all context gets, a baseline
     * for any text.
     */
    public double unigramPerplexity() {
        int v = vocabulary.size();
        double[] counts = new double[v];
        for (int t : train) {
            counts[t]++;
        }
        double total = train.length + v;
        int[] held = validation.length > 0 ? validation : train;
        double nats = 0;
        for (int t : held) {
            nats -= Math.log((counts[t] + 1) / total);
        }
        return Math.exp(nats / held.length);
    }

    public double unknownRate() {
        int u = 0;
        for (int t : train) {
            if (t == 0) {
                u++;
            }
        }
        return u / (double) train.length;
    }
}
