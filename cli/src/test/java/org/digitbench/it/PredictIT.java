package org.digitbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.Dataset;
import org.digitbench.api.PluginRegistry;
import org.digitbench.cli.CliRun;
import org.digitbench.data.DigitPreprocessor;
import org.digitbench.results.predict.Predictor;
import org.digitbench.results.store.SavedModels;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javax.imageio.ImageIO;

/** digitbench predict on real MNIST test digits drawn as users' pictures: other sizes, inverted, off-centre, in colour. */
class PredictIT {
    @TempDir
    static Path out;
    static Path runDir;

    static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    @BeforeAll
    static void trainAndSave() {
        CliRun r = cli("run", "--profile", "quick", "--train-size", "6000", "--test-size", "500", "--no-timing", "--save-models",
                "-m", "smile-svm-rbf,smile-mlp,tribuo-logistic-regression", "--run-id", "predict-it", "-o", out.toString(),
                "--data-dir", RealMnist.location().dir().toString());
        assertEquals(0, r.code(), r.out() + r.err());
        runDir = out.resolve("predict-it");
        assertTrue(Files.isRegularFile(runDir.resolve(SavedModels.FILE)));
    }

    /** A digit (raw MNIST pixels) drawn the way a user's picture might be. */
    static BufferedImage render(float[] digit, int variant) {
        int scale = 2 + variant % 3; // 56, 84 or 112 pixels
        boolean darkOnLight = variant % 2 == 0;
        int offX = variant % 4 == 3 ? 40 : 0;
        int offY = variant % 4 == 3 ? 15 : 0;
        int w = 28 * scale + offX + 20;
        int h = 28 * scale + offY + 10;
        BufferedImage small = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        Color ink = variant % 5 == 4 ? new Color(20, 40, 160) : Color.BLACK;
        Color paper = variant % 5 == 4 ? new Color(250, 240, 180) : Color.WHITE;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                double v = digit[y * 28 + x] / 255.0; // ink amount
                Color fg = darkOnLight ? ink : Color.WHITE;
                Color bg = darkOnLight ? paper : Color.BLACK;
                small.setRGB(x, y, new Color(mix(bg.getRed(), fg.getRed(), v), mix(bg.getGreen(), fg.getGreen(), v),
                        mix(bg.getBlue(), fg.getBlue(), v)).getRGB());
            }
        }
        BufferedImage big = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = big.createGraphics();
        g.setColor(darkOnLight ? paper : Color.BLACK);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(small, offX + 10, offY + 5, 28 * scale, 28 * scale, null);
        g.dispose();
        return big;
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    @Test
    void picturesOfTestDigitsGetTheLabelTheDigitGets() throws IOException {
        Predictor predictor = Predictor.open(runDir, PluginRegistry.discover());
        String best = predictor.manifest().models().stream().max(Comparator.comparingDouble(SavedModels.Entry::accuracy))
                .orElseThrow().pluginId();
        Dataset test = RealMnist.load().test();
        int same = 0;
        int n = 200;
        Path dir = Files.createDirectories(out.resolve("pictures"));
        for (int k = 0; k < n; k++) {
            int i = 9000 + k; // digits the models were not trained or tested on
            float[] digit = test.row(i);
            int original = label(predictor.predict("original", new DigitPreprocessor.Result(digit, 28, 28, false)), best);
            Path file = dir.resolve("digit-" + i + ".png");
            ImageIO.write(render(digit, k), "png", file.toFile());
            DigitPreprocessor.Result pre = DigitPreprocessor.fromFile(file);
            int drawn = label(predictor.predict(file.toString(), pre), best);
            if (drawn == original) {
                same++;
            }
        }
        System.out.printf("PredictIT: %s gave the original digit's label to %d of %d pictures%n", best, same, n);
        assertTrue(same >= 190, best + ": the same label for " + same + " of " + n + " pictures; at least 95% expected");
    }

    private static int label(Predictor.Prediction p, String pluginId) {
        return p.models().stream().filter(m -> m.pluginId().equals(pluginId)).findFirst().orElseThrow().label();
    }

    @Test
    void predictPrintsEveryModelAndTheVoteAndNamesBadInput() throws IOException {
        Path picture = out.resolve("seven.png");
        Dataset test = RealMnist.load().test();
        ImageIO.write(render(test.row(0), 1), "png", picture.toFile()); // MNIST test image 0 is a 7
        CliRun r = cli("predict", "--run", "predict-it", "-o", out.toString(), picture.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("majority vote 7"), r.out());
        assertTrue(r.out().contains("smile-svm-rbf") && r.out().contains("tribuo-logistic-regression"), r.out());

        CliRun j = cli("predict", "--run", "predict-it", "-o", out.toString(), "--json", picture.toString());
        assertEquals(0, j.code(), j.err());
        assertTrue(j.out().contains("\"vote\" : 7"), j.out());

        Path text = Files.writeString(out.resolve("notes.png"), "not an image");
        Path blank = out.resolve("blank.png");
        ImageIO.write(new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
        Path huge = out.resolve("huge.png");
        ImageIO.write(new BufferedImage(5000, 2, BufferedImage.TYPE_BYTE_GRAY), "png", huge.toFile());
        CliRun bad = cli("predict", "--run", "predict-it", "-o", out.toString(), text.toString(), blank.toString(), huge.toString(),
                picture.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains(text + ": not an image; expected a PNG, JPEG, BMP or GIF file"), bad.err());
        assertTrue(bad.err().contains(blank + ": no digit found"), bad.err());
        assertTrue(bad.err().contains(huge + ": 5000x2 pixels, more than the 4096x4096"), bad.err());
        assertTrue(bad.out().contains("majority vote 7"), "the good image is still predicted: " + bad.out());

        Files.createDirectories(out.resolve("no-models"));
        Files.writeString(out.resolve("no-models").resolve("results.json"), Files.readString(runDir.resolve("results.json")));
        CliRun none = cli("predict", "--run", "no-models", "-o", out.toString(), picture.toString());
        assertEquals(1, none.code());
        assertTrue(none.err().contains("run no-models has no saved models (no models/manifest.json): run it again with --save-models"),
                none.err());
        assertTrue(List.of(0, 1).contains(cli("predict", "--help").code()));
    }
}
