package tearnn.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into tokens, at word or character level.
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
 * Character level: every character (Unicode code point, so an emoji is one token) is a token, white
 * space included; {@code \r} is dropped.
 * {@link #join} turns tokens back into text: at character level as they are, with {@code <unk>} as
 * U+FFFD; at word level with spaces between words, none before closing punctuation or after
 * opening brackets.
 */
public final class Tokenizer {
    public static final String PARAGRAPH = "\n";

    private final boolean characters;
    private final boolean lowercase;

    public Tokenizer(boolean characters, boolean lowercase) {
        this.characters = characters;
        this.lowercase = lowercase;
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

    /** Joins tokens into readable text (see the class comment). */
    public String join(List<String> tokens) {
        StringBuilder sb = new StringBuilder();
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
