package org.digitbench.report;

import org.digitbench.api.DigitbenchException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated regions of a Markdown file: what stands between {@code <!-- NAME -->} and {@code <!-- /NAME -->} is
 * replaced, the rest of the file kept as it is (benchmarks/results/README.md's measured tables, TUNING.md's tunings).
 */
final class MarkedRegions {
    private MarkedRegions() {
    }

    /**
     * Replaces each named region of {@code file} with its content, in one write; says which names it found.
     *
     * @param contents each region's new content by name, in order
     */
    static List<String> update(Path file, Map<String, String> contents) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DigitbenchException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> region : contents.entrySet()) {
            Matcher m = Pattern.compile("(<!-- " + Pattern.quote(region.getKey()) + " -->\\n)(.*?)(<!-- /"
                    + Pattern.quote(region.getKey()) + " -->)", Pattern.DOTALL).matcher(text);
            if (m.find()) {
                text = text.substring(0, m.start(2)) + region.getValue() + text.substring(m.end(2));
                found.add(region.getKey());
            }
        }
        if (!found.isEmpty()) {
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new DigitbenchException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }
        return found;
    }
}
