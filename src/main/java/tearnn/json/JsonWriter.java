package tearnn.json;

/**
 * Writes JSON text. Numbers are written so that reading them back gives the same double; NaN and
 * infinities are refused (JSON cannot hold them). The text is built whole ({@link #toString}), or
 * handed out in pieces of about {@code pieceChars} characters as it grows ({@link #JsonWriter(int,
 * Pieces)}), so that a file of hundreds of megabytes is never one string.
 */
public final class JsonWriter {
    /** Takes the text in order, a piece at a time; {@code numbers}: how many numbers arrays held so far. */
    public interface Pieces {
        void take(String text, long numbers);
    }

    private final StringBuilder out = new StringBuilder();
    private final int pieceChars;
    private final Pieces pieces;
    private boolean needComma;
    private long numbers;

    public JsonWriter() {
        this(Integer.MAX_VALUE, null);
    }

    /** A writer that hands its text to {@code pieces} whenever an array leaves it longer than {@code pieceChars}. */
    public JsonWriter(int pieceChars, Pieces pieces) {
        this.pieceChars = pieceChars;
        this.pieces = pieces;
    }

    public JsonWriter beginObject() {
        comma();
        out.append('{');
        needComma = false;
        return this;
    }

    public JsonWriter endObject() {
        out.append('}');
        needComma = true;
        return this;
    }

    public JsonWriter beginArray() {
        comma();
        out.append('[');
        needComma = false;
        return this;
    }

    public JsonWriter endArray() {
        out.append(']');
        needComma = true;
        return this;
    }

    /** Writes {@code "name":}; the value follows. */
    public JsonWriter name(String name) {
        comma();
        quote(name);
        out.append(':');
        needComma = false;
        return this;
    }

    public JsonWriter value(String s) {
        comma();
        if (s == null) {
            out.append("null");
        } else {
            quote(s);
        }
        needComma = true;
        return this;
    }

    public JsonWriter value(boolean b) {
        comma();
        out.append(b);
        needComma = true;
        return this;
    }

    public JsonWriter value(int v) {
        comma();
        out.append(v);
        needComma = true;
        return this;
    }

    public JsonWriter value(double v) {
        comma();
        if (v != v || v == Double.POSITIVE_INFINITY || v == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("cannot write the non-finite number " + v + " to JSON");
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            out.append((long) v);
            if (v == 0 && 1 / v < 0) {
                out.setLength(out.length() - 1);
                out.append("-0.0");
            }
        } else {
            out.append(Numbers.format(v));
        }
        needComma = true;
        return this;
    }

    /** Writes values[off..off+n) as an array. */
    public JsonWriter array(double[] values, int off, int n) {
        beginArray();
        for (int i = 0; i < n; i++) {
            value(values[off + i]);
        }
        endArray();
        numbers += n;
        if (pieces != null && out.length() >= pieceChars) {
            hand();
        }
        return this;
    }

    /** Hands what is left of the text to the pieces (a writer that hands its text out in pieces). */
    public void finish() {
        if (out.length() > 0) {
            hand();
        }
    }

    private void hand() {
        pieces.take(out.toString(), numbers);
        out.setLength(0);
    }

    private void comma() {
        if (needComma) {
            out.append(',');
        }
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        String hex = Integer.toHexString(c);
                        out.append("\\u");
                        for (int k = hex.length(); k < 4; k++) {
                            out.append('0');
                        }
                        out.append(hex);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
