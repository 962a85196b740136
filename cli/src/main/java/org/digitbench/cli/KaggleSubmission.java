package org.digitbench.cli;

import org.digitbench.api.Dataset;
import org.digitbench.api.DigitbenchException;
import org.digitbench.data.CsvReader;
import org.digitbench.data.SafeFiles;
import org.digitbench.results.predict.Predictor;
import org.digitbench.results.store.RunFolder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** {@code digitbench predict --csv}: one model's label for every image of a CSV file, as Kaggle's submission file. */
final class KaggleSubmission {
    private KaggleSubmission() {
    }

    /** Files that mark a run folder (or a run over several datasets): nothing is written into one but by digitbench run. */
    private static final java.util.List<String> RUN_MARKS = java.util.List.of(RunFolder.RESULTS, RunFolder.DATASETS);

    /**
     * Where {@code --submission} may write: a new file, or a regular file that is not the CSV read, in an existing folder
     * that is not inside a run folder. A device ({@code /dev/full}), a pipe, a folder or a link is refused, and so is
     * every file of a run ({@code reports/RUN/results.json}).
     *
     * @return the absolute target
     */
    static Path checkTarget(Path submission, Path csv) {
        Path target = submission.toAbsolutePath().normalize();
        String option = "--submission " + submission;
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new DigitbenchException(option + ": the folder " + target.getParent() + " does not exist");
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new DigitbenchException(option + ": is a folder; name the file to write");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !SafeFiles.isRegularFile(target)) {
            throw new DigitbenchException(option + ": exists and is not a regular file (a device, a pipe or a link); "
                    + "name a new file or a regular one to replace");
        }
        if (csv != null && target.equals(csv.toAbsolutePath().normalize())) {
            throw new DigitbenchException(option + ": is the CSV file the images are read from; name another file");
        }
        for (Path dir = target.getParent(); dir != null; dir = dir.getParent()) {
            for (String mark : RUN_MARKS) {
                if (Files.exists(dir.resolve(mark), LinkOption.NOFOLLOW_LINKS)) {
                    throw new DigitbenchException(option + ": is inside the run folder " + dir + " (it holds " + mark
                            + "); a run's files are its results: write the submission elsewhere");
                }
            }
        }
        return target;
    }

    /**
     * Labels the images of {@code csv} and writes {@code ImageId,Label} rows (ids from 1, in the file's order) to
     * {@code submission}, or prints them when it is {@code null}. A labelled file also gets the model's accuracy on it.
     */
    static int write(Predictor predictor, Path csv, String pluginId, Path submission, PrintStream out, PrintStream err)
            throws IOException {
        Path target = submission == null ? null : checkTarget(submission, csv); // before any work: an output never replaces an input
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
            String rows = sb.toString();
            SafeFiles.writeAtomicallyInOutputFolder(target.getParent(), target.getFileName().toString(),
                    o -> o.write(rows.getBytes(StandardCharsets.UTF_8)));
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
