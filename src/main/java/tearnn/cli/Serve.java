package tearnn.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves the built site (a static folder) on 127.0.0.1 with the JDK's HTTP server, so the page
 * runs with nothing else installed: {@code mvn -q package -DskipTests exec:java}.
 * Arguments: [folder (target/site)] [port (8080; the next free one if taken)].
 */
public final class Serve {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "wasm", "application/wasm", "json", "application/json", "png", "image/png", "svg", "image/svg+xml",
            "txt", "text/plain; charset=utf-8", "ico", "image/x-icon");

    private Serve() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "target/site");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8080;
        try {
            HttpServer server = start(root, port);
            System.out.println("tearnn: serving " + root.toAbsolutePath().normalize() + " at http://127.0.0.1:"
                    + server.getAddress().getPort() + "/ (Ctrl-C stops)");
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("tearnn: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Starts serving {@code folder} on 127.0.0.1 at {@code port} or the next free port of the 20 after it (0: any). */
    public static HttpServer start(Path folder, int port) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("index.html"))) {
            throw new IllegalArgumentException("no site in " + root + ": build it first with mvn package");
        }
        HttpServer server = null;
        for (int p = port; server == null; p++) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", p), 0);
            } catch (BindException e) {
                if (port == 0 || p >= port + 19) {
                    throw new IOException("no free port from " + port + " to " + (port + 19));
                }
            }
        }
        server.createContext("/", ex -> serve(root, ex));
        server.start();
        return server;
    }

    private static void serve(Path root, HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (path.endsWith("/")) {
                path += "index.html";
            }
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file) || !ex.getRequestMethod().equals("GET")) {
                byte[] msg = "not found".getBytes();
                ex.sendResponseHeaders(404, msg.length);
                ex.getResponseBody().write(msg);
                return;
            }
            String name = file.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.') + 1);
            ex.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
            ex.getResponseHeaders().set("Cache-Control", "no-cache");
            byte[] body = Files.readAllBytes(file);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
