package org.digitbench.data;

import org.digitbench.api.SourceFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Downloads MNIST files from public mirrors, with retries, checks the SHA-256 of the decompressed
 * content, and moves a verified file into place atomically (a partial download never looks done).
 */
public final class MnistFetcher {
    /** Public mirrors holding the four gzip files under their usual names. */
    public static final List<URI> DEFAULT_MIRRORS = List.of(
            URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
            URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"),
            URI.create("https://yann.lecun.com/exdb/mnist/"));

    private final List<URI> mirrors;
    private final int attemptsPerMirror;
    private final Duration backoff;
    private final PrintStream log;
    private final HttpClient client;

    /** A fetcher using the default mirrors, three attempts each. */
    public MnistFetcher(PrintStream log) {
        this(DEFAULT_MIRRORS, 3, Duration.ofSeconds(2), log);
    }

    public MnistFetcher(List<URI> mirrors, int attemptsPerMirror, Duration backoff, PrintStream log) {
        if (mirrors.isEmpty() || attemptsPerMirror < 1) {
            throw new IllegalArgumentException("need at least one mirror and one attempt");
        }
        this.mirrors = List.copyOf(mirrors);
        this.attemptsPerMirror = attemptsPerMirror;
        this.backoff = backoff;
        this.log = log;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Downloads one file into {@code dir} as {@code name.gz}, creating the directory if needed.
     *
     * @throws DataFormatException when no mirror delivered a file with the right checksum
     */
    public Path fetch(Mnist.File file, Path dir) {
        return fetch(file.gzName(), file.sha256, dir);
    }

    /**
     * Downloads {@code fileName} from each mirror in turn into {@code dir}, accepting it only when
     * the SHA-256 of its decompressed content is {@code sha256}.
     *
     * @throws DataFormatException when no mirror delivered a file with the right checksum
     */
    public Path fetch(String fileName, String sha256, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DataFormatException("cannot create the data directory '" + dir + "': " + e.getMessage(), e);
        }
        Path target = dir.resolve(fileName);
        List<String> failures = new ArrayList<>();
        for (URI mirror : mirrors) {
            URI uri = mirror.resolve(fileName);
            for (int attempt = 1; attempt <= attemptsPerMirror; attempt++) {
                log.println("Downloading " + uri + (attempt > 1 ? " (attempt " + attempt + ")" : "") + " ...");
                Path part = dir.resolve(fileName + ".part");
                try {
                    download(uri, part);
                    SourceFile source = checksum(part);
                    if (!source.sha256().equals(sha256)) {
                        // a wrong file will not get better by asking the same mirror again
                        failures.add(uri + ": wrong content (SHA-256 " + source.sha256() + ")");
                        break;
                    }
                    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    log.println("  verified " + fileName + " (" + source.bytes() + " bytes decompressed, SHA-256 " + sha256 + ")");
                    return target;
                } catch (IOException | DataFormatException e) {
                    failures.add(uri + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                    sleep(attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DataFormatException("download of " + fileName + " interrupted", e);
                } finally {
                    deleteQuietly(part);
                }
            }
        }
        throw new DataFormatException("could not download " + fileName + " from any mirror ("
                + String.join("; ", failures) + "). Without network access, copy the four MNIST files (gzip IDX) into '"
                + dir + "' or point --data-dir or " + Mnist.ENV + " at a folder that has them");
    }

    private void download(URI uri, Path part) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            Files.copy(body, part, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static SourceFile checksum(Path file) throws IOException {
        try (HashingInput in = HashingInput.open(file)) {
            in.stream().transferTo(java.io.OutputStream.nullOutputStream());
            return in.source();
        }
    }

    private void sleep(int attempt) {
        try {
            Thread.sleep(backoff.multipliedBy(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover .part file is harmless: it is overwritten by the next attempt
        }
    }
}
