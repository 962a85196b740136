package org.digitbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.Dataset;
import org.digitbench.api.PluginRegistry;
import org.digitbench.api.Splits;
import org.digitbench.cli.CliRun;
import org.digitbench.data.DigitPreprocessor;
import org.digitbench.results.ResultsSchema;
import org.digitbench.results.RunResults;
import org.digitbench.results.RunStatus;
import org.digitbench.results.TrialResult;
import org.digitbench.results.TrialStatus;
import org.digitbench.results.predict.Predictor;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.store.RunFolder;
import org.digitbench.testkit.TestData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Datasets other than MNIST, as users bring them: Kaggle's digit-recognizer files (a labelled train.csv, an
 * unlabelled test.csv, a submission), and an IDX folder of another image size, each made here from a slice of real
 * MNIST.
 */
class DatasetsIT {
    @TempDir
    Path dir;

    @Test
    void kagglesWorkflowFromTrainCsvToSubmission() throws IOException {
        Dataset train = Splits.stratifiedSubset(RealMnist.load().train(), 12_000, 3);
        Dataset test = Splits.stratifiedSubset(RealMnist.load().test(), 3_000, 3);
        Path trainCsv = TestData.kaggleCsv(dir.resolve("train.csv"), train, true);
        Path testCsv = TestData.kaggleCsv(dir.resolve("test.csv"), test, false);
        Path out = dir.resolve("reports");

        CliRun run = CliRun.of("run", "--profile", "full", "--dataset", "csv:" + trainCsv, "--save-models", "--allow-busy",
                "-m", "smile-decision-tree,tribuo-logistic-regression,smile-mlp", "--run-id", "kaggle", "-o", out.toString());
        assertEquals(0, run.code(), run.printed());
        Path results = out.resolve("kaggle").resolve(RunFolder.RESULTS);
        ResultsSchema.check(results);
        RunResults r = ResultsStore.read(results);
        assertEquals(RunStatus.COMPLETE, r.status());
        assertEquals(10_000, r.data().train().size(), "full: all of train.csv but the held-out sixth");
        assertEquals(2_000, r.data().test().size(), "a stratified sixth of train.csv is the test set");
        assertEquals(64, r.data().train().sources().get(0).sha256().length());
        TrialResult best = null;
        for (TrialResult t : r.trials()) {
            assertEquals(TrialStatus.OK, t.status(), t.pluginId() + ": " + t.error());
            assertEquals(TrialStatus.OK, t.timing().status(), "benchmarked by JMH: " + t.timing().error());
            best = best == null || t.metrics().accuracy() > best.metrics().accuracy() ? t : best;
        }

        Path submission = dir.resolve("submission.csv");
        CliRun predict = CliRun.of("predict", "--run", "kaggle", "-o", out.toString(), "--csv", testCsv.toString(),
                "--submission", submission.toString());
        assertEquals(0, predict.code(), predict.printed());
        assertTrue(predict.stdout().contains("labelled by " + best.pluginId()), "the most accurate model by default: " + predict.stdout());
        List<String> lines = Files.readAllLines(submission, StandardCharsets.UTF_8);
        assertEquals("ImageId,Label", lines.getFirst(), "Kaggle's header");
        assertEquals(test.size() + 1, lines.size());
        int correct = 0;
        for (int i = 0; i < test.size(); i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertEquals(String.valueOf(i + 1), cells[0], "1-based ids in the file's order");
            correct += Integer.parseInt(cells[1]) == test.label(i) ? 1 : 0;
        }
        double accuracy = correct / (double) test.size();
        System.out.printf(java.util.Locale.ROOT, "DatasetsIT: %s, test accuracy %.4f on the held-out sixth of train.csv; its "
                + "submission for test.csv matched %d of %d held-back labels (%.4f)%n", best.pluginId(), best.metrics().accuracy(),
                correct, test.size(), accuracy);
        assertEquals(best.metrics().accuracy(), accuracy, 0.02,
                "the submission agrees with the held-back labels as the model's reported accuracy says");

        CliRun unlabelledAsTest = CliRun.of("run", "--dataset", "csv:" + trainCsv + "," + testCsv, "-m", "smile-decision-tree",
                "-o", out.toString());
        assertEquals(1, unlabelledAsTest.code());
        assertTrue(unlabelledAsTest.err().contains("test.csv: has no labels") && unlabelledAsTest.err().contains("predict"),
                unlabelledAsTest.err());
    }

