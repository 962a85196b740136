package org.digitbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.testkit.TestData;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/** Downloads from mirrors served on the loopback interface by the JDK's HTTP server. */
class MnistFetcherTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private final byte[] content = "the decompressed content".getBytes();
    private final String sha = TestData.sha256(content);
    private final AtomicInteger flakyCalls = new AtomicInteger();
    private final PrintStream log = new PrintStream(new ByteArrayOutputStream());

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] gz = gzip(content);
        server.createContext("/good/", ex -> {
            ex.sendResponseHeaders(200, gz.length);
            ex.getResponseBody().write(gz);
            ex.close();
        });
        server.createContext("/broken/", ex -> {
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        server.createContext("/flaky/", ex -> {
            if (flakyCalls.incrementAndGet() == 1) {
                ex.sendResponseHeaders(503, -1);
            } else {
                ex.sendResponseHeaders(200, gz.length);
                ex.getResponseBody().write(gz);
            }
            ex.close();
        });
        byte[] wrong = gzip("other content".getBytes());
        server.createContext("/wrong/", ex -> {
            ex.sendResponseHeaders(200, wrong.length);
            ex.getResponseBody().write(wrong);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI mirror(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + path + "/");
    }

    private MnistFetcher fetcher(URI... mirrors) {
        return new MnistFetcher(List.of(mirrors), 2, Duration.ofMillis(1), log);
    }

    @Test
    void fallsBackToTheNextMirrorAndVerifiesTheContent() throws IOException {
        Path p = fetcher(mirror("broken"), mirror("good")).fetch("f.gz", sha, dir.resolve("sub"));
        assertEquals(dir.resolve("sub").resolve("f.gz"), p);
        try (HashingInput in = HashingInput.open(p)) {
            assertArrayEquals(content, in.stream().readAllBytes());
        }
        assertFalse(Files.exists(dir.resolve("sub").resolve("f.gz.part")));
    }

    @Test
    void retriesTheSameMirror() {
        fetcher(mirror("flaky")).fetch("f.gz", sha, dir);
        assertEquals(2, flakyCalls.get());
    }

    @Test
    void rejectsWrongContentAndLeavesNothingBehind() throws IOException {
        var e = assertThrows(DataFormatException.class, () -> fetcher(mirror("wrong"), mirror("broken")).fetch("f.gz", sha, dir));
        assertTrue(e.getMessage().contains("could not download f.gz from any mirror"), e.getMessage());
        assertTrue(e.getMessage().contains("wrong content (SHA-256 " + TestData.sha256("other content".getBytes()) + ")"), e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void withoutNetworkSaysWhereToPutTheFiles() {
        URI closed = URI.create("http://127.0.0.1:1/");
        var e = assertThrows(DataFormatException.class, () -> fetcher(closed).fetch("f.gz", sha, dir));
        assertTrue(e.getMessage().contains("copy the four MNIST files (gzip IDX) into '" + dir + "'"), e.getMessage());
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }
}
