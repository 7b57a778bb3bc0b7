package io.neuralbytes.datasets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** An HTTP server on 127.0.0.1 with a free port, serving byte arrays the test registers. */
final class LocalServer implements AutoCloseable {

    /** The response sent for a path. */
    enum Mode {
        /** The whole body with status 200. */
        COMPLETE,
        /** Status 200 announcing the whole length, half the body, then the connection closes. */
        DROP_HALFWAY,
        /** Status 200 announcing the whole length, half the body, then silence until close. */
        STALL_HALFWAY,
        /** Status 404 and no body. */
        NOT_FOUND
    }

    private record Entry(byte[] body, Mode mode) {
    }

    private final HttpServer server;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);

    LocalServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        // A stalled response blocks its thread, so each exchange runs on a thread of its own.
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    void serve(String path, byte[] body, Mode mode) {
        entries.put(path, new Entry(body, mode));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    int requestCount() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        Entry entry = entries.get(exchange.getRequestURI().getPath());
        if (entry == null || entry.mode() == Mode.NOT_FOUND) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(200, entry.body().length);
        OutputStream out = exchange.getResponseBody();
        if (entry.mode() == Mode.COMPLETE) {
            out.write(entry.body());
            out.close();
            return;
        }
        out.write(entry.body(), 0, entry.body().length / 2);
        out.flush();
        if (entry.mode() == Mode.STALL_HALFWAY) {
            try {
                closing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // Closing the exchange with bytes still owed makes the JDK server close the connection.
        exchange.close();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
