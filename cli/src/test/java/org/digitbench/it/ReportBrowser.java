package org.digitbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens a report in headless Chromium ({@link HeadlessChromium}) and checks what a user sees.
 */
final class ReportBrowser {
    private ReportBrowser() {
    }

    /** Checks the report at {@code page} for the given models and saves a screenshot to {@code screenshot}. */
    static void check(Path page, List<String> modelIds, Path screenshot) throws IOException {
        ChromeDriver driver = HeadlessChromium.start();
        try {
            driver.get(page.toUri().toString());
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            // every chart drawn
            wait.until(d -> {
                List<WebElement> charts = d.findElements(By.cssSelector(".chart"));
                return !charts.isEmpty() && charts.stream().allMatch(c -> "true".equals(c.getDomAttribute("data-rendered")));
            });
            HeadlessChromium.assertNoConsoleErrors(driver);

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
            List<WebElement> headings = driver.findElements(By.cssSelector("#leaderboard-table thead th"));
            WebElement trainHeading = headings.stream().filter(th -> th.getText().strip().equals("train")).findFirst().orElseThrow();
            int trainColumn = headings.indexOf(trainHeading);
            trainHeading.click();
            List<Double> ascending = column(driver, trainColumn);
            List<Double> sorted = new ArrayList<>(ascending);
            sorted.sort(null);
            boolean asc = ascending.equals(sorted);
            trainHeading.click();
            List<Double> again = column(driver, trainColumn);
            List<Double> reversed = new ArrayList<>(sorted);
            java.util.Collections.reverse(reversed);
            assertTrue(asc ? again.equals(reversed) : ascending.equals(reversed) && again.equals(sorted),
                    "clicking 'train' sorts: " + ascending + " then " + again);

            HeadlessChromium.screenshot(driver, screenshot);
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
