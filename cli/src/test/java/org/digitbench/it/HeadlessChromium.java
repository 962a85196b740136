package org.digitbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

/**
 * Headless Chromium for the browser tests: Debian's {@code chromium} and {@code chromium-driver} packages,
 * which {@code .ci/run} installs; {@code -Ddigitbench.chromium=PATH} and {@code -Ddigitbench.chromedriver=PATH} point
 * elsewhere. Without them the browser tests skip, unless {@code CI=true}.
 */
final class HeadlessChromium {
    static final Path CHROMIUM = Path.of(System.getProperty("digitbench.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("digitbench.chromedriver", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    /** A new browser, with its console log kept; {@code quit()} it when done. */
    static ChromeDriver start() {
        return start(1400);
    }

    /** A new browser whose window is {@code width} pixels wide. */
    static ChromeDriver start(int width) {
        requireChromium();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=" + width + ",1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }

    /**
     * Returns when Chromium and its driver are here; else, under CI ({@code CI=true}), fails, and elsewhere skips the
     * test (its checks before the browser have passed) with one visible line saying what to install.
     */
    static void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String why = "no Chromium and driver at " + CHROMIUM + " and " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver to run them)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("the browser tests are mandatory under CI=true, but there is " + why);
        }
        BrowserSkips.skipped(why);
        System.out.println("[browser test skipped] " + why + "; CI=true makes this a failure");
        Assumptions.abort("browser test skipped: " + why);
    }

    /** Fails when the page logged an error to the console. */
    static void assertNoConsoleErrors(ChromeDriver driver) {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
        assertEquals(List.of(), errors, "console errors");
    }

    /** Saves what the browser shows, from the top of the page. */
    static void screenshot(ChromeDriver driver, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        driver.executeScript("window.scrollTo(0, 0)");
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(file) > 0, file + " is empty");
    }
}
