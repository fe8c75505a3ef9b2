package tearnn.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A golden replay of the page's protocol: the requests of {@code protocol/replay.jsonl} (every panel's
 * verbs, timed and shared calls, refusals) go through a {@link Lab} whose clock advances 1 ms a
 * reading, so that the replies do not depend on the machine; each reply must equal, byte for byte,
 * its line in {@code protocol/replies.jsonl}. A change to the engine's side of the page that should
 * not change what the page hears is held to that. Where a reply is meant to change, write the file
 * anew ({@code mvn test -Dtest=ProtocolReplayTest -Dreplay.write=true}) and let the diff show what did.
 */
class ProtocolReplayTest {
    static final Path DIR = Path.of("src", "test", "resources", "protocol");

    static List<String> replay(List<String> requests) {
        double[] now = {0};
        Lab lab = new Lab(() -> now[0] += 0.001);
        List<String> replies = new ArrayList<>();
        for (String r : requests) {
            replies.add(lab.handle(r));
        }
        return replies;
    }

    @Test
    void theRepliesAreTheRecordedOnes() throws IOException {
        List<String> requests = Files.readAllLines(DIR.resolve("replay.jsonl"), StandardCharsets.UTF_8);
        List<String> replies = replay(requests);
        Path golden = DIR.resolve("replies.jsonl");
        if (Boolean.getBoolean("replay.write")) {
            Files.write(golden, replies, StandardCharsets.UTF_8);
        }
        List<String> recorded = Files.readAllLines(golden, StandardCharsets.UTF_8);
        assertEquals(requests.size(), recorded.size(), "a recorded reply per request");
        for (int i = 0; i < requests.size(); i++) {
            assertEquals(recorded.get(i), replies.get(i), "reply to line " + (i + 1) + ": " + requests.get(i));
        }
    }

    @Test
    void theReplayIsRepeatable() throws IOException {
        List<String> requests = Files.readAllLines(DIR.resolve("replay.jsonl"), StandardCharsets.UTF_8);
        assertEquals(replay(requests), replay(requests));
        assertTrue(requests.size() > 30);
    }
}
