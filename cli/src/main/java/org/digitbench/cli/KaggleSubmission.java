package org.digitbench.cli;

import org.digitbench.api.Dataset;
import org.digitbench.data.CsvReader;
import org.digitbench.results.predict.Predictor;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** {@code digitbench predict --csv}: one model's label for every image of a CSV file, as Kaggle's submission file. */
final class KaggleSubmission {
    private KaggleSubmission() {
    }

    /**
     * Labels the images of {@code csv} and writes {@code ImageId,Label} rows (ids from 1, in the file's order) to
     * {@code submission}, or prints them when it is {@code null}. A labelled file also gets the model's accuracy on it.
     */
    static int write(Predictor predictor, Path csv, String pluginId, Path submission, PrintStream out, PrintStream err)
            throws IOException {
        Predictor.Model chosen = predictor.choose(pluginId);
        Dataset images = new CsvReader(predictor.manifest().height(), predictor.manifest().width())
                .read(csv, csv.getFileName().toString());
        int[] labels = predictor.predictAll(chosen, images);
        StringBuilder sb = new StringBuilder("ImageId,Label\n");
        for (int i = 0; i < labels.length; i++) {
            sb.append(i + 1).append(',').append(labels[i]).append('\n');
        }
        String how = String.format(java.util.Locale.ROOT, "%s (test accuracy %.4f in run %s)", chosen.entry().pluginId(),
                chosen.entry().accuracy(), predictor.manifest().runId());
        if (submission == null) {
            out.print(sb);
        } else {
            Path target = submission.toAbsolutePath();
            if (!Files.isDirectory(target.getParent())) {
                throw new org.digitbench.api.DigitbenchException("--submission " + submission + ": the folder " + target.getParent()
                        + " does not exist");
            }
            if (Files.isDirectory(target)) {
                throw new org.digitbench.api.DigitbenchException("--submission " + submission + ": is a folder; name the file to write");
            }
            Path tmp = Files.createTempFile(target.getParent(), ".submission-", ".tmp");
            try {
                Files.writeString(tmp, sb, StandardCharsets.UTF_8);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            out.printf("Submission: %s (%d images labelled by %s)%n", submission, labels.length, how);
        }
        if (images.isLabelled()) {
            int correct = 0;
            for (int i = 0; i < labels.length; i++) {
                correct += labels[i] == images.label(i) ? 1 : 0;
            }
            err.printf(java.util.Locale.ROOT, "%s is labelled: %s got %d of %d right (accuracy %.4f)%n", csv,
                    chosen.entry().pluginId(), correct, labels.length, correct / (double) labels.length);
        } else if (submission == null) {
            err.println("Labelled by " + how);
        }
        return 0;
    }
}
