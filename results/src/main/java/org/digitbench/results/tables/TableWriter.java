package org.digitbench.results.tables;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a table as CSV (Commons CSV: RFC 4180 quoting, a header row, an empty cell for a missing value, one line per
 * row) or as JSON lines (one object a line, null for a missing value).
 */
public final class TableWriter {
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private TableWriter() {
    }

    /** The formats. */
    public enum Format {
        CSV, JSONL;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Writes {@code data} to {@code out}, and flushes it; {@code out} stays open. */
    public static void write(Tables.Data data, Format format, Writer out) {
        try {
            if (format == Format.CSV) {
                CSVPrinter csv = new CSVPrinter(out, CSV.builder().setHeader(data.columns().toArray(String[]::new)).get());
                for (List<Object> row : data.rows()) {
                    csv.printRecord(row);
                }
                csv.flush(); // not closed: that would close out
            } else {
                for (List<Object> row : data.rows()) {
                    Map<String, Object> object = new LinkedHashMap<>();
                    for (int i = 0; i < data.columns().size(); i++) {
                        object.put(data.columns().get(i), row.get(i));
                    }
                    out.write(JSON.writeValueAsString(object));
                    out.write('\n');
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
