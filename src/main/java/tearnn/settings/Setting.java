package tearnn.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One setting a person chooses, described once for the page (which builds its form from the
 * description), the command line (which reads its options and writes its usage from it) and the
 * engine (which checks values against it): a name, a label, a kind, a default, and limits or choices.
 * A default may depend on another setting's choice ({@link #withDefault}: a character model's hidden
 * size differs from a word model's). Every refused value raises a {@link SettingException} that
 * names the setting.
 */
public final class Setting {
    /** What kind of value a setting holds. */
    public enum Kind {
        /** A whole number in [min, max]. */
        INTEGER,
        /** A number in [min, max]. */
        NUMBER,
        /** One of a list of choices. */
        CHOICE,
        /** On or off. */
        FLAG
    }

    /** One choice: the value used in files and requests, and the words shown to a person. */
    public record Choice(String id, String label) {
    }

    private final String name;
    private final String label;
    private final Kind kind;
    private final double min;
    private final double max;
    private final double fallback;
    private final String fallbackChoice;
    private final List<Choice> choices;
    /** Defaults that depend on another setting: its name, then its choice, then this setting's default as text. */
    private final Map<String, Map<String, String>> defaultsWhen = new LinkedHashMap<>();
    /** Where it applies at all (none: always): another setting's name, and the choices (or "true" for a flag) it applies at. */
    private final Map<String, List<String>> shownWhen = new LinkedHashMap<>();

    private Setting(String name, String label, Kind kind, double min, double max, double fallback, String fallbackChoice,
            List<Choice> choices) {
        this.name = name;
        this.label = label;
        this.kind = kind;
        this.min = min;
        this.max = max;
        this.fallback = fallback;
        this.fallbackChoice = fallbackChoice;
        this.choices = choices;
    }

    public static Setting integer(String name, String label, int fallback, int min, int max) {
        return new Setting(name, label, Kind.INTEGER, min, max, fallback, null, List.of());
    }

    public static Setting number(String name, String label, double fallback, double min, double max) {
        return new Setting(name, label, Kind.NUMBER, min, max, fallback, null, List.of());
    }

    public static Setting choice(String name, String label, String fallback, List<Choice> choices) {
        boolean known = false;
        for (Choice c : choices) {
            known |= c.id().equals(fallback);
        }
        if (!known) {
            throw new IllegalArgumentException("the default '" + fallback + "' of " + name + " is not one of its choices");
        }
        return new Setting(name, label, Kind.CHOICE, 0, 0, 0, fallback, List.copyOf(choices));
    }

    public static Setting flag(String name, String label, boolean fallback) {
        return new Setting(name, label, Kind.FLAG, 0, 1, fallback ? 1 : 0, null, List.of());
    }

    /**
     * This setting (for a number) with another default {@code value} where setting {@code other} (a
     * choice) is {@code choice}; the plain default holds where it is anything else or not given.
     */
    public Setting withDefault(String other, String choice, double value) {
        Setting s = new Setting(name, label, kind, min, max, fallback, fallbackChoice, choices);
        defaultsWhen.forEach((k, m) -> s.defaultsWhen.put(k, new LinkedHashMap<>(m)));
        s.shownWhen.putAll(shownWhen);
        s.check(value);
        s.defaultsWhen.computeIfAbsent(other, k -> new LinkedHashMap<>()).put(choice, format(value));
        return s;
    }

    /** This setting (a choice) with another default {@code value} where setting {@code other} is {@code choice}. */
    public Setting withDefault(String other, String choice, String value) {
        Setting s = new Setting(name, label, kind, min, max, fallback, fallbackChoice, choices);
        defaultsWhen.forEach((k, m) -> s.defaultsWhen.put(k, new LinkedHashMap<>(m)));
        s.shownWhen.putAll(shownWhen);
        s.check(value);
        s.defaultsWhen.computeIfAbsent(other, k -> new LinkedHashMap<>()).put(choice, value);
        return s;
    }

    /**
     * This setting, applying only where setting {@code other} is one of {@code choices} (a flag's
     * choice: "true"): the page shows it only then, and elsewhere it keeps its default. Several calls
     * add conditions that must all hold.
     */
    public Setting onlyWhen(String other, String... choices) {
        Setting s = new Setting(name, label, kind, min, max, fallback, fallbackChoice, this.choices);
        defaultsWhen.forEach((k, m) -> s.defaultsWhen.put(k, new LinkedHashMap<>(m)));
        s.shownWhen.putAll(shownWhen);
        s.shownWhen.put(other, List.of(choices));
        return s;
    }

