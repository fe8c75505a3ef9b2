package tearnn.math;

/**
 * Numbers as a person reads them in a message: counts with thousands separators (4,608,768,000) and
 * measurements to four significant digits (2.801e+26, 0.0001234, 5.856). TeaVM's {@code String.format}
 * cannot do {@code %g}, so this is written out.
 */
public final class Readable {
    private Readable() {
    }

    /** 4608768000 -> "4,608,768,000". */
    public static String count(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder sb = new StringBuilder(n < 0 ? "-" : "");
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                sb.append(',');
            }
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }

    /**
     * A measurement to four significant digits: plain between 0.001 and 1,000,000 (5.856, 0.0123,
     * 48,312), else with an exponent (2.801e+26); NaN and infinities as such.
     */
    public static String number(double v) {
        if (v != v || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        String sign = v < 0 ? "-" : "";
        int exp = (int) Math.floor(Math.log10(a));
        // the 4 digits, as an integer from 1000 to 9999 (a carry may make 10000)
        long digits = Math.round(a / Math.pow(10, exp - 3));
        if (digits >= 10000) {
            digits /= 10;
            exp++;
        }
        if (exp >= 6 || exp < -3) {
            String d = Long.toString(digits);
            String mantissa = trim(d.charAt(0) + "." + d.substring(1));
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + Math.abs(exp);
        }
        if (exp >= 3) {
            return sign + count(Math.round(a));
        }
        // 0.001 <= a < 1000: 4 significant digits, trailing zeros dropped
        int decimals = 3 - exp;
        String d = Long.toString(digits);
        String whole;
        String frac;
        if (exp >= 0) {
            whole = d.substring(0, exp + 1);
            frac = d.substring(exp + 1);
        } else {
            whole = "0";
            frac = "0".repeat(-exp - 1) + d;
        }
        frac = frac.substring(0, Math.min(frac.length(), decimals));
        return sign + trim(frac.isEmpty() ? whole : whole + "." + frac);
    }

    /** Drops trailing zeros after a decimal point, and the point if nothing follows it. */
    private static String trim(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }
}
