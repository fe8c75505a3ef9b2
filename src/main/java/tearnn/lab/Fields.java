package tearnn.lab;

import tearnn.json.JsonObject;
import tearnn.nn.CellType;

/**
 * Reads the page's settings with their ranges. A bad value raises {@link FieldException} naming
 * the field, so the page can show the message beside that control.
 */
final class Fields {
    private Fields() {
    }

    static int integer(JsonObject s, String key, int fallback, int lo, int hi) {
        if (!s.has(key)) {
            return fallback;
        }
        double d = numeric(s.get(key));
        if (d != Math.rint(d) || d < lo || d > hi) {
            throw new FieldException(key, key + " must be a whole number from " + lo + " to " + hi);
        }
        return (int) d;
    }

    static double number(JsonObject s, String key, double fallback, double lo, double hi) {
        if (!s.has(key)) {
            return fallback;
        }
        double d = numeric(s.get(key));
        if (!(d >= lo && d <= hi)) {
            throw new FieldException(key, key + " must be a number from " + lo + " to " + hi);
        }
        return d;
    }

    /** A JSON number, or a string holding one (form fields arrive as text); NaN otherwise. */
    private static double numeric(Object v) {
        if (v instanceof Double x) {
            return x;
        }
        if (v instanceof String str) {
            try {
                return Double.parseDouble(str.trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    static String choice(JsonObject s, String key, String fallback, String... allowed) {
        if (!s.has(key)) {
            return fallback;
        }
        Object v = s.get(key);
        for (String a : allowed) {
            if (a.equals(v)) {
                return a;
            }
        }
        throw new FieldException(key, key + " must be one of " + String.join(", ", allowed));
    }

    static CellType cell(JsonObject s, String key, CellType fallback) {
        return CellType.parse(choice(s, key, fallback.id, "rnn_tanh", "rnn_relu", "lstm", "gru"));
    }

    static boolean bool(JsonObject s, String key, boolean fallback) {
        if (!s.has(key)) {
            return fallback;
        }
        Object v = s.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        throw new FieldException(key, key + " must be true or false");
    }
}
