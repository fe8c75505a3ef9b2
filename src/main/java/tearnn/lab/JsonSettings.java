package tearnn.lab;

import java.util.List;
import java.util.Map;
import tearnn.json.JsonObject;
import tearnn.json.JsonWriter;
import tearnn.settings.Setting;
import tearnn.settings.SettingValues;

/**
 * Settings as the page sends them (a JSON object; form fields arrive as text, so a string holding
 * a number counts as that number) and the description of settings the page builds its forms from.
 */
final class JsonSettings implements SettingValues {
    private final JsonObject values;

    JsonSettings(JsonObject values) {
        this.values = values;
    }

    /** The request's {@code key} object, or no values if the request has none. */
    static SettingValues of(JsonObject request, String key) {
        return request.has(key) ? new JsonSettings(request.object(key)) : SettingValues.NONE;
    }

    @Override
    public boolean has(String name) {
        return values.has(name);
    }

    @Override
    public double number(String name) {
        Object v = values.get(name);
        if (v instanceof Double x) {
            return x;
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    @Override
    public String text(String name) {
        return values.get(name) instanceof String s ? s : null;
    }

    @Override
    public Boolean flag(String name) {
        return values.get(name) instanceof Boolean b ? b : null;
    }

    /** Writes {@code "settings": {name: value as text, ...}}. */
    static void values(Map<String, String> values, JsonWriter out) {
        out.name("settings").beginObject();
        for (Map.Entry<String, String> e : values.entrySet()) {
            out.name(e.getKey()).value(e.getValue());
        }
        out.endObject();
    }

    /**
     * Writes the settings as an array of {@code {"name", "label", "kind": "integer"|"number"|"choice"|
     * "flag", "default", "min", "max", "choices": [{"id", "label"}]}} (limits for numbers, choices
     * for choices), and where they are: "defaultWhen" (a default that follows another setting's
     * choice) and "shownWhen" (the choices of other settings at which it applies at all).
     */
    static void describe(List<Setting> settings, JsonWriter out) {
        out.beginArray();
        for (Setting s : settings) {
            out.beginObject().name("name").value(s.name()).name("label").value(s.label())
                    .name("kind").value(s.kind().name().toLowerCase()).name("default").value(s.defaultText());
            switch (s.kind()) {
                case INTEGER, NUMBER -> out.name("min").value(s.min()).name("max").value(s.max());
                case CHOICE -> {
                    out.name("choices").beginArray();
                    for (Setting.Choice c : s.choices()) {
                        out.beginObject().name("id").value(c.id()).name("label").value(c.label()).endObject();
                    }
                    out.endArray();
                }
                case FLAG -> { }
            }
            if (!s.defaultsWhen().isEmpty()) {
                // {"level": {"char": "128"}}: the default where another setting has that choice
                out.name("defaultWhen").beginObject();
                for (Map.Entry<String, Map<String, String>> e : s.defaultsWhen().entrySet()) {
                    out.name(e.getKey()).beginObject();
                    for (Map.Entry<String, String> c : e.getValue().entrySet()) {
                        out.name(c.getKey()).value(c.getValue());
                    }
                    out.endObject();
                }
                out.endObject();
            }
            if (!s.shownWhen().isEmpty()) {
                // {"init": ["chrono"]}: the setting applies (and is shown) only where init is chrono
                out.name("shownWhen").beginObject();
                for (Map.Entry<String, List<String>> e : s.shownWhen().entrySet()) {
                    out.name(e.getKey()).beginArray();
                    for (String c : e.getValue()) {
                        out.value(c);
                    }
                    out.endArray();
                }
                out.endObject();
            }
            out.endObject();
        }
        out.endArray();
    }
}
