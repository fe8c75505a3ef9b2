package tearnn.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Token strings to indices. Index 0 is {@code <unk>}, which stands for every token not kept; the
 * others are the most frequent tokens of a training text, most frequent first, ties in string order,
 * so the same text always gives the same vocabulary.
 */
public final class Vocabulary {
    public static final String UNKNOWN = "<unk>";

    private final List<String> tokens;
    private final Map<String, Integer> index = new HashMap<>();

    /** A vocabulary with exactly these tokens, {@code <unk>} first. */
    public Vocabulary(List<String> tokens) {
        if (tokens == null || tokens.isEmpty() || !tokens.get(0).equals(UNKNOWN)) {
            throw new IllegalArgumentException("a vocabulary must start with " + UNKNOWN);
        }
        this.tokens = new ArrayList<>(tokens);
        for (int i = 0; i < tokens.size(); i++) {
            if (index.put(tokens.get(i), i) != null) {
                throw new IllegalArgumentException("vocabulary lists the token \"" + tokens.get(i) + "\" twice");
            }
        }
    }

    /** The {@code maxSize - 1} most frequent tokens of {@code text} plus {@code <unk>}. */
    public static Vocabulary build(List<String> text, int maxSize) {
        return build(text, maxSize, 1);
    }

    /**
     * As {@link #build(List, int)}, keeping only tokens seen {@code minCount} times or more (a token
     * seen once is {@code <unk>}: its embedding would be trained on one example at most).
     */
    public static Vocabulary build(List<String> text, int maxSize, int minCount) {
        if (maxSize < 2) {
            throw new IllegalArgumentException("vocabulary size must be at least 2 (<unk> and one token), got " + maxSize);
        }
        Map<String, int[]> counts = new HashMap<>();
        for (String t : text) {
            counts.computeIfAbsent(t, k -> new int[1])[0]++;
        }
        counts.remove(UNKNOWN);
        List<Map.Entry<String, int[]>> entries = new ArrayList<>(counts.entrySet());
        Collections.sort(entries, (a, b) -> a.getValue()[0] != b.getValue()[0]
                ? Integer.compare(b.getValue()[0], a.getValue()[0]) : a.getKey().compareTo(b.getKey()));
        List<String> kept = new ArrayList<>();
        kept.add(UNKNOWN);
        for (int i = 0; i < entries.size() && kept.size() < maxSize && entries.get(i).getValue()[0] >= minCount; i++) {
            kept.add(entries.get(i).getKey());
        }
        return new Vocabulary(kept);
    }

    public int size() {
        return tokens.size();
    }

    public String token(int i) {
        if (i < 0 || i >= tokens.size()) {
            throw new IllegalArgumentException("token index " + i + " is outside the vocabulary [0, " + tokens.size() + ")");
        }
        return tokens.get(i);
    }

    /** The index of a token, 0 ({@code <unk>}) if it is not in the vocabulary. */
    public int indexOf(String token) {
        Integer i = index.get(token);
        return i == null ? 0 : i;
    }

    public boolean contains(String token) {
        return index.containsKey(token);
    }

    public int[] encode(List<String> text) {
        int[] out = new int[text.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = indexOf(text.get(i));
        }
        return out;
    }

    public List<String> tokens() {
        return Collections.unmodifiableList(tokens);
    }
}
