package tearnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README is a newcomer's five minutes (at most 200 lines), and every link in it and in
 * {@code docs/} leads to a file of the repository (or to a public address).
 */
class DocsTest {
    static List<Path> documents() throws IOException {
        List<Path> out = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }

    @Test
    void theReadmeIsShort() throws IOException {
        int lines = Files.readAllLines(Path.of("README.md")).size();
        assertTrue(lines <= 200, "README.md has " + lines + " lines");
    }

    @Test
    void everyLinkLeadsSomewhere() throws IOException {
        List<String> broken = new ArrayList<>();
        Pattern link = Pattern.compile("\\]\\(([^)\\s]+)\\)");
        for (Path doc : documents()) {
            Matcher m = link.matcher(Files.readString(doc));
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("https://") || target.startsWith("#")) {
                    continue;
                }
                Path file = doc.resolveSibling(target.replaceAll("#.*$", "")).normalize();
                if (target.startsWith("http") || file.startsWith("..") || !Files.exists(file)) {
                    broken.add(doc + ": " + target);
                }
            }
        }
        assertEquals(List.of(), broken);
    }
}
