package tearnn.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written JSON reader and writer: what they accept, what they refuse, and where they say it is. */
class JsonTest {
    static String error(String text) {
        return assertThrows(JsonException.class, () -> Json.parse(text)).getMessage();
    }

    @Test
    void readsEveryKindOfValueKeepingKeyOrder() {
        Object v = Json.parse(" {\"b\": [1, -2.5, 3e2, 0], \"a\": {\"t\": true, \"f\": false, \"n\": null}, \"s\": \"x\"} ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of("b", "a", "s"), List.copyOf(m.keySet()));
        assertEquals(List.of(1.0, -2.5, 300.0, 0.0), m.get("b"));
        Map<?, ?> a = (Map<?, ?>) m.get("a");
        assertEquals(Boolean.TRUE, a.get("t"));
        assertEquals(Boolean.FALSE, a.get("f"));
        assertTrue(a.containsKey("n"));
        assertNull(a.get("n"));
        assertEquals(List.of(), Json.parse("[]"));
        assertEquals(Map.of(), Json.parse("{}"));
    }

    @Test
    void malformedTextIsRefusedWithLineAndColumn() {
        assertEquals("malformed JSON at line 1, column 8: expected ',' or '}' in object", error("{\"a\":1 \"b\":2}"));
        assertEquals("malformed JSON at line 3, column 3: unexpected character 'x'", error("[\n 1,\n  x]"));
        assertEquals("malformed JSON at line 1, column 6: unexpected end of text", error("[1, 2"));
        assertEquals("malformed JSON at line 1, column 4: unexpected text after the JSON value", error("{} {}"));
        assertEquals("malformed JSON at line 1, column 2: expected a string key", error("{a: 1}"));
        assertEquals("malformed JSON at line 1, column 6: expected ':' after key \"a\"", error("{\"a\" 1}"));
        assertEquals("malformed JSON at line 1, column 2: expected a digit", error("-"));
        assertEquals("malformed JSON at line 1, column 3: expected a digit", error("1."));
        assertEquals("malformed JSON at line 1, column 1: expected true", error("tru"));
        assertEquals("malformed JSON at line 1, column 1: unterminated string (it opens here)", error("\"abc"));
        assertEquals("malformed JSON at line 1, column 3: control character in string", error("\"a\nb\""));
        assertEquals("malformed JSON at line 1, column 1: non-finite number (JSON cannot hold NaN or Infinity)", error("NaN"));
        assertEquals("malformed JSON at line 1, column 2: non-finite number (JSON cannot hold NaN or Infinity)", error("[-Infinity]"));
        assertEquals("empty JSON text", error(" \n "));
        assertEquals("no JSON text (null)", error(null));
    }

    @Test
    void duplicateKeysAreRefused() {
        assertEquals("malformed JSON at line 1, column 9: duplicate key \"a\"", error("{\"a\":1, \"a\":2}"));
        // the same key in two different objects is fine
        assertEquals(2, ((List<?>) Json.parse("[{\"a\":1}, {\"a\":2}]")).size());
    }

    @Test
    void nestingIsBoundedSoDeepTextCannotOverflowTheStack() {
        assertEquals(512, depth(Json.parse("[".repeat(512) + "]".repeat(512))));
        assertEquals("malformed JSON at line 1, column 513: nesting deeper than 512",
                error("[".repeat(513) + "]".repeat(513)));
        assertTrue(error("{\"a\":".repeat(100_000)).endsWith("nesting deeper than 512"));
    }

    static int depth(Object v) {
        int d = 0;
        while (v instanceof List<?> l) {
            d++;
            v = l.isEmpty() ? null : l.get(0);
        }
        return d;
    }

    @Test
    void hugeAndTinyNumbers() {
        assertEquals(Double.MAX_VALUE, Json.parse("1.7976931348623157e308"));
        assertEquals(Double.MIN_VALUE, Json.parse("4.9e-324"));
        // underflow reads as zero (the nearest double); overflow as infinity, which every typed
        // reader refuses, naming the key
        assertEquals(0.0, Json.parse("1e-400"));
        assertEquals(Double.POSITIVE_INFINITY, Json.parse("1e400"));
        assertEquals("x: \"v\" is not finite", assertThrows(JsonException.class,
                () -> JsonObject.parse("{\"v\": -1e400}", "x").number("v")).getMessage());
        assertEquals(-0.0, Json.parse("-0"));
        assertEquals(123456789012345678.0, Json.parse("123456789012345678"));
    }

    @Test
    void aStringWithAFallbackForAnAbsentOrNullKey() {
        JsonObject o = JsonObject.parse("{\"a\": \"x\", \"b\": null, \"c\": 1}", "o");
        assertEquals("x", o.string("a", "-"));
        assertEquals("-", o.string("b", "-"));
        assertEquals("-", o.string("d", "-"));
        assertEquals("o: \"c\" must be a string, found a number", assertThrows(JsonException.class, () -> o.string("c", "-")).getMessage());
    }

    @Test
    void escapesAndSurrogatePairs() {
        assertEquals("\"\\/\b\f\n\r\t", Json.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\""));
        assertEquals("é", Json.parse("\"\\u00e9\""));
        // an emoji outside the basic plane: as a pair of escapes, or as it is
        assertEquals("\uD83D\uDE00", Json.parse("\"\\ud83d\\ude00\""));
        assertEquals("a\uD83D\uDE00b", Json.parse("\"a\uD83D\uDE00b\""));
        assertEquals("malformed JSON at line 1, column 5: bad hex digit in \\u escape", error("\"\\u0g00\""));
        assertEquals("malformed JSON at line 1, column 4: truncated \\u escape", error("\"\\u12"));
        assertEquals("malformed JSON at line 1, column 3: bad escape \\x", error("\"\\x\""));
    }

    @Test
    void writtenTextReadsBackTheSame() {
        String awkward = "quote \" backslash \\ tab \t newline \n nul \u0000 bell \u0007 line separator \u2028 emoji \uD83D\uDE00";
        String text = new JsonWriter().beginObject().name(awkward).value(awkward)
                .name("numbers").array(new double[] {0.1, -0.0, 1e-300, 6.02214076e23, Double.MAX_VALUE}, 0, 5)
                .endObject().toString();
        Map<?, ?> m = (Map<?, ?>) Json.parse(text);
        assertEquals(awkward, m.get(awkward));
        assertEquals(List.of(0.1, -0.0, 1e-300, 6.02214076e23, Double.MAX_VALUE), m.get("numbers"));
        assertTrue(text.contains("\\u2028") && text.contains("\\u0000"), text);
        assertThrows(IllegalArgumentException.class, () -> new JsonWriter().value(Double.NaN));
    }
}
