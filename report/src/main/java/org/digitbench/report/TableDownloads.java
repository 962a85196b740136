package org.digitbench.report;

import org.digitbench.results.RunResults;
import org.digitbench.results.tables.TableWriter;
import org.digitbench.results.tables.Tables;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The run's tables as CSV files the report offers for download, embedded as data URIs so the page stays one file: the
 * same tables as {@code digitbench export}, except the predictions (a row per test image and model: several MB for a
 * full run), which the command writes.
 */
final class TableDownloads {
    private TableDownloads() {
    }

    /** One download: its file name, its rows, and the data URI. */
    record Download(String file, int rows, String href) {
    }

    static List<Download> of(RunResults results) {
        List<Download> downloads = new ArrayList<>();
        for (Tables.Table t : List.of(Tables.Table.TRIALS, Tables.Table.METRICS, Tables.Table.TIMING, Tables.Table.PER_CLASS)) {
            Tables.Data data = Tables.of(results, t);
            StringWriter csv = new StringWriter();
            TableWriter.write(data, TableWriter.Format.CSV, csv);
            downloads.add(new Download(results.runId() + "-" + t.id() + ".csv", data.rows().size(),
                    "data:text/csv;charset=utf-8;base64," + Base64.getEncoder().encodeToString(csv.toString().getBytes(StandardCharsets.UTF_8))));
        }
        return downloads;
    }
}
