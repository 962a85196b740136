package org.digitbench.run.cache;

import org.digitbench.api.DigitbenchException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The SHA-256 of the code a class was loaded from: its jar's entries, or its classes folder's files, by name and
 * content in name order. A jar's manifest and Maven's {@code META-INF/maven/} files are left out, and so are the
 * entries' times, so the same sources compiled twice give the same hash and a changed class a new one.
 */
final class CodeHash {
    private static final Map<Path, String> KNOWN = new ConcurrentHashMap<>();

    private CodeHash() {
    }

    /** The hash of the jar or folder {@code type} came from, or {@code "unknown"} when the JVM does not say. */
    static String of(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "unknown"; // the JDK's own classes
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            return KNOWN.computeIfAbsent(location, CodeHash::hash);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return "unknown";
        }
    }

    static String hash(Path location) {
        MessageDigest digest = sha256();
        try {
            if (Files.isDirectory(location)) {
                List<Path> files;
                try (Stream<Path> all = Files.walk(location)) {
                    files = all.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    add(digest, location.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                }
            } else {
                try (ZipFile jar = new ZipFile(location.toFile())) {
                    List<? extends ZipEntry> entries = jar.stream().filter(e -> !e.isDirectory() && counts(e.getName()))
                            .sorted(java.util.Comparator.comparing(ZipEntry::getName)).toList();
                    for (ZipEntry e : entries) {
                        try (InputStream in = jar.getInputStream(e)) {
                            add(digest, e.getName(), in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new DigitbenchException("cannot read the code in " + location + " to key the trial cache: " + e.getMessage()
                    + " (--no-cache runs without the cache)", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static boolean counts(String name) {
        return !name.equals("META-INF/MANIFEST.MF") && !name.startsWith("META-INF/maven/");
    }

    private static void add(MessageDigest digest, String name, byte[] content) {
        digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(java.nio.ByteBuffer.allocate(Long.BYTES).putLong(content.length).array());
        digest.update(content);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
