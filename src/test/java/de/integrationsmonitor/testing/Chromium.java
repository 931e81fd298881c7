package de.integrationsmonitor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real headless Chromium for the web publication's tests: Debian's {@code chromium} and {@code chromium-driver}
 * through Selenium, and axe-core from {@code .ci/tools/} (both installed by {@code .ci/run}). Without them a test is
 * skipped, unless {@code CI} is set: then it fails.
 */
public final class Chromium {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path AXE = Path.of(".ci/tools/node_modules/axe-core/axe.min.js");

    private Chromium() {}

    /** A headless browser of 1280 by 900 pixels; skips the test when it or axe-core is missing and CI is not set. */
    public static ChromeDriver browser() {
        String ci = System.getenv("CI");
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) && Files.isRegularFile(AXE);
        if (!present && ci != null && !ci.isBlank()) {
            throw new AssertionError("CI is set but the browser test cannot run: " + CHROMIUM + ", " + CHROMEDRIVER
                    + " and " + AXE + " must exist (.ci/run installs them)");
        }
        Assumptions.assumeTrue(present, "chromium, chromium-driver or axe-core missing (.ci/run installs them)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    /** The axe-core violations of the loaded page for WCAG 2.0/2.1 A and AA, as JSON ({@code []} when none). */
    public static String axeViolations(WebDriver browser) {
        ChromeDriver chrome = (ChromeDriver) browser;
        try {
            chrome.executeScript(Files.readString(AXE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Object result = chrome.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(function (r) { done(JSON.stringify(r.violations.map(function (v) { return {id: v.id,"
                + " help: v.help, nodes: v.nodes.slice(0, 3).map(function (n) { return n.html; })}; }))); })"
                + ".catch(function (e) { done('axe failed: ' + e); });");
        return String.valueOf(result);
    }

    /** Emulates a screen of this many CSS pixels. */
    public static void viewport(WebDriver browser, int width, int height) {
        ((ChromeDriver) browser)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** What the screen shows now, as PNG. */
    public static byte[] screen(WebDriver browser) {
        Map<String, Object> shot =
                ((ChromeDriver) browser).executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        return Base64.getDecoder().decode(String.valueOf(shot.get("data")));
    }
}
