package tearnn.task;

import java.util.ArrayList;
import java.util.List;
import tearnn.settings.SettingException;

/**
 * The tables a person gives the classification and forecasting tasks (CSV, or TSV when the first line
 * holds a tab), split into fields, with messages that name the line and the column. Fields may be
 * quoted ({@code "a, b"}, {@code "say ""hi"""}); a quoted field does not span lines; blank lines are
 * skipped. The errors name the setting "data".
 */
final class Csv {
    private Csv() {
    }

    /** One line of the table: its number in the text (from 1) and its fields. */
    record Row(int line, List<String> fields) {
    }

    static SettingException refuse(String message) {
        return new SettingException("data", message);
    }

    /** The text's non-blank lines, split into fields. */
    static List<Row> rows(String text) {
        String[] lines = text.split("\r?\n", -1);
        char delimiter = lines.length > 0 && lines[0].indexOf('\t') >= 0 ? '\t' : ',';
        List<Row> rows = new ArrayList<>();
        for (int n = 0; n < lines.length; n++) {
            if (!lines[n].isBlank()) {
                rows.add(new Row(n + 1, fields(lines[n], delimiter, n + 1)));
            }
        }
        return rows;
    }

    private static List<String> fields(String line, char delimiter, int number) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"' && f.toString().isBlank()) {
                quoted = true;
                f.setLength(0);
            } else if (c == delimiter) {
                out.add(f.toString().trim());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        if (quoted) {
            throw refuse("line " + number + ": a quote is opened and not closed (a field may not span lines)");
        }
        out.add(f.toString().trim());
        return out;
    }

    /** The number in a field; an empty or non-numeric field is refused, naming line and column. */
    static double number(Row r, int column, String name) {
        double d = numberOrMissing(r, column, name);
        if (d != d) {
            throw refuse("line " + r.line() + ", column " + name + ": no value");
        }
        return d;
    }

    /** The number in a field, NaN for an empty one (or "NA", "NaN"); text that is no number is refused. */
    static double numberOrMissing(Row r, int column, String name) {
        String v = r.fields().get(column);
        if (v.isEmpty() || v.equalsIgnoreCase("na") || v.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw refuse("line " + r.line() + ", column " + name + ": '" + v + "' is not a number");
    }

    /** Where the column {@code name} is in the header; an unknown name is refused with the header's names. */
    static int column(List<String> header, String name) {
        int at = header.indexOf(name);
        if (at < 0) {
            throw refuse("no column '" + name + "' in the header (" + String.join(", ", header) + ")");
        }
        return at;
    }
}
