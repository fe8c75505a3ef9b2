package tearnn.task;

import tearnn.math.Rng;

/**
 * Dates as people write them, to ISO 8601: "Sunday, May 3rd 1987", "05/03/87", "3.5.1987" ... all
 * to "1987-05-03". A date is drawn uniformly from 1950-01-01 to 2049-12-31 and written in one of
 * {@link #FORMATS} formats, drawn uniformly. Two-digit years are 1950 to 2049 (50 to 99 the 1900s);
 * slashes are month first (American), dots day first (European), so no phrase is ambiguous.
 */
final class DatePhrases extends TranslationPairs {
    static final int FORMATS = 13;
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final int FIRST_YEAR = 1950;
    private static final int YEARS = 100;
    private static final String SOURCE = " ,-./0123456789ABCDEFGJLMNOPRSTUVWYabcdefghilmnoprstuvy";

    @Override
    public String id() {
        return DATES;
    }

    @Override
    public String[] draw(Rng rng) {
        int first = daysFromCivil(FIRST_YEAR, 1, 1);
        int day = first + rng.nextInt(daysFromCivil(FIRST_YEAR + YEARS, 1, 1) - first);
        int format = rng.nextInt(FORMATS);
        int[] ymd = civilFromDays(day);
        return new String[] {phrase(ymd[0], ymd[1], ymd[2], weekday(day), format), iso(ymd[0], ymd[1], ymd[2])};
    }

    static String iso(int y, int m, int d) {
        return y + "-" + two(m) + "-" + two(d);
    }

    /** The date y-m-d (a {@code weekday}, 0 Monday) written in format {@code f} of {@link #FORMATS}. */
    static String phrase(int y, int m, int d, int weekday, int f) {
        String month = MONTHS[m - 1];
        String day = DAYS[weekday];
        String yy = two(y % 100);
        return switch (f) {
            case 0 -> d + " " + month + " " + y;                               // 3 May 1987
            case 1 -> two(m) + "/" + two(d) + "/" + yy;                        // 05/03/87
            case 2 -> day + ", " + month + " " + d + ordinal(d) + " " + y;     // Sunday, May 3rd 1987
            case 3 -> month + " " + d + ", " + y;                              // May 3, 1987
            case 4 -> two(d) + " " + month.substring(0, 3).toUpperCase() + " " + y; // 03 MAY 1987
            case 5 -> d + "." + m + "." + y;                                   // 3.5.1987
            case 6 -> day.substring(0, 3) + " " + d + " " + month.substring(0, 3) + " " + yy; // Sun 3 May 87
            case 7 -> month + " " + d + ordinal(d) + ", " + y;                 // May 3rd, 1987
            case 8 -> d + ordinal(d) + " of " + month + " " + y;               // 3rd of May 1987
            case 9 -> day + " " + d + " " + month + " " + y;                   // Sunday 3 May 1987
            case 10 -> m + "/" + d + "/" + y;                                  // 5/3/1987
            case 11 -> two(d) + "-" + month.substring(0, 3) + "-" + y;         // 03-May-1987
            case 12 -> y + two(m) + two(d);                                    // 19870503
            default -> throw new IllegalArgumentException("no date format " + f);
        };
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    private static String ordinal(int d) {
        return d % 10 == 1 && d != 11 ? "st" : d % 10 == 2 && d != 12 ? "nd" : d % 10 == 3 && d != 13 ? "rd" : "th";
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
    static int daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    /** The date {y, m, d} of a day count since 1970-01-01 (the inverse of {@link #daysFromCivil}). */
    static int[] civilFromDays(int z) {
        z += 719468;
        int era = Math.floorDiv(z, 146097);
        int doe = z - era * 146097;
        int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        int mp = (5 * doy + 2) / 153;
        int d = doy - (153 * mp + 2) / 5 + 1;
        int m = mp < 10 ? mp + 3 : mp - 9;
        return new int[] {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
    }

    /** The weekday of a day count, 0 Monday to 6 Sunday (1970-01-01 was a Thursday). */
    static int weekday(int days) {
        return Math.floorMod(days + 3, 7);
    }

    @Override
    public String sourceAlphabet() {
        return SOURCE;
    }

    @Override
    public String targetAlphabet() {
        return "-0123456789";
    }

    /** "Wednesday, September 23rd 1987" and its like. */
    @Override
    public int maxSourceLength() {
        return 30;
    }

    @Override
    public int maxTargetLength() {
        return 10;
    }
}
