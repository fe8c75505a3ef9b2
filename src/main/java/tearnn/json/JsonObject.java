package tearnn.json;

import java.util.List;
import java.util.Map;

/** Typed access to the members of a parsed JSON object, with errors that name the missing or mistyped key. */
public final class JsonObject {
    private final Map<String, Object> map;
    private final String where;

    @SuppressWarnings("unchecked")
    public JsonObject(Object value, String where) {
        if (!(value instanceof Map)) {
            throw new JsonException(where + ": expected a JSON object, found " + JsonArrays.describe(value));
        }
        this.map = (Map<String, Object>) value;
        this.where = where;
    }

    public static JsonObject parse(String text, String where) {
        return new JsonObject(Json.parse(text), where);
    }

    public Map<String, Object> map() {
        return map;
    }

    public boolean has(String key) {
        return map.containsKey(key);
    }

    public Object get(String key) {
        if (!map.containsKey(key)) {
            throw new JsonException(where + ": missing key \"" + key + "\"");
        }
        return map.get(key);
    }

    public String string(String key) {
        Object v = get(key);
        if (!(v instanceof String s)) {
            throw new JsonException(where + ": \"" + key + "\" must be a string, found " + JsonArrays.describe(v));
        }
        return s;
    }

    /** The string at {@code key}, or {@code fallback} where the key is absent or null. */
    public String string(String key, String fallback) {
        return has(key) && map.get(key) != null ? string(key) : fallback;
    }

    public double number(String key) {
        Object v = get(key);
        if (!(v instanceof Double d)) {
            throw new JsonException(where + ": \"" + key + "\" must be a number, found " + JsonArrays.describe(v));
        }
        if (d.isNaN() || d.isInfinite()) {
            throw new JsonException(where + ": \"" + key + "\" is not finite");
        }
        return d;
    }

    public double number(String key, double fallback) {
        return has(key) ? number(key) : fallback;
    }

    public int integer(String key) {
        double d = number(key);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new JsonException(where + ": \"" + key + "\" must be an integer, found " + d);
        }
        return (int) d;
    }

    public int integer(String key, int fallback) {
        return has(key) ? integer(key) : fallback;
    }

    public boolean bool(String key) {
        Object v = get(key);
        if (!(v instanceof Boolean b)) {
            throw new JsonException(where + ": \"" + key + "\" must be true or false, found " + JsonArrays.describe(v));
        }
        return b;
    }

    public boolean bool(String key, boolean fallback) {
        return has(key) ? bool(key) : fallback;
    }

    public JsonObject object(String key) {
        return new JsonObject(get(key), where + "." + key);
    }

    public List<?> list(String key) {
        Object v = get(key);
        if (!(v instanceof List<?> l)) {
            throw new JsonException(where + ": \"" + key + "\" must be an array, found " + JsonArrays.describe(v));
        }
        return l;
    }

    public double[] array(String key, int... shape) {
        return JsonArrays.read(get(key), shape, where + "." + key);
    }
}
