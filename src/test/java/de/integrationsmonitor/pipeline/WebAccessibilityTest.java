package de.integrationsmonitor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.testing.Chromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web publication of the shipped example edition in real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}): axe-core finds no WCAG 2.1 A/AA violation on the index, a Kreis page and a Land page;
 * at 320 CSS pixels (a 1280 pixel window zoomed to 400 %) nothing scrolls sideways; the keyboard focus is visible.
 * Screenshots of a Kreis page at desktop and phone widths go to {@code target/screenshots/}.
 *
 * <p>Skipped when the browser or axe-core ({@code .ci/run} installs both) is missing, unless {@code CI} is set: on
 * CI a missing browser fails.
 */
class WebAccessibilityTest extends CommandLineTest {

    /** The inbox belongs to the home; these tests publish the shipped sample, so it is named as the inbox. */
    @DynamicPropertySource
    static void sampleInbox(DynamicPropertyRegistry registry) {
        registry.add("imon.inbox", () -> Path.of("input").toAbsolutePath().toString());
    }

    static final String EDITION = "integrationsbericht-beispiel";

    @Test
    void axeFindsNoViolationAndThePagesReflowAt320PixelsWithAVisibleFocus() throws IOException {
        Path web = publish();
        WebDriver browser = Chromium.browser();
        try {
            for (String page : List.of("index.html", "15001.html", "land-15.html")) {
                browser.get(web.resolve(page).toUri().toString());
                assertThat(Chromium.axeViolations(browser))
                        .as("axe-core on " + page)
                        .isEqualTo("[]");

                Chromium.viewport(browser, 320, 800);
                browser.navigate().refresh();
                long overflow = (Long) ((ChromeDriver) browser)
                        .executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow).as(page + " scrolls sideways at 320 px by").isLessThanOrEqualTo(0);
                assertThat(Chromium.axeViolations(browser))
                        .as("axe-core on " + page + " at 320 px")
                        .isEqualTo("[]");

                new Actions(browser).sendKeys(Keys.TAB).perform();
                new Actions(browser).sendKeys(Keys.TAB).perform();
                @SuppressWarnings("unchecked")
                Map<String, Object> focus = (Map<String, Object>) ((ChromeDriver) browser)
                        .executeScript("var e = document.activeElement, s = getComputedStyle(e);"
                                + " return {tag: e.tagName, style: s.outlineStyle, width: s.outlineWidth};");
                assertThat(focus.get("tag"))
                        .as(page + ": the second Tab reaches a link")
                        .isEqualTo("A");
                assertThat(focus.get("style")).as(page + ": focus outline").isNotEqualTo("none");
                assertThat(Double.parseDouble(String.valueOf(focus.get("width")).replace("px", "")))
                        .as(page + ": focus outline width")
                        .isGreaterThanOrEqualTo(2);
                Chromium.viewport(browser, 1280, 900);
            }
            // axe-core does find what it looks for: a page with an image without a text alternative fails
            Path broken = home.resolve("broken.html");
            Files.writeString(
                    broken,
                    "<!DOCTYPE html><html lang=\"de\"><head><title>x</title></head><body><main>"
                            + "<svg role=\"img\" viewBox=\"0 0 2 2\"><rect width=\"2\" height=\"2\"/></svg></main></body></html>");
            browser.get(broken.toUri().toString());
            assertThat(Chromium.axeViolations(browser)).contains("svg-img-alt");
        } finally {
            browser.quit();
        }
    }

    @Test
    void screenshotsOfAKreisPageAtDesktopAndPhoneWidths() throws IOException {
        Path web = publish();
        WebDriver browser = Chromium.browser();
        Path shots = Path.of("target/screenshots");
        Files.createDirectories(shots);
        try {
            for (Map.Entry<String, Integer> width :
                    Map.of("desktop", 1280, "phone", 375).entrySet()) {
                Chromium.viewport(browser, width.getValue(), width.getKey().equals("phone") ? 812 : 900);
                browser.get(web.resolve("15001.html").toUri().toString());
                // the top of the page, the first chart, the first map: each as the screen shows it
                List<String> at = List.of("body", "#felder", "figure.map:not(:first-of-type), #felder ~ figure.map");
                for (int i = 0; i < at.size(); i++) {
                    ((ChromeDriver) browser)
                            .executeScript(
                                    "var e = document.querySelector(arguments[0]);" + " if (e) { e.scrollIntoView(); }",
                                    at.get(i));
                    Path file = shots.resolve("kreis-15001-" + width.getKey() + "-" + (i + 1) + ".png");
                    Files.write(file, Chromium.screen(browser));
                    assertThat(Files.size(file)).isPositive();
                }
            }
        } finally {
            browser.quit();
        }
    }

    private Path publish() {
        assertThat(imon("run").exit()).isZero();
        Path web = home.resolve("output").resolve(EDITION).resolve("web");
        assertThat(web.resolve("index.html")).isRegularFile();
        return web;
    }
}
