package tearnn.task;

import java.util.List;

/**
 * One time series to forecast, as read from a table ({@link ForecastCsv}): the values of the column
 * forecast and of any extra input columns, in time order, with NaN where a value is missing, and a
 * label per time step (the date, the year, or the row) for people and charts.
 */
public final class ForecastSeries {
    final String name;
    /** The column forecast first, then the extra inputs. */
    final List<String> columns;
    /** values[c][t]: column c at time t (NaN: missing). */
    final double[][] values;
    final String[] times;

    ForecastSeries(String name, List<String> columns, double[][] values, String[] times) {
        if (columns.size() != values.length || columns.isEmpty()) {
            throw new IllegalArgumentException(columns.size() + " column names for " + values.length + " columns");
        }
        for (double[] v : values) {
            if (v.length != times.length) {
                throw new IllegalArgumentException("a column of " + v.length + " values for " + times.length + " times");
            }
        }
        this.name = name;
        this.columns = List.copyOf(columns);
        this.values = values;
        this.times = times;
    }

    public String name() {
        return name;
    }

    /** The column forecast. */
    public String column() {
        return columns.get(0);
    }

    /** The extra input columns (none for most series). */
    public List<String> extras() {
        return columns.subList(1, columns.size());
    }

    public int length() {
        return times.length;
    }

    /** The forecast column's value at time t (NaN: missing). */
    public double value(int t) {
        return values[0][t];
    }

    /** The label of time t: a date (2012-01-31), a year, or a row number. */
    public String time(int t) {
        return times[t];
    }

    /** Missing values in column c. */
    public int missing(int c) {
        int n = 0;
        for (double v : values[c]) {
            n += v != v ? 1 : 0;
        }
        return n;
    }

    /** The forecast column, a copy (NaN: missing). */
    public double[] forecastColumn() {
        return values[0].clone();
    }
}
