package org.digitbench.api;

/**
 * A file a dataset was read from.
 *
 * @param path   the path as given
 * @param sha256 SHA-256 of the file's decompressed content, in lower-case hex
 * @param bytes  length of the decompressed content
 */
public record SourceFile(String path, String sha256, long bytes) {
}
