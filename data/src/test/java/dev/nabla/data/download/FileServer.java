package dev.nabla.data.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP server on 127.0.0.1 (a free port) for download tests: each path has a behaviour, and
 * every request is recorded with its Range header.
 */
final class FileServer implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    /** What a path answers. */
    interface Behaviour {
        void answer(HttpExchange exchange, String range) throws IOException;
    }

    /** One request: the path and the Range header (null if none). */
    record Request(String path, String range) {
    }

    private final HttpServer server;
    private final Map<String, Behaviour> paths = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FileServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String range = exchange.getRequestHeaders().getFirst("Range");
            requests.add(new Request(path, range));
            try (exchange) {
                Behaviour b = paths.get(path);
                if (b == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    b.answer(exchange, range);
                }
            } catch (IOException e) {
                // a deliberately broken answer: the connection is dropped
            }
        });
        server.start();
    }

    /** The base URL of folder {@code dir}, e.g. {@code http://127.0.0.1:port/dir/}. */
    URI base(String dir) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + dir + "/");
    }

    FileServer on(String path, Behaviour behaviour) {
        paths.put(path, behaviour);
        return this;
    }

    List<Request> requests() {
        return requests;
    }

    /** Serves {@code bytes}, honouring "bytes=N-" ranges with 206 when {@code ranges} is true. */
    static Behaviour serve(byte[] bytes, boolean ranges) {
        return (exchange, range) -> {
            Matcher m = range == null ? null : RANGE.matcher(range);
            if (ranges && m != null && m.matches()) {
                int from = Integer.parseInt(m.group(1));
                if (from >= bytes.length) {
                    exchange.sendResponseHeaders(416, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/"
                        + bytes.length);
                send(exchange, 206, bytes, from, bytes.length - from, bytes.length - from);
            } else {
                send(exchange, 200, bytes, 0, bytes.length, bytes.length);
            }
        };
    }

    /** Announces all of {@code bytes} but sends only the first {@code sent}, then drops the connection. */
    static Behaviour truncate(byte[] bytes, int sent) {
        return (exchange, range) -> send(exchange, 200, bytes, 0, sent, bytes.length);
    }

    /** The first request is truncated after {@code sent} bytes, later ones are served with ranges. */
    static Behaviour truncateOnce(byte[] bytes, int sent) {
        Behaviour first = truncate(bytes, sent);
        Behaviour rest = serve(bytes, true);
        boolean[] done = {false};
        return (exchange, range) -> {
            boolean firstTime;
            synchronized (done) {
                firstTime = !done[0];
                done[0] = true;
            }
            (firstTime ? first : rest).answer(exchange, range);
        };
    }

    /** Answers with an HTTP status and no body. */
    static Behaviour status(int code) {
        return (exchange, range) -> exchange.sendResponseHeaders(code, -1);
    }

    /** Redirects to {@code location}. */
    static Behaviour redirect(String location) {
        return (exchange, range) -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
        };
    }

    private static void send(HttpExchange exchange, int code, byte[] bytes, int from, int count, long announced)
            throws IOException {
        exchange.sendResponseHeaders(code, announced);
        OutputStream out = exchange.getResponseBody();
        out.write(bytes, from, count);
        out.flush();
        if (count < announced) {
            throw new IOException("dropping the connection after " + count + " of " + announced + " bytes");
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