    @Test
    void anIdxFolderOfAnotherImageSize() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("mnist-14"));
        TestData.idxPair(folder, "train", halve(Splits.stratifiedSubset(RealMnist.load().train(), 3_000, 5)));
        TestData.idxPair(folder, "t10k", halve(Splits.stratifiedSubset(RealMnist.load().test(), 1_000, 5)));
        Path out = dir.resolve("reports");
        CliRun describe = CliRun.of("data", "--dataset", "idx:" + folder, "--write-descriptor", "--name", "digits-14",
                "--classes", "zero,one,two,three,four,five,six,seven,eight,nine");
        assertEquals(0, describe.code(), describe.printed());
        CliRun run = CliRun.of("run", "--profile", "full", "--no-timing", "--dataset", "idx:" + folder, "--run-id", "small",
                "-m", "smile-decision-tree,tribuo-logistic-regression", "--save-models", "-o", out.toString());
        assertEquals(0, run.code(), run.printed());
        Path results = out.resolve("small").resolve(RunFolder.RESULTS);
        ResultsSchema.check(results);
        RunResults r = ResultsStore.read(results);
        assertEquals(14, r.data().train().summary().height());
        assertEquals("digits-14-train", r.data().train().name(), "named by the folder's descriptor");
        assertEquals(List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"), r.data().classNames());
        for (TrialResult t : r.trials()) {
            assertEquals(TrialStatus.OK, t.status(), t.pluginId() + ": " + t.error());
            assertTrue(t.metrics().accuracy() > 0.7, t.pluginId() + " on 14x14 digits: " + t.metrics().accuracy());
        }
        String html = Files.readString(out.resolve("small").resolve("index.html"));
        assertTrue(html.contains("digits-14-train") && html.contains("<td>3 · three</td>"), "the report names the classes");

        // pictures are made 14x14 images by MNIST's recipe scaled to that size, and answered with the class names
        Predictor predictor = Predictor.open(out.resolve("small"), PluginRegistry.discover());
        assertEquals(NAMES_14, predictor.manifest().classNames());
        Dataset mnist = RealMnist.load().test();
        int same = 0;
        double offset = 0;
        int n = 50;
        Path pictures = Files.createDirectories(dir.resolve("pictures"));
        for (int k = 0; k < n; k++) {
            int i = 9000 + k; // digits the run neither trained nor tested on
            Dataset halved = halve(new Dataset("one", 28, 28, mnist.row(i), new int[] {mnist.label(i)}, List.of(), List.of()));
            int original = predictor.predictAll(predictor.choose("tribuo-logistic-regression"), halved)[0];
            Path file = pictures.resolve("digit-" + i + ".png");
            ImageIO.write(PredictIT.render(mnist.row(i), k), "png", file.toFile());
            Predictor.Prediction p = predictor.predict(file.toString(), DigitPreprocessor.fromFile(file, 14, 14));
            assertEquals(14 * 14, p.pixels().length);
            offset += Math.hypot(centre(halved.row(0), 0) - centre(p.pixels(), 0), centre(halved.row(0), 1) - centre(p.pixels(), 1));
            Predictor.ModelPrediction lr = p.models().stream().filter(m -> m.pluginId().equals("tribuo-logistic-regression"))
                    .findFirst().orElseThrow();
            assertEquals(lr.label() + " · " + NAMES_14.get(lr.label()), lr.className());
            same += lr.label() == original ? 1 : 0;
        }
        System.out.printf(java.util.Locale.ROOT, "DatasetsIT: 14x14 pictures' centre of mass %.2f px from the halved digit's on average; "
                + "tribuo-logistic-regression gave %d of %d pictures the label of the halved digit%n", offset / n, same, n);
        assertTrue(offset / n < 1.0, "the picture is placed where the halved digit is: " + offset / n + " px apart on average");
        assertTrue(same >= 30, same + " of " + n + " pictures got the halved digit's label; at least 60% expected");
        CliRun predict = CliRun.of("predict", "--run", "small", "-o", out.toString(), pictures.resolve("digit-9000.png").toString());
        assertEquals(0, predict.code(), predict.printed());
        assertTrue(predict.stdout().matches("(?s).*majority vote \\d · [a-z]+ \\(\\d of 2 models\\).*"),
                "predict names the classes: " + predict.stdout());
    }

    /** The centre of mass of a 14x14 image along x (0) or y (1). */
    private static double centre(float[] image, int axis) {
        double mass = 0;
        double sum = 0;
        for (int i = 0; i < image.length; i++) {
            mass += image[i];
            sum += image[i] * (axis == 0 ? i % 14 : i / 14);
        }
        return sum / mass;
    }

    private static final List<String> NAMES_14 = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");

    /** The images at half the size (each pixel the mean of a 2x2 block). */
    static Dataset halve(Dataset d) {
        int h = d.height() / 2;
        int w = d.width() / 2;
        float[] px = new float[d.size() * h * w];
        for (int i = 0; i < d.size(); i++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float sum = 0;
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            sum += d.pixel(i, (2 * y + dy) * d.width() + 2 * x + dx);
                        }
                    }
                    px[(i * h + y) * w + x] = Math.round(sum / 4);
                }
            }
        }
        return new Dataset(d.name(), h, w, px, d.labels(), List.of(), List.of());
    }
}
