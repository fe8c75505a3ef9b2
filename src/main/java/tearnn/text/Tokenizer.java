package tearnn.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into tokens, at word or character level, or as the text's own tokens (pre-tokenized).
 *
 * <p>Word level rules:
 * <ol>
 *   <li>With {@code lowercase}, letters are lowercased first (Unicode lowercasing per character).</li>
 *   <li>A word is a maximal run of letters and digits; an apostrophe or hyphen joins two such runs
 *       into one word ({@code don't}, {@code well-known}), otherwise it stands alone.</li>
 *   <li>Every other visible character (punctuation, symbols) is a token of its own: {@code "end."}
 *       gives {@code end} and {@code .}.</li>
 *   <li>White space separates tokens and is dropped, except that a blank line (a paragraph break)
 *       becomes the token {@code \n} when {@code keepParagraphs} is set.</li>
 * </ol>
 * Pre-tokenized text (Penn Treebank, WikiText: the words already split, {@code <unk>} written in):
 * tokens are what white space separates, kept as they are ({@code <unk>}, {@code 's}, {@code N}, case
 * too), and every line end (a newline after a token) is the token {@code <eos>}; {@link #looksPreTokenized}
 * tells such a text.
 * Character level: every character (Unicode code point, so an emoji is one token) is a token, white
 * space included; {@code \r} is dropped.
 * {@link #join} turns tokens back into text: at character level as they are, with {@code <unk>} as
 * U+FFFD; at word level with spaces between words, none before closing punctuation or after
 * opening brackets.
 */
public final class Tokenizer {
    public static final String PARAGRAPH = "\n";
    /** The end of a line of pre-tokenized text. */
    public static final String END_OF_LINE = "<eos>";

    private final boolean characters;
    private final boolean lowercase;
    private final boolean preTokenized;

    public Tokenizer(boolean characters, boolean lowercase) {
        this(characters, lowercase, false);
    }

    private Tokenizer(boolean characters, boolean lowercase, boolean preTokenized) {
        this.characters = characters;
        this.lowercase = lowercase;
        this.preTokenized = preTokenized;
    }

    /** The tokenizer of pre-tokenized text: split on white space, case kept, a line end as {@code <eos>}. */
    public static Tokenizer preTokenized() {
        return new Tokenizer(false, false, true);
    }

    /** Whether this reads pre-tokenized text. */
    public boolean splitsOnSpaces() {
        return preTokenized;
    }

    /**
     * Whether {@code text} looks pre-tokenized: {@code <unk>}-style tokens (a short word of letters in
     * angle brackets, standing alone) are at least one in a thousand of its words, as a vocabulary's
     * unknown-word token is (prose that merely names a {@code <year>} or a {@code <program>} here and
     * there is not), or (with at least 20 of them) 80% or more of its punctuation marks . , ; : ! ?
     * stand apart from the word before them, as tokenizers leave them ("end ." where people write "end.").
     */
    public static boolean looksPreTokenized(String text) {
        int marks = 0;
        int apart = 0;
        int words = 0;
        int placeholders = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean starts = !Character.isWhitespace(c) && (i == 0 || Character.isWhitespace(text.charAt(i - 1)));
            if (starts) {
                words++;
            }
            if (c == '<' && starts) {
                int end = text.indexOf('>', i);
                if (end > i + 1 && end - i <= 12 && (end + 1 == n || Character.isWhitespace(text.charAt(end + 1)))
                        && text.substring(i + 1, end).chars().allMatch(Character::isLetter)) {
                    placeholders++;
                }
            }
            if (".,;:!?".indexOf(c) >= 0 && i > 0 && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1)))) {
                marks++;
                if (Character.isWhitespace(text.charAt(i - 1))) {
                    apart++;
                }
            }
        }
        return placeholders > 0 && 1000L * placeholders >= words || marks >= 20 && apart >= 0.8 * marks;
    }

    public boolean characterLevel() {
        return characters;
    }

    public boolean lowercase() {
        return lowercase;
    }

    public List<String> tokenize(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no text (null)");
        }
        List<String> out = new ArrayList<>();
        if (preTokenized) {
            return splitOnSpaces(text, out);
        }
        if (characters) {
            for (int i = 0; i < text.length();) {
                int c = text.codePointAt(i);
                i += Character.charCount(c);
                if (c != '\r') {
                    out.add(new String(Character.toChars(lowercase ? Character.toLowerCase(c) : c)));
                }
            }
            return out;
        }
        int n = text.length();
        int i = 0;
        int newlines = 0;
        StringBuilder word = new StringBuilder();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (c == '\n') {
                    newlines++;
                }
                i++;
                continue;
            }
            if (newlines >= 2 && !out.isEmpty() && !out.get(out.size() - 1).equals(PARAGRAPH)) {
                out.add(PARAGRAPH);
            }
            newlines = 0;
            if (Character.isLetterOrDigit(c)) {
                word.setLength(0);
                while (i < n) {
                    char d = text.charAt(i);
                    if (Character.isLetterOrDigit(d)) {
                        word.append(lowercase ? Character.toLowerCase(d) : d);
                        i++;
                    } else if ((d == '\'' || d == '-' || d == '\u2019') && i + 1 < n
                            && Character.isLetterOrDigit(text.charAt(i + 1))) {
                        word.append(d == '\u2019' ? '\'' : d);
                        i++;
                    } else {
                        break;
                    }
                }
                out.add(word.toString());
            } else {
                if (Character.isHighSurrogate(c) && i + 1 < n) {
                    out.add(text.substring(i, i + 2));
                    i += 2;
                } else {
                    out.add(String.valueOf(c));
                    i++;
                }
            }
        }
        return out;
    }

    /**
     * Pre-tokenized: what white space separates, and {@code <eos>} at each line end (a newline) after
     * a line that had a token.
     */
    private static List<String> splitOnSpaces(String text, List<String> out) {
        int n = text.length();
        int i = 0;
        boolean lineHasToken = false;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (lineHasToken) {
                    out.add(END_OF_LINE);
                }
                lineHasToken = false;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                out.add(text.substring(start, i));
                lineHasToken = true;
            }
        }
        // no <eos> after the last line unless it ends: a prompt "the cat" asks what follows "cat"
        return out;
    }

    /** Joins tokens into readable text (see the class comment). */
    public String join(List<String> tokens) {
        StringBuilder sb = new StringBuilder();
        if (preTokenized) {
            for (String t : tokens) {
                if (t.equals(END_OF_LINE)) {
                    sb.append('\n');
                } else {
                    if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                        sb.append(' ');
                    }
                    sb.append(t);
                }
            }
            return sb.toString();
        }
        if (characters) {
            for (String t : tokens) {
                // a character the vocabulary left out shows as the replacement character
                sb.append(t.equals(Vocabulary.UNKNOWN) ? "\uFFFD" : t);
            }
            return sb.toString();
        }
        String prev = null;
        for (String t : tokens) {
            if (t.equals(PARAGRAPH)) {
                sb.append("\n\n");
            } else {
                boolean space = prev != null && !prev.equals(PARAGRAPH) && !closing(t) && !opening(prev);
                if (space) {
                    sb.append(' ');
                }
                sb.append(t);
            }
            prev = t;
        }
        return sb.toString();
    }

    private static boolean closing(String t) {
        return t.length() == 1 && ".,;:!?)]}%".indexOf(t.charAt(0)) >= 0;
    }

    private static boolean opening(String t) {
        return t.length() == 1 && "([{".indexOf(t.charAt(0)) >= 0;
    }
}
