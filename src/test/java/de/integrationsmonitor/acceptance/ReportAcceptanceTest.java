package de.integrationsmonitor.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.audit.Auditor;
import de.integrationsmonitor.indicator.ComputationService;
import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.report.ReportService;
import de.integrationsmonitor.report.edition.EditionLoader;
import de.integrationsmonitor.report.pdf.VeraPdf;
import de.integrationsmonitor.report.publish.Manifest;
import de.integrationsmonitor.testing.Chromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.preflight.parser.PreflightParser;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * Issues 5 and 13 against reality: the five-yearly report 2011-2015 for Sachsen-Anhalt's Kreise and its Land
 * overview, rendered from the real extracts, carry the published figures in German format, maps and the sample
 * author texts, are PDF/A-1a and PDF/UA-1 (veraPDF) and reproducible. {@code REPORT_SAMPLE_DIR=dir} keeps a copy of
 * Dessau-Roßlau's report and the Land overview to look at.
 */
class ReportAcceptanceTest extends RealCorpusTest {

    static final Path EDITION = Path.of("src/test/resources/editions/integrationsbericht-2015-st.yml");

    @Autowired
    ComputationService computation;

    @Autowired
    ReportService reports;

    @Autowired
    ImonSettings settings;

    @Autowired
    Auditor auditor;

    ReportService.EditionResult result;

    @BeforeAll
    void render() {
        computation.compute(settings.catalogue());
        result = reports.render(EditionLoader.load(EDITION), Optional.empty(), line -> {});
    }

    @org.junit.jupiter.api.AfterAll
    void keepSamples() throws IOException {
        String samples = System.getenv("REPORT_SAMPLE_DIR");
        if (samples != null && result != null) {
            for (String file : List.of("15001.pdf", "land-15.pdf")) {
                Files.copy(
                        result.folder().resolve(file),
                        Path.of(samples).resolve(file),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theWebPublicationOfTheRealEditionPassesAxeInChromium() {
        Path web = result.folder().resolve("web");
        assertThat(web.resolve("index.html")).isRegularFile();
        org.openqa.selenium.chrome.ChromeDriver browser = Chromium.browser();
        try {
            for (String page : List.of("index.html", "15001.html", "15088.html", "land-15.html")) {
                browser.get(web.resolve(page).toUri().toString());
                assertThat(Chromium.axeViolations(browser))
                        .as("axe-core on " + page)
                        .isEqualTo("[]");
            }
        } finally {
            browser.quit();
        }
    }

    @Test
    void everyKreisOfSachsenAnhaltAndTheLandGetTheirPdf() {
        assertThat(result.failed()).isEmpty();
        assertThat(result.written()).hasSize(15);
        assertThat(result.folder().resolve("land-15.pdf")).exists();
        assertThat(result.folder().resolve("manifest.txt")).exists();
    }

    @Test
    void dessauRosslausReportCarriesThePublishedFiguresInGermanFormat() throws IOException {
        String text = text(result.folder().resolve("15001.pdf"));

        assertThat(text)
                .contains(
                        "Dessau-Roßlau",
                        "15001",
                        "Sachsen-Anhalt",
                        "Integrationsbericht 2015",
                        "2011–2015",
                        "Auf einen Blick",
                        "Ähnliche Kreise",
                        "Datenqualität",
                        "Methoden und Quellen");
        // Ausländeranteil 31.12.2015: 3398 / 82919 = 4,1 %, Land 3,9 %, Deutschland 10,5 %, rank 3 of 14
        assertThat(text).contains("4,1 %", "3,9 %", "10,5 %", "3 von 14");
        // Arbeitslosenquote der Ausländer 2015 as published in 13211-02-05-4: 26,9 %
        assertThat(text).contains("26,9 %");
        // verfügbares Einkommen je Einwohner 2014 (82411-01-03-4): 18.199 EUR
        assertThat(text).contains("18.199");
        assertThat(text).contains("dl-de/by-2-0", "eigene Berechnungen");
    }

    @Test
    void theLandOverviewRanksTheKreise() throws IOException {
        String text = text(result.folder().resolve("land-15.pdf"));

        assertThat(text).contains("Sachsen-Anhalt", "Ausländeranteil", "Dessau-Roßlau", "Halle (Saale)");
    }

    @Test
    void theReportsArePdfA() throws IOException {
        assertThat(PreflightParser.validate(result.folder().resolve("15001.pdf").toFile())
                        .isValid())
                .isTrue();
        assertThat(PreflightParser.validate(
                                result.folder().resolve("land-15.pdf").toFile())
                        .isValid())
                .isTrue();
    }

    @Test
    void theReportsArePdfA1aAndPdfUa1ForVeraPdf() throws IOException {
        for (String file : List.of("15001.pdf", "land-15.pdf")) {
            byte[] pdf = Files.readAllBytes(result.folder().resolve(file));
            assertThat(VeraPdf.failures(pdf, PDFAFlavour.PDFA_1_A)).as(file).isEmpty();
            assertThat(VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1)).as(file).isEmpty();
        }
    }

    @Test
    void theKreisReportHasItsMapsTheAuthorsTextAndATableOfContents() throws IOException {
        String text = text(result.folder().resolve("15001.pdf")).replaceAll("\\s+", " ");

        assertThat(text)
                .contains(
                        "© GeoBasis-DE / BKG 2021 (Daten verändert)",
                        "Inhalt",
                        "Einleitung",
                        "Karte: Ausländeranteil 2015 in den Kreisen des Landes Sachsen-Anhalt (Dessau-Roßlau hervorgehoben)");
        // the sample assessment stands in the chapter Bevölkerung, before its indicators
        assertThat(text)
                .contains("Bevölkerung Einschätzung der Autorinnen und Autoren Der Ausländeranteil liegt"
                        + " 2015 knapp über dem Landeswert");
        assertThat(text(result.folder().resolve("land-15.pdf"))).contains("© GeoBasis-DE / BKG 2021");
        assertThat(Files.readString(result.folder().resolve("manifest.txt"))).contains("15001.md SHA-256 ");
    }

    @Test
    void renderingTheSameEditionAgainGivesByteIdenticalFiles() throws IOException {
        byte[] first = Files.readAllBytes(result.folder().resolve("15001.pdf"));
        byte[] land = Files.readAllBytes(result.folder().resolve("land-15.pdf"));

        reports.render(EditionLoader.load(EDITION), Optional.of("15001"), line -> {});

        assertThat(Files.readAllBytes(result.folder().resolve("15001.pdf"))).isEqualTo(first);
        assertThat(land).isNotEmpty();
    }

    @Test
    void aVersionOfTheRealReportIsReRenderedByteForByteFromTheArchiveAndVerifiedFromTheFile(
            @org.junit.jupiter.api.io.TempDir Path out) throws IOException {
        Path pdf = result.folder().resolve("15001.pdf");
        String version = Manifest.parse(Files.readString(result.folder().resolve("manifest.txt")))
                .orElseThrow()
                .reports()
                .get("15001.pdf")
                .versionId();

        Auditor.Rerun rerun = auditor.rerun(version, Optional.of(out));

        assertThat(rerun.identical()).as(rerun.verdict()).isTrue();
        assertThat(Files.mismatch(rerun.file(), pdf)).isEqualTo(-1L);
        assertThat(auditor.verify(pdf).verdict()).startsWith("authentic: version " + version);
    }
}
