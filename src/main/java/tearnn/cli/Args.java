package tearnn.cli;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tearnn.settings.SettingValues;

/**
 * {@code --name value} and {@code --flag} options; every option read is checked, unknown ones are
 * refused. As {@link SettingValues} it hands settings over by their names, written on the command
 * line with hyphens ({@code topK} is {@code --top-k}).
 */
final class Args implements SettingValues {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> used = new LinkedHashSet<>();

    Args(String[] args, int from, Set<String> flags) {
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.length() == 2) {
                throw new IllegalArgumentException("expected an option like --name, got '" + a + "'");
            }
            String name = a.substring(2);
            if (values.containsKey(name)) {
                throw new IllegalArgumentException("option --" + name + " given twice");
            }
            if (flags.contains(name)) {
                // a flag alone is on; "--tied false" and "--tied true" say it outright
                boolean said = i + 1 < args.length && (args[i + 1].equals("true") || args[i + 1].equals("false"));
                values.put(name, said ? args[++i] : "true");
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option --" + name + " needs a value");
                }
                values.put(name, args[++i]);
            }
        }
    }

    String string(String name, String fallback) {
        used.add(name);
        return values.getOrDefault(name, fallback);
    }

    /** Whether {@code --name} (a flag) was given. */
    boolean isSet(String name) {
        used.add(name);
        return values.containsKey(name);
    }

    int integer(String name, int fallback) {
        String v = string(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer, got '" + v + "'");
        }
    }

    double number(String name, double fallback) {
        String v = string(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a finite number, got '" + v + "'");
        }
    }

    /**
     * Lets {@code --flag} stand for {@code --name value} (as {@code --chars} for {@code --level char});
     * giving both is refused.
     */
    void alias(String flag, String name, String value) {
        if (!isSet(flag)) {
            return;
        }
        String option = option(name);
        if (values.containsKey(option)) {
            throw new IllegalArgumentException("give --" + flag + " or --" + option + ", not both");
        }
        values.put(option, value);
    }

    /** The command-line option of a setting: {@code topK} -> {@code top-k}. */
    static String option(String setting) {
        StringBuilder sb = new StringBuilder();
        for (char c : setting.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('-').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public boolean has(String setting) {
        used.add(option(setting));
        return values.containsKey(option(setting));
    }

    @Override
    public double number(String setting) {
        return number(option(setting), Double.NaN);
    }

    @Override
    public String text(String setting) {
        return string(option(setting), null);
    }

    @Override
    public Boolean flag(String setting) {
        String v = string(option(setting), null);
        return v == null ? null : v.equals("true") ? Boolean.TRUE : v.equals("false") ? Boolean.FALSE : null;
    }

    /** Refuses options that no command read. */
    void done() {
        for (String k : values.keySet()) {
            if (!used.contains(k)) {
                throw new IllegalArgumentException("unknown option --" + k);
            }
        }
    }
}
