package org.digitbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens a report in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}
 * packages, which {@code .ci/run} installs) and checks what a user sees.
 */
final class ReportBrowser {
    static final Path CHROMIUM = Path.of(System.getProperty("digitbench.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("digitbench.chromedriver", "/usr/bin/chromedriver"));

    private ReportBrowser() {
    }

    /** Checks the report at {@code page} for the given models and saves a screenshot to {@code screenshot}. */
    static void check(Path page, List<String> modelIds, Path screenshot) throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the report's browser test needs Chromium and its driver: apt-get install chromium chromium-driver "
                        + "(looked for " + CHROMIUM + " and " + CHROMEDRIVER + ")");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1400,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.get(page.toUri().toString());
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            // every chart drawn
            wait.until(d -> {
                List<WebElement> charts = d.findElements(By.cssSelector(".chart"));
                return !charts.isEmpty() && charts.stream().allMatch(c -> "true".equals(c.getDomAttribute("data-rendered")));
            });
            List<String> errors = new ArrayList<>();
            for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
                if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(e.getMessage());
                }
            }
            assertEquals(List.of(), errors, "console errors");

            // leaderboard: one row per model; every chart has a canvas; one confusion matrix per model
            List<WebElement> rows = driver.findElements(By.cssSelector("#leaderboard-table tbody tr"));
            assertEquals(modelIds.size(), rows.size());
            assertTrue(driver.findElement(By.id("chart-pareto")).findElements(By.tagName("canvas")).size() > 0);
            assertTrue(driver.findElement(By.id("chart-accuracy")).findElements(By.tagName("canvas")).size() > 0);
            assertTrue(driver.findElement(By.id("chart-f1")).findElements(By.tagName("canvas")).size() > 0);
            List<WebElement> confusion = driver.findElements(By.cssSelector(".chart.confusion"));
            assertEquals(modelIds.size(), confusion.size());
            for (WebElement c : confusion) {
                assertTrue(c.findElements(By.tagName("canvas")).size() > 0, c.getDomAttribute("id"));
                Dimension size = c.getSize();
                assertTrue(size.getWidth() > 100 && size.getHeight() > 100, "drawn at a visible size: " + size);
            }
            assertTrue(((Number) ((JavascriptExecutor) driver).executeScript("return window.digitbenchCharts")).intValue()
                    >= 3 + modelIds.size());

            // sort by train time by clicking its heading: first ascending, then descending
            WebElement trainHeading = driver.findElements(By.cssSelector("#leaderboard-table thead th")).stream()
                    .filter(th -> th.getText().strip().equals("train")).findFirst().orElseThrow();
            trainHeading.click();
            List<Double> ascending = column(driver, 8);
            List<Double> sorted = new ArrayList<>(ascending);
            sorted.sort(null);
            boolean asc = ascending.equals(sorted);
            trainHeading.click();
            List<Double> again = column(driver, 8);
            List<Double> reversed = new ArrayList<>(sorted);
            java.util.Collections.reverse(reversed);
            assertTrue(asc ? again.equals(reversed) : ascending.equals(reversed) && again.equals(sorted),
                    "clicking 'train' sorts: " + ascending + " then " + again);

            Files.createDirectories(screenshot.getParent());
            driver.executeScript("window.scrollTo(0, 0)");
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, screenshot, StandardCopyOption.REPLACE_EXISTING);
            assertFalse(Files.size(screenshot) == 0);
        } finally {
            driver.quit();
        }
    }

    private static List<Double> column(ChromeDriver driver, int index) {
        List<Double> values = new ArrayList<>();
        for (WebElement row : driver.findElements(By.cssSelector("#leaderboard-table tbody tr"))) {
            values.add(Double.parseDouble(row.findElements(By.tagName("td")).get(index).getDomAttribute("data-sort")));
        }
        return values;
    }

}
