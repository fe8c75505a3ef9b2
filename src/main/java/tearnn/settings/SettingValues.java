package tearnn.settings;

/**
 * Where settings come from: the page's form (JSON) or the command line's options. A source says
 * whether a value was given and hands it over as a number, text or flag; the {@link Setting} checks it.
 */
public interface SettingValues {
    /** No values at all: every setting takes its default. */
    SettingValues NONE = new SettingValues() {
        @Override
        public boolean has(String name) {
            return false;
        }

        @Override
        public double number(String name) {
            return Double.NaN;
        }

        @Override
        public String text(String name) {
            return null;
        }

        @Override
        public Boolean flag(String name) {
            return null;
        }
    };

    /** Whether a value named {@code name} was given. */
    boolean has(String name);

    /** The value as a number; NaN where it is not one (the setting then refuses it with its range). */
    double number(String name);

    /** The value as text; null where it is not text. */
    String text(String name);

    /** The value as true or false; null where it is neither. */
    Boolean flag(String name);
}
