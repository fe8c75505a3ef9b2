package tearnn.task;

import static tearnn.task.Csv.column;
import static tearnn.task.Csv.numberOrMissing;
import static tearnn.task.Csv.refuse;
import static tearnn.task.Csv.rows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import tearnn.settings.SettingException;
import tearnn.task.Csv.Row;

/**
 * Tables ({@link Csv}) read into a {@link ForecastSeries}: the column forecast, extra input columns,
 * and a date column (or row order). An empty field (or NA) is a missing value, kept as such; text that
 * is no number, a ragged row, a date that cannot be read or that repeats is refused naming the line
 * and the column. Rows out of date order are put in order. The built-in series are read here too,
 * each from its own layout (El Nino's file holds a year a row, a month a column).
 */
public final class ForecastCsv {
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

    private ForecastCsv() {
    }

    /**
     * A series shipped with the site: its file (beside the page, in {@code data/}), what it is, and the
     * window and horizon it is first shown with.
     *
     * @param recursive whether the model is first fed back its own forecasts (rather than forecasting H steps at once)
     * @param change    whether the model first predicts the change from the last value (a series with a trend)
     * @param inputs    the file's other columns a model may read beside the forecast one (extra inputs)
     */
    public record BuiltIn(String id, String file, String label, String column, String date, int window, int horizon,
            boolean recursive, boolean change, List<String> inputs) {
    }

    public static final List<BuiltIn> BUILT_IN = List.of(
            new BuiltIn("sunspots", "sunspots.csv", "yearly sunspots, 1700-2008", "SUNACTIVITY", "YEAR", 22, 11, true, false,
                    List.of()),
            new BuiltIn("co2", "co2.csv", "weekly CO2 at Mauna Loa, 1958-2001 (ppm)", "co2", "date", 104, 52, false, true, List.of()),
            new BuiltIn("elnino", "elnino.csv", "monthly El Nino sea temperature, 1950-2010 (degrees C)", null, "YEAR", 24, 12,
                    false, false, List.of()),
            new BuiltIn("temperatures", "seattle-weather.csv", "daily Seattle highest temperature, 2012-2015 (degrees C)",
                    "temp_max", "date", 30, 7, false, false, List.of("temp_min", "precipitation", "wind")));

    /** The built-in series {@code id}; an unknown id is refused naming those there are. */
    public static BuiltIn builtIn(String id) {
        for (BuiltIn b : BUILT_IN) {
            if (b.id().equals(id)) {
                return b;
            }
        }
        List<String> ids = new ArrayList<>();
        BUILT_IN.forEach(b -> ids.add(b.id()));
        throw new SettingException("series", "no built-in series '" + id + "' (" + String.join(", ", ids) + ")");
    }

    /** The built-in series {@code b} read from its file's text. */
    public static ForecastSeries read(BuiltIn b, String text) {
        return read(b, text, List.of());
    }

    /**
     * The built-in series {@code b} read from its file's text, with {@code inputs} (some of
     * {@link BuiltIn#inputs}) read beside it; another column is refused naming those there are.
     */
    public static ForecastSeries read(BuiltIn b, String text, List<String> inputs) {
        for (String c : inputs) {
            if (!b.inputs().contains(c)) {
                throw new SettingException("inputs", b.inputs().isEmpty()
                        ? "the " + b.label() + " series has no other column to read beside it ('" + c + "')"
                        : "'" + c + "' is not a column of the " + b.label() + " series to read beside it (" + String.join(", ",
                                b.inputs()) + ")");
            }
        }
        if (b.column() == null) {
            return months(text, b.label());
        }
        return table(text, b.label(), b.column(), inputs, b.date());
    }

    /**
     * A table with a header line: {@code column} is forecast, {@code extras} are read beside it as
     * inputs, and {@code date} (null: none) orders the rows and labels them; without it the rows are
     * in time order and labelled by their line.
     */
    public static ForecastSeries table(String text, String name, String column, List<String> extras, String date) {
        List<Row> rows = rows(text);
        if (rows.size() < 2) {
            throw refuse("the table needs a header line and rows below it");
        }
        List<String> header = rows.get(0).fields();
        List<String> names = new ArrayList<>();
        names.add(column);
        names.addAll(extras);
        int[] at = new int[names.size()];
        for (int c = 0; c < at.length; c++) {
            at[c] = column(header, names.get(c));
            if (names.indexOf(names.get(c)) != c) {
                throw refuse("column '" + names.get(c) + "' is named twice");
            }
        }
        int dateAt = date == null ? -1 : column(header, date);
        List<Row> body = new ArrayList<>(rows.subList(1, rows.size()));
        long[] keys = new long[body.size()];
        for (int i = 0; i < body.size(); i++) {
            Row r = body.get(i);
            if (r.fields().size() != header.size()) {
                throw refuse("line " + r.line() + " has " + r.fields().size() + " fields, the header " + header.size());
            }
            keys[i] = dateAt < 0 ? i : Dates.key(r, dateAt, date);
        }
        Integer[] order = new Integer[body.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> keys[i]));
        double[][] values = new double[names.size()][body.size()];
        String[] times = new String[body.size()];
        for (int k = 0; k < order.length; k++) {
            Row r = body.get(order[k]);
            if (k > 0 && keys[order[k]] == keys[order[k - 1]]) {
                throw refuse("line " + r.line() + ", column " + date + ": '" + r.fields().get(dateAt) + "' is the date of line "
                        + body.get(order[k - 1]).line() + " too");
            }
            for (int c = 0; c < at.length; c++) {
                values[c][k] = numberOrMissing(r, at[c], names.get(c));
            }
            times[k] = dateAt < 0 ? Integer.toString(r.line()) : Dates.label(keys[order[k]]);
        }
        return new ForecastSeries(name, names, values, times);
    }

    /** A table of a year a row and a month a column (YEAR, JAN ... DEC), read month after month. */
    static ForecastSeries months(String text, String name) {
        List<Row> rows = rows(text);
        if (rows.size() < 2) {
            throw refuse("the table needs a header line and rows below it");
        }
        List<String> header = rows.get(0).fields();
        int yearAt = column(header, "YEAR");
        int[] at = new int[12];
        for (int m = 0; m < 12; m++) {
            at[m] = column(header, MONTHS[m]);
        }
        int n = rows.size() - 1;
        double[][] values = new double[1][12 * n];
        String[] times = new String[12 * n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i + 1);
            if (r.fields().size() != header.size()) {
                throw refuse("line " + r.line() + " has " + r.fields().size() + " fields, the header " + header.size());
            }
            String year = r.fields().get(yearAt);
            for (int m = 0; m < 12; m++) {
                values[0][12 * i + m] = numberOrMissing(r, at[m], MONTHS[m]);
                times[12 * i + m] = year + "-" + (m < 9 ? "0" : "") + (m + 1);
            }
        }
        return new ForecastSeries(name, List.of("temperature"), values, times);
    }
}
