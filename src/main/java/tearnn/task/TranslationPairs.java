package tearnn.task;

import tearnn.math.Rng;

/**
 * A built-in translation task: pairs of a source string and its target, drawn from a seeded generator,
 * and the two vocabularies. A source token is its character's place in {@link #sourceAlphabet()}; a
 * target token is {@link #END} (the end of the output), {@link #START} (what the decoder reads first)
 * or 2 + its character's place in {@link #targetAlphabet()}.
 */
public abstract class TranslationPairs {
    public static final String DATES = "dates";
    public static final String REVERSE = "reverse";
    public static final int END = 0;
    public static final int START = 1;

    /** The task named {@code id}; {@code length} is the reversal's longest string (the dates ignore it). */
    public static TranslationPairs of(String id, int length) {
        return switch (id) {
            case DATES -> new DatePhrases();
            case REVERSE -> new DigitReversal(length);
            default -> throw new IllegalArgumentException("the translation task must be dates or reverse, got '" + id + "'");
        };
    }

    public abstract String id();

    /** One pair: {source, target}. */
    public abstract String[] draw(Rng rng);

    /** The characters a source may hold, each once. */
    public abstract String sourceAlphabet();

    /** The characters a target may hold, each once. */
    public abstract String targetAlphabet();

    /** The longest source and target, in characters. */
    public abstract int maxSourceLength();

    public abstract int maxTargetLength();

    /**
     * Whether training may draw a held-out source: never, unless the task has so few sources like it
     * that the held-out set would otherwise take them all away from training.
     */
    public boolean trainsOnHeldOut(String source) {
        return false;
    }

    /** One example of the task, as the page and the command line show it. */
    public String example() {
        String[] p = draw(new Rng(7));
        return p[0] + " -> " + p[1];
    }

    public int sourceVocabulary() {
        return sourceAlphabet().length();
    }

    /** The target's tokens: the end, the start, and the characters. */
    public int targetVocabulary() {
        return 2 + targetAlphabet().length();
    }

    /** A source string's tokens; a character the task does not know is refused, naming it and where it is. */
    public int[] encodeSource(String s) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("the text to translate is empty");
        }
        if (s.length() > maxSourceLength()) {
            throw new IllegalArgumentException("the text to translate is " + s.length() + " characters long; this task's are at"
                    + " most " + maxSourceLength());
        }
        int[] t = new int[s.length()];
        for (int i = 0; i < s.length(); i++) {
            int k = sourceAlphabet().indexOf(s.charAt(i));
            if (k < 0) {
                throw new IllegalArgumentException("'" + s.charAt(i) + "' (character " + (i + 1) + ") is not one this task reads;"
                        + " it reads: " + sourceAlphabet());
            }
            t[i] = k;
        }
        return t;
    }

    /** A target string's tokens (without the start and the end). */
    public int[] encodeTarget(String s) {
        int[] t = new int[s.length()];
        for (int i = 0; i < s.length(); i++) {
            int k = targetAlphabet().indexOf(s.charAt(i));
            if (k < 0) {
                throw new IllegalStateException("'" + s.charAt(i) + "' is not in the target alphabet");
            }
            t[i] = 2 + k;
        }
        return t;
    }

    /** Target tokens back to text (the start and the end are left out). */
    public String decodeTarget(int[] tokens) {
        StringBuilder sb = new StringBuilder();
        for (int t : tokens) {
            if (t >= 2 && t - 2 < targetAlphabet().length()) {
                sb.append(targetAlphabet().charAt(t - 2));
            }
        }
        return sb.toString();
    }

    /** Reversal of a string of digits, 1 to {@code length} long: "48213" -> "31284". */
    static final class DigitReversal extends TranslationPairs {
        static final int MAX_LENGTH = 100;
        private final int length;

        DigitReversal(int length) {
            if (length < 1 || length > MAX_LENGTH) {
                throw new IllegalArgumentException("the reversal's strings are 1 to " + MAX_LENGTH + " digits long, got " + length);
            }
            this.length = length;
        }

        @Override
        public String id() {
            return REVERSE;
        }

        @Override
        public String[] draw(Rng rng) {
            int n = 1 + rng.nextInt(length);
            char[] s = new char[n];
            char[] r = new char[n];
            for (int i = 0; i < n; i++) {
                s[i] = (char) ('0' + rng.nextInt(10));
                r[n - 1 - i] = s[i];
            }
            return new String[] {new String(s), new String(r)};
        }

        /** There are 1,110 strings of up to three digits; a held-out set of a thousand holds most of the short ones. */
        @Override
        public boolean trainsOnHeldOut(String source) {
            return source.length() <= 3;
        }

        @Override
        public String sourceAlphabet() {
            return "0123456789";
        }

        @Override
        public String targetAlphabet() {
            return "0123456789";
        }

        @Override
        public int maxSourceLength() {
            return length;
        }

        @Override
        public int maxTargetLength() {
            return length;
        }
    }
}
