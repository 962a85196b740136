package org.digitbench.run.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Passes a trial JVM's output through, folding a run of lines that say the same thing into the first of them and a
 * count: a native library that warns at every call (libtorch's "Could not initialize NNPACK!" on CPUs without it,
 * once per convolution) would otherwise fill the console with thousands of lines. Two lines say the same thing when
 * they are equal once a leading bracketed prefix (a log's level and time stamp, "[W1205 18:15:20.33 NNPACK.cpp:57]") is
 * left out. A progress bar's redrawing ("\r") passes through as it comes; so does a line the next one differs from.
 */
final class RepeatFolding extends OutputStream {
    private final OutputStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private String lastKey;
    private int repeats;

    RepeatFolding(OutputStream out) {
        this.out = out;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            line.write(b);
            if (b == '\n') {
                endLine();
            } else if (b == '\r') { // a progress bar redraws its line: show it now, never fold it
                passThrough();
            }
        }
    }

    private void endLine() throws IOException {
        byte[] bytes = line.toByteArray();
        line.reset();
        String key = key(new String(bytes, StandardCharsets.UTF_8));
        if (key.equals(lastKey) && !key.isBlank()) {
            repeats++;
            return;
        }
        writeCount();
        lastKey = key;
        out.write(bytes);
    }

    private void passThrough() throws IOException {
        writeCount();
        lastKey = null;
        line.writeTo(out);
        line.reset();
    }

    private void writeCount() throws IOException {
        if (repeats > 0) {
            out.write(String.format(Locale.ROOT, "  (the line above %d more time%s)%n", repeats, repeats == 1 ? "" : "s")
                    .getBytes(StandardCharsets.UTF_8));
            repeats = 0;
        }
    }

    /** The line without its end and without a leading "[...]" prefix. */
    static String key(String line) {
        String s = line.strip();
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close > 0) {
                s = s.substring(close + 1).strip();
            }
        }
        return s;
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    /** Writes what is pending (a last line without its end, the count of a run of repeats) and flushes. */
    @Override
    public synchronized void close() throws IOException {
        passThrough();
        out.flush();
    }
}
