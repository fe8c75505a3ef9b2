package tearnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house holds its layering: every package of src/main uses only the packages below it, as
 * {@link #ALLOWED} declares, and no two packages use each other, directly or round a longer circle.
 * A use is an import or a fully qualified name ({@code tearnn.json.JsonObject}) in the source.
 */
class LayeringTest {
    static final Path SOURCES = Path.of("src", "main", "java", "tearnn");

    /** Each package and the packages it may use, from the bottom floor up. */
    static final Map<String, Set<String>> ALLOWED = new TreeMap<>(Map.ofEntries(
            Map.entry("math", Set.of()),
            Map.entry("json", Set.of()),
            Map.entry("text", Set.of()),
            Map.entry("settings", Set.of()),
            Map.entry("nn", Set.of("math")),
            Map.entry("loss", Set.of("math")),
            Map.entry("model", Set.of("nn", "loss", "math")),
            Map.entry("optim", Set.of("nn", "math")),
            Map.entry("train", Set.of("model", "optim", "nn", "loss", "math")),
            Map.entry("file", Set.of("train", "model", "optim", "nn", "loss", "math", "text", "json")),
            Map.entry("sample", Set.of("model", "nn", "loss", "math", "settings")),
            Map.entry("task", Set.of("file", "train", "model", "optim", "nn", "loss", "math", "text", "settings")),
            Map.entry("bench", Set.of("task", "train", "model", "optim", "nn", "loss", "math")),
            Map.entry("lab", Set.of("bench", "task", "sample", "file", "train", "model", "optim", "nn", "loss", "math",
                    "text", "json", "settings")),
            Map.entry("cli", Set.of("bench", "task", "sample", "file", "train", "model", "optim", "nn", "loss", "math",
                    "text", "json", "settings")),
            Map.entry("web", Set.of("lab", "file", "json"))));

    static final Set<String> ENGINE = Set.of("math", "nn", "loss", "model", "optim", "train");
    static final Set<String> ABOVE_THE_ENGINE = Set.of("task", "lab", "web", "cli", "bench");

    private static final Pattern USE = Pattern.compile("\\btearnn\\.([a-z]+)\\.[A-Z]");

    /** Package -> the other packages its files use. */
    static Map<String, Set<String>> uses() throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(f.getParent()).toString().replace('/', '.');
                Set<String> used = out.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = USE.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        return out;
    }

    /** A circle of packages each using the next (the last using the first), or an empty list. */
    static List<String> findCircle(Map<String, Set<String>> graph) {
        Map<String, Integer> state = new TreeMap<>();
        List<String> path = new ArrayList<>();
        for (String start : graph.keySet()) {
            List<String> c = visit(start, graph, state, path);
            if (!c.isEmpty()) {
                return c;
            }
        }
        return List.of();
    }

    private static List<String> visit(String p, Map<String, Set<String>> graph, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(p);
        if (s != null && s == 2) {
            return List.of();
        }
        if (s != null && s == 1) {
            return new ArrayList<>(path.subList(path.indexOf(p), path.size()));
        }
        state.put(p, 1);
        path.add(p);
        for (String q : graph.getOrDefault(p, Set.of())) {
            List<String> c = visit(q, graph, state, path);
            if (!c.isEmpty()) {
                return c;
            }
        }
        path.remove(path.size() - 1);
        state.put(p, 2);
        return List.of();
    }

    @Test
    void everyPackageUsesOnlyWhatItMay() throws IOException {
        Map<String, Set<String>> uses = uses();
        assertEquals(ALLOWED.keySet(), uses.keySet(), "every package has its place in ALLOWED");
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : uses.entrySet()) {
            for (String used : e.getValue()) {
                if (!ALLOWED.get(e.getKey()).contains(used)) {
                    wrong.add(e.getKey() + " uses " + used);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theEngineNeverReachesUpAndNoPackagesFormACircle() throws IOException {
        Map<String, Set<String>> uses = uses();
        for (String p : ENGINE) {
            for (String used : uses.get(p)) {
                assertTrue(!ABOVE_THE_ENGINE.contains(used), p + " uses " + used);
            }
        }
        assertEquals(List.of(), findCircle(uses));
        assertEquals(List.of(), findCircle(ALLOWED));
    }

    @Test
    void theCircleFinderFindsCircles() {
        assertEquals(List.of("a", "b", "c"), findCircle(new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a")))));
        assertEquals(List.of("x", "y"), findCircle(new TreeMap<>(Map.of("x", Set.of("y"), "y", Set.of("x")))));
        assertEquals(List.of(), findCircle(Map.of("a", Set.of("b"), "b", Set.of())));
    }
}
