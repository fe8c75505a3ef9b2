package tearnn.task;

import static tearnn.task.Csv.refuse;

import tearnn.task.Csv.Row;

/**
 * Dates in a series' date column, read as a key that sorts in time order ({@code yyyymmdd}) and
 * written back as a label: 2012-01-31, 2012/01/31 and 20120131 are days, 2012-01 a month, 1987 a year.
 */
final class Dates {
    private Dates() {
    }

    /** The date in a field as {@code year * 10000 + month * 100 + day} (0 for what a month or year leaves out). */
    static long key(Row r, int column, String name) {
        String v = r.fields().get(column);
        long k = parse(v);
        if (k < 0) {
            throw refuse("line " + r.line() + ", column " + name + ": '" + v
                    + "' is not a date (2012-01-31, 2012/01/31, 20120131, 2012-01 or a year, 1987)");
        }
        return k;
    }

    /** The key of a date, or -1. */
    static long parse(String v) {
        String s = v.trim();
        int y;
        int m = 0;
        int d = 0;
        if (s.matches("\\d{1,4}")) {
            y = Integer.parseInt(s);
        } else if (s.matches("\\d{8}")) {
            y = Integer.parseInt(s.substring(0, 4));
            m = Integer.parseInt(s.substring(4, 6));
            d = Integer.parseInt(s.substring(6, 8));
        } else if (s.matches("\\d{4}[-/]\\d{1,2}([-/]\\d{1,2})?")) {
            String[] p = s.split("[-/]");
            y = Integer.parseInt(p[0]);
            m = Integer.parseInt(p[1]);
            d = p.length > 2 ? Integer.parseInt(p[2]) : 0;
        } else {
            return -1;
        }
        boolean monthOk = m == 0 ? d == 0 : m <= 12;
        boolean dayOk = d == 0 || d <= daysIn(y, m);
        return monthOk && dayOk ? y * 10000L + m * 100L + d : -1;
    }

    private static int daysIn(int y, int m) {
        return switch (m) {
            case 2 -> (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The key written as people read it: 2012-01-31, 2012-01 or 1987. */
    static String label(long key) {
        long y = key / 10000;
        long m = key / 100 % 100;
        long d = key % 100;
        if (m == 0) {
            return Long.toString(y);
        }
        String ym = y + "-" + (m < 10 ? "0" : "") + m;
        return d == 0 ? ym : ym + "-" + (d < 10 ? "0" : "") + d;
    }
}
