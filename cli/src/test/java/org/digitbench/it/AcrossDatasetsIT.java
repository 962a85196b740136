package org.digitbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.digitbench.api.Dataset;
import org.digitbench.api.Splits;
import org.digitbench.cli.CliRun;
import org.digitbench.testkit.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Three models on three datasets, one run each — a slice of real MNIST, the same digits at 14×14 and the same digits
 * mirrored, as IDX folders — then the page comparing them across datasets, checked in a browser.
 */
class AcrossDatasetsIT {
    private static final String MODELS = "smile-decision-tree,tribuo-logistic-regression,smile-logistic-regression";

    @TempDir
    Path dir;

    @Test
    void threeRunsOnThreeDatasetsRankedWithFriedmanAndNemenyi() throws IOException {
        Path out = dir.resolve("reports");
        Dataset train = Splits.stratifiedSubset(RealMnist.load().train(), 2_000, 9);
        Dataset test = Splits.stratifiedSubset(RealMnist.load().test(), 500, 9);
        Path small = Files.createDirectories(dir.resolve("mnist-14"));
        TestData.idxPair(small, "train", DatasetsIT.halve(train));
        TestData.idxPair(small, "t10k", DatasetsIT.halve(test));
        Path mirrored = Files.createDirectories(dir.resolve("mnist-mirrored"));
        TestData.idxPair(mirrored, "train", mirror(train));
        TestData.idxPair(mirrored, "t10k", mirror(test));

        run("--data-dir", RealMnist.location().dir().toString(), "--train-size", "2000", "--test-size", "500", "--run-id", "mnist", "-o", out.toString());
        run("--profile", "full", "--dataset", "idx:" + small, "--run-id", "small", "-o", out.toString());
        run("--profile", "full", "--dataset", "idx:" + mirrored, "--run-id", "mirrored", "-o", out.toString());

        CliRun same = CliRun.of("report", "--across-datasets", "mnist", "mnist", "-o", out.toString());
        assertEquals(1, same.code());
        assertTrue(same.err().contains("are on the same dataset"), same.err());

        CliRun report = CliRun.of("report", "--across-datasets", "mnist", "small", "mirrored", "-o", out.toString());
        assertEquals(0, report.code(), report.printed());
        Path page = out.resolve("across-mnist-small-mirrored.html");
        assertTrue(report.stdout().contains(page.toString()), report.stdout());
        String html = Files.readString(page);
        for (String name : List.of("mnist", "mnist-14", "mnist-mirrored")) {
            assertTrue(html.contains("<td>" + name + "</td>"), name);
        }
        assertTrue(html.contains("Friedman's test over 3 datasets and 3 models"), "three datasets: tested");
        System.out.println("AcrossDatasetsIT: " + html.replaceAll("(?s).*(Friedman's test over.*?)</p>.*", "$1").replaceAll("\\s+", " "));

        ChromeDriver driver = HeadlessChromium.start();
        try {
            driver.get(page.toUri().toString());
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector("#cd-chart svg")).isEmpty());
            HeadlessChromium.assertNoConsoleErrors(driver);
            List<WebElement> rows = driver.findElements(By.cssSelector("#across tbody tr"));
            assertEquals(3, rows.size(), "one row per model");
            for (WebElement row : rows) {
                assertEquals(2 + 3 + 1, row.findElements(By.tagName("td")).size(), "model, library, three datasets, mean rank");
            }
            String chart = driver.findElement(By.cssSelector("#cd-chart svg")).getDomProperty("outerHTML");
            for (String id : MODELS.split(",")) {
                assertTrue(chart.contains(id), "the diagram names " + id);
            }
            assertTrue(driver.findElement(By.cssSelector("#datasets a[href='small/index.html']")).isDisplayed(), "links each run");
            HeadlessChromium.screenshot(driver, Path.of("target/screenshots/across-datasets.png"));
        } finally {
            driver.quit();
        }
    }

    private static void run(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "run";
        all[1] = "--no-timing";
        all[2] = "--allow-busy";
        all[3] = "-m";
        all[4] = MODELS;
        System.arraycopy(args, 0, all, 5, args.length);
        CliRun r = CliRun.of(all);
        assertEquals(0, r.code(), r.printed());
    }

    /** The images mirrored left to right. */
    private static Dataset mirror(Dataset d) {
        int h = d.height();
        int w = d.width();
        float[] px = new float[d.size() * h * w];
        for (int i = 0; i < d.size(); i++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    px[(i * h + y) * w + x] = d.pixel(i, y * w + (w - 1 - x));
                }
            }
        }
        return new Dataset(d.name(), h, w, px, d.labels(), List.of(), List.of());
    }
}
