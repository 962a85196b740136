package org.digitbench.data;

import org.digitbench.api.SourceFile;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * Opens a data file, decompressing it when it is gzip (recognised by its magic bytes, not its name),
 * and computes the SHA-256 and length of the decompressed content while it is read.
 */
final class HashingInput implements AutoCloseable {
    private final Path path;
    private final MessageDigest digest;
    private final CountingStream counting;
    private final InputStream stream;

    private HashingInput(Path path) throws IOException {
        this.path = path;
        this.digest = sha256();
        InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        InputStream decoded = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
        this.counting = new CountingStream(new DigestInputStream(decoded, digest));
        this.stream = new BufferedInputStream(counting, 1 << 16);
    }

    /**
     * Opens a file.
     *
     * @throws DataFormatException when it does not exist or cannot be read
     */
    static HashingInput open(Path path) {
        try {
            if (Files.isDirectory(path)) {
                throw new DataFormatException(path + ": is a directory, expected a data file");
            }
            if (Files.exists(path) && !Files.isRegularFile(path)) {
                throw new DataFormatException(path + ": is " + kind(path) + ", not a regular file; expected a data file");
            }
            return new HashingInput(path);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(path + ": file not found");
        } catch (IOException e) {
            throw new DataFormatException(path + ": cannot read: " + describe(e), e);
        }
    }

    /** What a path that exists but is no regular file is, in words. */
    static String kind(Path path) {
        try {
            var attrs = Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class);
            if (attrs.isDirectory()) {
                return "a folder";
            }
            if (attrs.isOther()) {
                return Files.isSymbolicLink(path) ? "a symbolic link to a device or a pipe (" + Files.readSymbolicLink(path) + ")"
                        : "a device or a pipe";
            }
        } catch (IOException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
        return "not a regular file";
    }

    /** The decompressed content. */
    InputStream stream() {
        return stream;
    }

    /** The provenance of the content read so far (call after the whole content was read). */
    SourceFile source() {
        return new SourceFile(path.toString(), HexFormat.of().formatHex(digest.digest()), counting.count);
    }

    /** An I/O error in words, for messages: names corrupt gzip data as such. */
    static String describe(IOException e) {
        String cls = e.getClass().getSimpleName();
        String msg = e.getMessage() == null ? cls : e.getMessage();
        if (e instanceof java.util.zip.ZipException || msg.contains("ZLIB") || msg.contains("GZIP")) {
            return "corrupt gzip data (" + msg + ")";
        }
        if (e instanceof java.io.EOFException) {
            return "the file ends too early (truncated)";
        }
        return msg;
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException ignored) {
            // closing a read-only stream: nothing to recover
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
