package org.digitbench.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.Repo;
import org.digitbench.report.ReportWriter;
import org.digitbench.results.store.ResultsStore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The committed reference runs' reports, re-rendered from their results.json, in a window 1,366 pixels wide (the most
 * common laptop screen): the leaderboard shows every column without scrolling sideways.
 */
class LeaderboardWidthIT {
    @TempDir
    Path out;

    @Test
    void theLeaderboardFitsA1366PixelWindow() throws Exception {
        for (String run : List.of("full", "quick")) {
            Path page = ReportWriter.write(ResultsStore.read(Repo.root().resolve("benchmarks/results/" + run + "/results.json")),
                    out.resolve(run));
            ChromeDriver driver = HeadlessChromium.start(1366);
            try {
                driver.get(page.toUri().toString());
                new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
                    List<WebElement> charts = d.findElements(By.cssSelector(".chart"));
                    return !charts.isEmpty() && charts.stream().allMatch(c -> "true".equals(c.getDomAttribute("data-rendered")));
                });
                HeadlessChromium.assertNoConsoleErrors(driver);
                HeadlessChromium.screenshot(driver, Repo.root().resolve("cli/target/leaderboard-1366-" + run + ".png"));
                long inner = ((Number) driver.executeScript("return window.innerWidth")).longValue();
                assertTrue(inner >= 1300 && inner <= 1366, "a 1366-pixel window: " + inner);
                long scrollWidth = ((Number) driver.executeScript(
                        "return document.querySelector('#leaderboard-table').parentElement.scrollWidth")).longValue();
                long clientWidth = ((Number) driver.executeScript(
                        "return document.querySelector('#leaderboard-table').parentElement.clientWidth")).longValue();
                assertTrue(scrollWidth <= clientWidth, run + ": the leaderboard is " + scrollWidth + " px wide in a box of "
                        + clientWidth + " px: it scrolls");
                long right = ((Number) driver.executeScript(
                        "return Math.ceil(document.querySelector('#leaderboard-table').getBoundingClientRect().right)")).longValue();
                assertTrue(right <= inner, run + ": the leaderboard ends at " + right + " px, past the window's " + inner);
            } finally {
                driver.quit();
            }
        }
    }
}
