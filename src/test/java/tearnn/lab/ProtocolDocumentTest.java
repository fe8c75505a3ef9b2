package tearnn.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tearnn.json.JsonObject;

/**
 * {@code docs/protocol.md} is the protocol the engine answers: its verb headings are exactly the
 * verbs of {@link Panels} (common and own), {@code describe}, the benchmark's, and the two reached
 * through {@code tearnnGather}; and the {@link Lab} answers every one of them (none is an "unknown
 * command") and no other.
 */
class ProtocolDocumentTest {
    static final Path DOC = Path.of("docs", "protocol.md");

    /** The verbs the engine answers, as the document writes them (a common verb as {@code <panel>.verb}). */
    static Set<String> answered() {
        Set<String> out = new TreeSet<>();
        out.add("describe");
        for (String v : Verb.common().keySet()) {
            out.add("<panel>." + v);
        }
        out.add("<panel>.gather");
        for (Panel p : Panels.ALL) {
            for (String v : p.ownVerbs().keySet()) {
                out.add(p.name() + "." + v);
            }
        }
        for (String v : BenchSession.VERBS) {
            out.add("bench." + v);
        }
        out.add("bench.gather");
        return out;
    }

    static Set<String> documented() throws IOException {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^### `([^`]+)`$").matcher(Files.readString(DOC));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyVerbTheEngineAnswersIsDocumentedAndNoOther() throws IOException {
        assertEquals(answered(), documented());
    }

    @Test
    void theEngineAnswersEveryRegisteredVerbAndRefusesOthers() {
        Lab lab = new Lab(() -> System.nanoTime() / 1e9);
        for (Panel p : Panels.ALL) {
            for (String v : p.verbs().keySet()) {
                String error = error(lab.handle("{\"cmd\":\"" + p.name() + "." + v + "\"}"));
                assertFalse(error.startsWith("unknown command"), p.name() + "." + v + ": " + error);
            }
            assertEquals("unknown command '" + p.name() + ".gather'", error(lab.handle("{\"cmd\":\"" + p.name() + ".gather\"}")),
                    "gather comes with the contributions, through Lab.gather");
            String gathered = error(lab.gather("{\"cmd\":\"" + p.name() + ".gather\"}", new double[0][]));
            assertFalse(gathered.startsWith("unknown command"), "and is answered there: " + gathered);
            assertEquals("unknown command '" + p.name() + ".fly'", error(lab.handle("{\"cmd\":\"" + p.name() + ".fly\"}")));
        }
        for (String v : BenchSession.VERBS) {
            String error = error(lab.handle("{\"cmd\":\"bench." + v + "\"}"));
            assertFalse(error.startsWith("unknown command"), "bench." + v + ": " + error);
        }
        assertEquals("unknown command 'bench.fly'", error(lab.handle("{\"cmd\":\"bench.fly\"}")));
        assertTrue(JsonObject.parse(lab.handle("{\"cmd\":\"describe\"}"), "reply").bool("ok"));
    }

    /** The reply's error, or "" if it succeeded. */
    static String error(String reply) {
        JsonObject r = JsonObject.parse(reply, "reply");
        return r.bool("ok") ? "" : r.string("error");
    }
}
