package tearnn.text;

/**
 * The text a language model was trained on, as its model file remembers it: a name for people
 * ({@code "ptb.train.txt"}, {@code "the built-in grammar"}), its length in characters and a
 * fingerprint of its characters (FNV-1a, 32 bits, as 8 hex digits). Two texts are taken for the same
 * when their lengths and fingerprints agree; the name is only said.
 *
 * @param name        what the text is called
 * @param characters  its length
 * @param fingerprint FNV-1a over its UTF-16 characters, 8 lowercase hex digits
 */
public record TextOrigin(String name, int characters, String fingerprint) {
    public TextOrigin {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a text's origin needs a name");
        }
        if (characters < 0) {
            throw new IllegalArgumentException("a text's length cannot be negative: " + characters);
        }
        if (fingerprint == null || !fingerprint.matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("a text's fingerprint is 8 hex digits, not \"" + fingerprint + "\"");
        }
    }

    /** The origin of {@code text}, called {@code name}. */
    public static TextOrigin of(String name, String text) {
        int h = 0x811c9dc5;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x01000193;
        }
        String hex = Integer.toHexString(h);
        return new TextOrigin(name, text.length(), "00000000".substring(hex.length()) + hex);
    }

    /** Whether {@code other} is the same text (whatever it is called). */
    public boolean sameText(TextOrigin other) {
        return other != null && characters == other.characters && fingerprint.equals(other.fingerprint);
    }
}