    /** Where the setting applies (see {@link #onlyWhen}): other setting -> the choices it applies at; empty: always. */
    public Map<String, List<String>> shownWhen() {
        return Map.copyOf(shownWhen);
    }

    /** The defaults that depend on other settings (see {@link #withDefault}), as text: other -> choice -> default. */
    public Map<String, Map<String, String>> defaultsWhen() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        defaultsWhen.forEach((k, m) -> out.put(k, new LinkedHashMap<>(m)));
        return out;
    }

    /** The default where the values {@code v} are given: one that depends on another setting's choice, or the plain one. */
    private double fallback(SettingValues v) {
        String t = fallbackText(v);
        return t != null ? Double.parseDouble(t) : fallback;
    }

    /** The default that another setting's given choice sets, as text; null where none does. */
    private String fallbackText(SettingValues v) {
        for (Map.Entry<String, Map<String, String>> e : defaultsWhen.entrySet()) {
            if (v.has(e.getKey()) && e.getValue().containsKey(v.text(e.getKey()))) {
                return e.getValue().get(v.text(e.getKey()));
            }
        }
        return null;
    }

    public String name() {
        return name;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public List<Choice> choices() {
        return choices;
    }

    /** The default as text, as a form or a usage line shows it. */
    public String defaultText() {
        return switch (kind) {
            case CHOICE -> fallbackChoice;
            case FLAG -> fallback != 0 ? "true" : "false";
            default -> format(fallback);
        };
    }

    /** The choice ids, in order. */
    public List<String> choiceIds() {
        List<String> ids = new ArrayList<>();
        for (Choice c : choices) {
            ids.add(c.id());
        }
        return ids;
    }

    // ---- reading a value from a source (the default where none is given) ----

    public int integer(SettingValues v) {
        return v.has(name) ? (int) checkInteger(v.number(name)) : (int) fallback(v);
    }

    public double number(SettingValues v) {
        return v.has(name) ? check(v.number(name)) : fallback(v);
    }

    public String choice(SettingValues v) {
        if (v.has(name)) {
            return check(v.text(name));
        }
        String t = fallbackText(v);
        return t != null ? t : fallbackChoice;
    }

    public boolean flag(SettingValues v) {
        if (!v.has(name)) {
            return fallback != 0;
        }
        Boolean b = v.flag(name);
        if (b == null) {
            throw new SettingException(name, label + " must be true or false");
        }
        return b;
    }

    // ---- checking a value given in code ----

    /** Returns {@code v} if it is a whole number within the limits; refuses it otherwise. */
    public int check(int v) {
        return (int) checkInteger(v);
    }

    /** Returns {@code v} if it is within the limits (whole, for an integer setting); refuses it otherwise. */
    public double check(double v) {
        if (kind == Kind.INTEGER) {
            return checkInteger(v);
        }
        if (!(v >= min && v <= max)) {
            throw new SettingException(name, label + " must be a number from " + format(min) + " to " + format(max));
        }
        return v;
    }

    /** Returns {@code v} if it is one of the choices; refuses it otherwise. */
    public String check(String v) {
        for (Choice c : choices) {
            if (c.id().equals(v)) {
                return v;
            }
        }
        throw new SettingException(name, label + " must be one of " + String.join(", ", choiceIds()));
    }

    private double checkInteger(double v) {
        if (v != Math.rint(v) || v < min || v > max) {
            throw new SettingException(name, label + " must be a whole number from " + format(min) + " to " + format(max));
        }
        return v;
    }

    /** A number as a person writes it: 16, 0.5, 0.000001 (no exponent, no trailing ".0"). */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) <= Integer.MAX_VALUE) {
            return Integer.toString((int) v);
        }
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        // shift the decimal point of the mantissa by the exponent: 1.0E-6 -> 0.000001
        String mantissa = s.substring(0, e);
        int exponent = Integer.parseInt(s.substring(e + 1));
        String sign = "";
        if (mantissa.startsWith("-")) {
            sign = "-";
            mantissa = mantissa.substring(1);
        }
        int dot = mantissa.indexOf('.');
        String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits = digits.substring(0, end);
        int point = dot + exponent;
        if (point <= 0) {
            return sign + "0." + "0".repeat(-point) + digits;
        }
        if (point >= digits.length()) {
            return sign + digits + "0".repeat(point - digits.length());
        }
        return sign + digits.substring(0, point) + "." + digits.substring(point);
    }
}
