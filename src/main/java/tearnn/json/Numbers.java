package tearnn.json;

/**
 * How JSON numbers are written and read. The defaults are Java's {@code Double.toString} and
 * {@code Double.parseDouble}, exact round trips on the JVM. TeaVM's versions of these are not
 * exact in every build, so the browser glue installs the browser's own ({@code String(x)},
 * {@code Number(s)}), which are: a model saved in the page loads with the same bits everywhere.
 */
public final class Numbers {
    /** Writes and reads doubles as decimal text. */
    public interface Codec {
        String format(double v);

        double parse(String s);
    }

    private static Codec codec = new Codec() {
        @Override
        public String format(double v) {
            return Double.toString(v);
        }

        @Override
        public double parse(String s) {
            return Double.parseDouble(s);
        }
    };

    private Numbers() {
    }

    public static void install(Codec c) {
        if (c == null) {
            throw new IllegalArgumentException("no number codec");
        }
        codec = c;
    }

    static String format(double v) {
        return codec.format(v);
    }

    static double parse(String s) {
        return codec.parse(s);
    }
}
