package org.digitbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.Dataset;
import org.digitbench.api.Splits;
import org.digitbench.cli.CliRun;
import org.digitbench.results.ResultsSchema;
import org.digitbench.results.RunResults;
import org.digitbench.results.TrialResult;
import org.digitbench.results.TrialStatus;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.store.RunFolder;
import org.digitbench.run.SeveralDatasets;
import org.digitbench.testkit.TestData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Two datasets in one run — a slice of real MNIST and the same kind of digits at 14×14 with class names of their own,
 * as an IDX folder — then its page (a section per dataset, the comparison across them) in a browser, resume and
 * re-rendering, and one dataset's part read as RUN/DATASET.
 */
class SeveralDatasetsIT {
    private static final String MODELS = "smile-decision-tree,tribuo-logistic-regression";
    private static final List<String> NAMES = List.of("nought", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");

    @TempDir
    Path dir;

    @Test
    void twoDatasetsInOneRunEachWithItsSectionThenComparedAcross() throws IOException {
        Path small = Files.createDirectories(dir.resolve("digits-14"));
        TestData.idxPair(small, "train", DatasetsIT.halve(Splits.stratifiedSubset(RealMnist.load().train(), 2_000, 3)));
        TestData.idxPair(small, "t10k", DatasetsIT.halve(Splits.stratifiedSubset(RealMnist.load().test(), 500, 3)));
        CliRun describe = CliRun.of("data", "--dataset", "idx:" + small, "--write-descriptor", "--name", "digits-14",
                "--classes", String.join(",", NAMES));
        assertEquals(0, describe.code(), describe.printed());
        Path out = dir.resolve("reports");
        CliRun twice = CliRun.of("run", "--no-timing", "-m", MODELS, "--dataset", "idx:" + small, "--dataset", "idx:" + small + "/.",
                "-o", out.toString());
        assertEquals(1, twice.code(), twice.printed());
        assertTrue(twice.err().contains("are the same files"), twice.err());
        assertFalse(Files.exists(out), "refused before any run folder is made");
        CliRun data = CliRun.of("data", "--dataset", "mnist", "--dataset", "idx:" + small);
        assertEquals(1, data.code(), data.printed());
        assertTrue(data.err().contains("--dataset is given 2 times; this command reads one dataset"), data.err());

        CliRun run = CliRun.of("run", "--no-timing", "--allow-busy", "-m", MODELS, "--train-size", "2000", "--test-size", "500",
                "--data-dir", RealMnist.location().dir().toString(), "--dataset", "mnist", "--dataset", "idx:" + small,
                "--run-id", "both", "-o", out.toString());
        assertEquals(0, run.code(), run.printed());
        Path runDir = out.resolve("both");
        assertTrue(run.stdout().contains("Dataset 2 of 2: digits-14"), run.stdout());
        assertTrue(run.stdout().contains("Report: " + runDir.resolve("index.html")), run.stdout());
        assertEquals(List.of("mnist", "digits-14"), SeveralDatasets.read(runDir).keys());
        for (String key : List.of("mnist", "digits-14")) {
            Path results = runDir.resolve(key).resolve(RunFolder.RESULTS);
            ResultsSchema.check(results);
            RunResults r = ResultsStore.read(results);
            assertEquals(2, r.trials().size(), key);
            for (TrialResult t : r.trials()) {
                assertEquals(TrialStatus.OK, t.status(), key + " " + t.pluginId() + ": " + t.error());
            }
            assertEquals(key.equals("mnist") ? 28 : 14, r.data().train().summary().height(), key);
        }
        RunResults digits = ResultsStore.read(runDir.resolve("digits-14").resolve(RunFolder.RESULTS));
        assertEquals(NAMES, digits.data().classNames());
        assertEquals(2_000, digits.data().train().size(), "--train-size applies to each dataset");

        String html = Files.readString(runDir.resolve("index.html"));
        assertTrue(html.contains("Run both over 2 datasets"), "the run's page");
        assertTrue(html.contains("classes: nought, one, two"), "the section names its dataset's classes");
        assertTrue(html.contains("with 2 datasets there is no test"), "two datasets: the table and mean ranks, no test");
        assertTrue(Files.readString(out.resolve("index.html")).contains("both/index.html"), "the runs index lists the run");

        ChromeDriver driver = HeadlessChromium.start();
        try {
            driver.get(runDir.resolve("index.html").toUri().toString());
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector("#cd-chart svg")).isEmpty());
            HeadlessChromium.assertNoConsoleErrors(driver);
            List<WebElement> sections = driver.findElements(By.cssSelector("section.dataset"));
            assertEquals(2, sections.size(), "a section per dataset");
            for (String key : List.of("mnist", "digits-14")) {
                WebElement section = driver.findElement(By.id("dataset-" + key));
                assertEquals(2, section.findElements(By.cssSelector("tbody tr")).size(), key + ": a row per model");
                assertTrue(section.findElement(By.cssSelector("a[href='" + key + "/index.html']")).isDisplayed(), key + ": links its report");
            }
            List<WebElement> rows = driver.findElements(By.cssSelector("#across tbody tr"));
            assertEquals(2, rows.size(), "one row per model across the datasets");
            for (WebElement row : rows) {
                assertEquals(2 + 2 + 1, row.findElements(By.tagName("td")).size(), "model, library, two datasets, mean rank");
            }
            HeadlessChromium.screenshot(driver, Path.of("target/screenshots/several-datasets.png"));
            driver.get(runDir.resolve("digits-14").resolve("index.html").toUri().toString());
            HeadlessChromium.assertNoConsoleErrors(driver);
            assertTrue(driver.getPageSource().contains("3 · three"), "the dataset's own report names its classes");
        } finally {
            driver.quit();
        }

        CliRun resumed = CliRun.of("run", "--resume", "both", "-o", out.toString());
        assertEquals(0, resumed.code(), resumed.printed());
        assertEquals(2, resumed.stdout().split("Already complete", -1).length - 1, resumed.stdout());

        CliRun whole = CliRun.of("timing", "both", "-o", out.toString());
        assertFalse(whole.code() == 0, whole.printed());
        assertTrue(whole.err().contains("name one as both/DATASET (mnist, digits-14)"), whole.err());

        Files.delete(runDir.resolve("index.html"));
        CliRun report = CliRun.of("report", "both", "-o", out.toString());
        assertEquals(0, report.code(), report.printed());
        assertTrue(Files.readString(runDir.resolve("index.html")).contains("id=\"dataset-digits-14\""), "re-rendered from the results");
    }
}
