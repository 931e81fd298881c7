package de.integrationsmonitor.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.integrationsmonitor.report.fill.Figure;
import de.integrationsmonitor.report.fill.KreisReport;
import de.integrationsmonitor.report.fill.KreisReportFixtures;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.preflight.ValidationResult;
import org.apache.pdfbox.preflight.parser.PreflightParser;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

class KreisReportRendererTest {

    static final Path TEMPLATES = Path.of("templates");
    static final Path TEMPLATE = TEMPLATES.resolve("kreisbericht.jrxml");

    static final String SOURCE_LINE = "Datengrundlage: Statistische Ämter des Bundes und der Länder, "
            + "12411-03-03-4, 12411-01-01-4, 12511-01-01-4, 13111-01-03-4, eigene Berechnungen";
    static final String LICENCE = "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)";

    static KreisReportRenderer renderer;
    static byte[] pdf;
    static String text;

    @BeforeAll
    static void renderDessauRosslauOnce() throws IOException {
        renderer = new KreisReportRenderer(TEMPLATE);
        pdf = render(KreisReportFixtures.dessauRosslau());
        text = text(pdf);
        // KREIS_REPORT_SAMPLE_PDF=/tmp/x.pdf keeps a copy to look at (pdftoppm -png -r 80)
        String sample = System.getenv("KREIS_REPORT_SAMPLE_PDF");
        if (sample != null) {
            Files.write(Path.of(sample), pdf);
        }
    }

    static byte[] render(KreisReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(report, out);
        return out.toByteArray();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void everyTemplateCompiles() throws Exception {
        List<Path> templates;
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            templates =
                    files.filter(p -> p.toString().endsWith(".jrxml")).sorted().toList();
        }
        assertThat(templates).hasSizeGreaterThanOrEqualTo(7);
        for (Path template : templates) {
            assertThat(JasperCompileManager.compileReport(template.toString()))
                    .as(template.toString())
                    .isNotNull();
        }
    }

    @Test
    void titlePageNamesKreisPeriodStichtagGebietsstandAndDataStatus() {
        assertThat(text)
                .contains("Integrationsbericht 2016")
                .contains("Dessau-Roßlau, kreisfreie Stadt")
                .contains("15001")
                .contains("Sachsen-Anhalt")
                .contains("2011–2015")
                .contains("31.12.2015")
                .contains("31.12.2016")
                .contains("Tabelle 12411-03-03-4: Stand 10.10.2017")
                .contains("Tabelle 13111-01-03-4: Stand 21.04.2017")
                .contains("synthetische Beispieldaten");
    }

    @Test
    void atAGlanceShowsGermanFiguresChangeRankAndSmallBase() {
        assertThat(text)
                .contains("Auf einen Blick")
                .contains("4,1 %")
                .contains("3,5 %")
                .contains("11,2 %")
                .contains("+1,9 Pp.")
                .contains("82.919")
                .contains("2.245.470")
                .contains("-3,4 %")
                .contains("3 von 14")
                .contains("11 von 14")
                .contains("6,3 ¹")
                .contains("¹ geringe Fallzahl");
        // the position column wraps; read it as one line
        assertThat(text.replaceAll("\\s+", " "))
                .contains("2 von 14 günstiger als das Land")
                .contains("ungünstiger als das Land");
        // the unrounded value never reaches the page
        assertThat(text).doesNotContain("4,098").doesNotContain("82919");
    }

    @Test
    void seriesTablesCarrySymbolsAndRebuiltNote() {
        assertThat(text)
                .contains("Entwicklung nach Handlungsfeldern")
                .contains("Rechtlicher Status")
                .contains(KreisReportFixtures.REBUILT_NOTE)
                .contains("(6,9)")
                .contains("28,4 % p")
                .contains("6,1 %");
        String secretRow =
                text.lines().filter(l -> l.startsWith("2013 .")).findFirst().orElseThrow();
        assertThat(secretRow).contains("8,8").contains("14,2").doesNotContain(" 0 ");
    }

    @Test
    void similarKreiseQualityAndMethodsChapters() {
        assertThat(text)
                .contains("Ähnliche Kreise")
                .contains("Cluster 3: städtisch, geringere Teilhabechancen (49 Kreise)")
                .contains("Clustermittel")
                .contains("12,3 %")
                .contains("19.876")
                .contains("20.789")
                .contains("Datenqualität")
                .contains("Einbürgerungen 2013: Zahl der Einbürgerungen geheim gehalten")
                .contains("Zeichenerklärung")
                .contains("Zahlenwert unbekannt oder geheim zu halten")
                .contains("vorläufige Zahl")
                .contains("Werte vor 2012 aus den Vorgängergemeinden umgerechnet")
                .contains("Methoden und Quellen")
                .contains("Sozialversicherungspflichtig beschäftigte Ausländer")
                .contains(SOURCE_LINE)
                .contains(LICENCE)
                .contains("Die Daten wurden verändert")
                .contains(KreisReportFixtures.VERSION_ID)
                .contains(KreisReportFixtures.INPUTS_SHA256);
    }

    @Test
    void noFindingsSaysSo() throws IOException {
        KreisReport r = KreisReportFixtures.dessauRosslau();
        KreisReport clean = new KreisReport(
                r.reportVersionId(),
                r.editionTitle(),
                r.periodFrom(),
                r.periodTo(),
                r.ags(),
                r.kreisName(),
                r.kindLabel(),
                r.landName(),
                r.referenceDate(),
                r.gebietsstand(),
                r.dataStatus(),
                r.atAGlance(),
                r.sections(),
                KreisReport.SimilarKreise.none("Methode."),
                List.of(),
                List.of(),
                r.methods(),
                r.tableCodes(),
                r.inputsSha256(),
                false);
        String cleanText = text(render(clean));
        assertThat(cleanText)
                .contains("Keine Befunde")
                .contains("Keine Zuordnung zu einem Cluster")
                .doesNotContain("synthetisch");
    }

    @Test
    void longListsFlowOverPagesAndStayValid(@TempDir Path dir) throws IOException {
        KreisReport r = KreisReportFixtures.dessauRosslau();
        List<KreisReport.DeliveryStatus> deliveries = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        List<KreisReport.Section> sections = new ArrayList<>(r.sections());
        for (int i = 1; i <= 40; i++) {
            deliveries.add(new KreisReport.DeliveryStatus("99999-" + i, "t" + i + ".csv", "Stand 01.01.2017"));
            findings.add("Befund Nummer " + i + ": ein längerer Text über eine Auffälligkeit in einer Lieferung.");
        }
        for (int i = 1; i <= 6; i++) {
            sections.add(new KreisReport.Section(
                    "Handlungsfeld " + i, r.sections().get(0).series()));
        }
        KreisReport big = new KreisReport(
                r.reportVersionId(),
                r.editionTitle(),
                r.periodFrom(),
                r.periodTo(),
                r.ags(),
                r.kreisName(),
                r.kindLabel(),
                r.landName(),
                r.referenceDate(),
                r.gebietsstand(),
                deliveries,
                r.atAGlance(),
                sections,
                r.similar(),
                findings,
                r.gebietsstandNotes(),
                r.methods(),
                r.tableCodes(),
                r.inputsSha256(),
                r.synthetic());
        byte[] bigPdf = render(big);
        String bigText = text(bigPdf);
        assertThat(bigText)
                .contains("Tabelle 99999-40: Stand 01.01.2017")
                .contains("Befund Nummer 40")
                .contains("Handlungsfeld 6");
        File file = dir.resolve("gross.pdf").toFile();
        Files.write(file.toPath(), bigPdf);
        assertThat(PreflightParser.validate(file).isValid()).isTrue();
    }

    @Test
    void titlePageStandsAloneAndEveryOtherPageSaysPageOfPages() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(6);
            PDFTextStripper firstPage = new PDFTextStripper();
            firstPage.setEndPage(1);
            assertThat(firstPage.getText(document)).contains("Datenstand").doesNotContain("Auf einen Blick");
            for (int i = 2; i <= pages; i++) {
                assertThat(text).contains("Seite " + i + " von " + pages);
            }
        }
    }

    @Test
    void chaptersAreBookmarked() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentOutline outline = document.getDocumentCatalog().getDocumentOutline();
            assertThat(outline).isNotNull();
            List<String> top = new ArrayList<>();
            List<String> nested = new ArrayList<>();
            for (PDOutlineItem item : outline.children()) {
                top.add(item.getTitle());
                item.children().forEach(child -> nested.add(child.getTitle()));
            }
            assertThat(top)
                    .contains(
                            "Titelseite",
                            "Auf einen Blick",
                            "Entwicklung nach Handlungsfeldern",
                            "Ähnliche Kreise",
                            "Datenqualität",
                            "Methoden und Quellen");
            assertThat(nested).contains("Bevölkerung", "Rechtlicher Status", "Arbeit");
        }
    }

    @Test
    void isValidPdfA1b(@TempDir Path dir) throws Exception {
        File file = dir.resolve("15001.pdf").toFile();
        Files.write(file.toPath(), pdf);
        ValidationResult result = PreflightParser.validate(file);
        assertThat(result.getErrorsList().stream()
                        .filter(e -> !e.isWarning())
                        .map(e -> e.getErrorCode() + " " + e.getDetails() + " (page " + e.getPageNumber() + ")")
                        .toList())
                .isEmpty();
        assertThat(result.isValid()).isTrue();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            XMPMetadata xmp = new DomXmpParser()
                    .parse(document.getDocumentCatalog().getMetadata().toByteArray());
            assertThat(xmp.getPDFAIdentificationSchema().getPart()).isEqualTo(1);
            assertThat(xmp.getPDFAIdentificationSchema().getConformance()).isEqualTo("A");
            assertThat(document.getDocumentCatalog().getOutputIntents()).hasSize(1);
        }
    }

    static final Provenance PROVENANCE = new Provenance(
            Provenance.versionId("ab".repeat(32), "15001", 7, "0.1.0+test"),
            "integrationsbericht-2015",
            "15001",
            "Kreis 15001 Dessau-Roßlau, kreisfreie Stadt",
            7,
            "ab".repeat(32),
            "0.1.0+test",
            java.time.Instant.parse("2026-12-01T20:31:07Z"));

    @Tag("slow") // veraPDF
    @Test
    void aReportVersionCarriesItsProvenanceInADeclaredXmpSchemaAndItsColophonAndStaysPdfA() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(KreisReportFixtures.dessauRosslau(), PROVENANCE, out);
        byte[] versioned = out.toByteArray();
        try (PDDocument document = Loader.loadPDF(versioned)) {
            String xmp = new String(
                    document.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp)
                    .contains(
                            "<imon:versionId>" + PROVENANCE.versionId() + "</imon:versionId>",
                            "<imon:edition>integrationsbericht-2015</imon:edition>",
                            "<imon:computation>7</imon:computation>",
                            "<imon:inputsSha256>" + "ab".repeat(32) + "</imon:inputsSha256>",
                            "<imon:renderedAt>2026-12-01T20:31:07Z</imon:renderedAt>",
                            "<pdfaSchema:namespaceURI>" + Provenance.NAMESPACE + "</pdfaSchema:namespaceURI>",
                            "<xmp:CreateDate>2026-12-01T20:31:07Z</xmp:CreateDate>");
            assertThat(document.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(PROVENANCE.renderedAt());
            String all = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(all).contains("Version " + PROVENANCE.versionId() + ", erstellt am 01.12.2026");
        }
        assertThat(PROVENANCE.versionId()).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}");
        assertThat(VeraPdf.failures(versioned, PDFAFlavour.PDFA_1_A)).isEmpty();
        assertThat(VeraPdf.failures(versioned, PDFAFlavour.PDFUA_1)).isEmpty();
    }

    @Tag("slow") // veraPDF
    @Test
    void isPdfA1aAndPdfUa1ForVeraPdf() {
        assertThat(VeraPdf.failures(pdf, PDFAFlavour.PDFA_1_A)).isEmpty();
        assertThat(VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1)).isEmpty();
    }

    @Tag("slow") // veraPDF
    @Test
    void theAuthorsAssessmentStandsInItsHandlungsfeldAndTheIntroductionHasAChapter() throws IOException {
        byte[] withTexts = render(KreisReportFixtures.dessauRosslauWithTexts());
        try (PDDocument document = Loader.loadPDF(withTexts)) {
            String all = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            // in the Bevölkerung section: heading, the authors' assessment, then the indicators
            int field = all.indexOf("Bevölkerung Einschätzung der Autorinnen und Autoren");
            assertThat(field).isPositive();
            assertThat(all.substring(field))
                    .startsWith("Bevölkerung Einschätzung der Autorinnen und Autoren "
                            + KreisReportFixtures.ASSESSMENT + " 1. Erstberatung ausbauen, 2. Kita-Plätze planen. "
                            + "Ausländeranteil");
            assertThat(all).contains("Einleitung Dessau-Roßlau ist eine kreisfreie Stadt.");
        }
        assertThat(VeraPdf.failures(withTexts, PDFAFlavour.PDFUA_1)).isEmpty();
    }

    @Test
    void theTableOfContentsListsTheChaptersWithTheirPages() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper second = new PDFTextStripper();
            second.setStartPage(2);
            second.setEndPage(2);
            String contents = second.getText(document);
            assertThat(contents).contains("Inhalt");
            // Auf einen Blick follows the contents on page 3
            assertThat(contents.lines()
                            .filter(l -> l.startsWith("Auf einen Blick"))
                            .findFirst()
                            .orElseThrow())
                    .endsWith(" 3");
            PDFTextStripper third = new PDFTextStripper();
            third.setStartPage(3);
            third.setEndPage(3);
            assertThat(third.getText(document)).startsWith("Auf einen Blick");
        }
    }

    @Test
    void everyFigureHasAnAlternativeTextWithItsNumbers() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> alts = new ArrayList<>();
            collectFigures(document.getDocumentCatalog().getStructureTreeRoot().getKids(), alts);
            assertThat(alts).isNotEmpty().allSatisfy(alt -> assertThat(alt).isNotBlank());
            assertThat(alts)
                    .contains("Ausländeranteil 2011–2015: Dessau-Roßlau von 2,2 % auf 4,1 %, Sachsen-Anhalt"
                            + " von 1,9 % auf 3,5 %, Deutschland von 8,5 % auf 11,2 %.");
        }
    }

    @Test
    void theTitlePageShowsWhereTheKreisLiesAndTheMappedIndicatorHasALandMap() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper first = new PDFTextStripper();
            first.setEndPage(1);
            assertThat(first.getText(document)).contains("© GeoBasis-DE / BKG 2021 (Daten verändert)");
            List<String> alts = new ArrayList<>();
            collectFigures(document.getDocumentCatalog().getStructureTreeRoot().getKids(), alts);
            assertThat(alts)
                    .contains("Karte: Lage von Dessau-Roßlau in Sachsen-Anhalt; Dessau-Roßlau ist dunkel"
                            + " hervorgehoben, die übrigen 13 Kreise des Landes sind grau.");
            assertThat(alts)
                    .anySatisfy(alt -> assertThat(alt)
                            .startsWith("Karte Ausländeranteil 2015 der Kreise in"
                                    + " Sachsen-Anhalt, Klassen nach Quantilen: 2,1 % bis ")
                            .contains("ohne Wert: Harz"));
        }
        assertThat(text)
                .contains("Karte: Ausländeranteil 2015 in den Kreisen des Landes Sachsen-Anhalt"
                        + " (Dessau-Roßlau hervorgehoben)");
    }

    static void collectFigures(List<Object> kids, List<String> alts) {
        for (Object kid : kids) {
            if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
                if ("Figure".equals(e.getStructureType())) {
                    alts.add(e.getAlternateDescription());
                }
                collectFigures(e.getKids(), alts);
            }
        }
    }

    @Test
    void everyFontIsEmbedded() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    fonts.add(font.getName());
                    assertThat(font.isEmbedded())
                            .as("font %s embedded", font.getName())
                            .isTrue();
                }
            }
            assertThat(fonts).isNotEmpty().allMatch(name -> name.contains("DejaVuSans"));
        }
    }

    @Test
    void metadataNamesTheKreis() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentInformation info = document.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Integrationsbericht 2016 – Dessau-Roßlau, kreisfreie Stadt");
            assertThat(info.getAuthor()).isEqualTo("Integrationsmonitor");
            assertThat(info.getSubject())
                    .contains("15001")
                    .contains("31.12.2015")
                    .contains("2011–2015");
            assertThat(info.getKeywords())
                    .contains("Integrationsmonitoring")
                    .contains("AGS 15001")
                    .contains("Rechtlicher Status");
            assertThat(info.getCreationDate().toInstant()).isEqualTo(DocumentMetadata.DEFAULT_TIMESTAMP);
            String xmp = new String(
                    document.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).contains("2026-01-01T00:00:00").contains("Integrationsmonitor");
        }
    }

    @Test
    void sameInputGivesByteIdenticalPdf() {
        assertThat(render(KreisReportFixtures.dessauRosslau())).isEqualTo(pdf);
    }

    @Test
    void newJvmGivesByteIdenticalPdf(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("15001-neue-jvm.pdf");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        RenderKreisReportMain.class.getName(),
                        out.toString(),
                        TEMPLATE.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("jvm.log").toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(Files.readString(dir.resolve("jvm.log")))
                .isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(pdf);
    }

    @Test
    void parallelRendersShareTheCompiledTemplatesSafely() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> render(KreisReportFixtures.dessauRosslau())));
            }
            for (Future<byte[]> result : results) {
                assertThat(result.get(120, TimeUnit.SECONDS)).isEqualTo(pdf);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void swapFileVirtualizerGivesTheSameDocument(@TempDir Path dir) {
        KreisReportRenderer virtualized = new KreisReportRenderer(
                TEMPLATE,
                DocumentMetadata.DEFAULT_TIMESTAMP,
                () -> new JRSwapFileVirtualizer(2, new JRSwapFile(dir.toString(), 4096, 64), true));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        virtualized.render(KreisReportFixtures.dessauRosslau(), out);
        assertThat(out.toByteArray()).isEqualTo(pdf);
    }

    @Test
    void differentKreisGetsDifferentDocumentId() throws IOException {
        KreisReport r = KreisReportFixtures.dessauRosslau();
        KreisReport other = new KreisReport(
                r.reportVersionId(),
                r.editionTitle(),
                r.periodFrom(),
                r.periodTo(),
                "15002",
                "Halle (Saale), kreisfreie Stadt",
                r.kindLabel(),
                r.landName(),
                r.referenceDate(),
                r.gebietsstand(),
                r.dataStatus(),
                r.atAGlance(),
                r.sections(),
                r.similar(),
                r.findings(),
                r.gebietsstandNotes(),
                r.methods(),
                r.tableCodes(),
                r.inputsSha256(),
                r.synthetic());
        try (PDDocument a = Loader.loadPDF(pdf);
                PDDocument b = Loader.loadPDF(render(other))) {
            assertThat(a.getDocument().getDocumentID())
                    .isNotEqualTo(b.getDocument().getDocumentID());
        }
    }

    @Test
    void changeCarriesSignUnitAndSymbol() {
        assertThat(KreisReportRenderer.change(Figure.of(new BigDecimal("1.234")), 1, "Pp."))
                .isEqualTo("+1,2 Pp.");
        assertThat(KreisReportRenderer.change(Figure.of(new BigDecimal("-3.35")), 1, "%"))
                .isEqualTo("-3,4 %");
        assertThat(KreisReportRenderer.change(Figure.of(new BigDecimal("0.04")), 1, "Pp."))
                .isEqualTo("0,0 Pp.");
        assertThat(KreisReportRenderer.change(Figure.marked(new BigDecimal("2"), "p"), 1, "%"))
                .isEqualTo("+2,0 % p");
        assertThat(KreisReportRenderer.change(Figure.missing("."), 1, "%")).isEqualTo(".");
    }

    @Test
    void brokenTemplateNamesFileAndJasperError(@TempDir Path dir) throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName().toString().replace("kreisbericht", "kaputt")));
            }
        }
        Path broken = dir.resolve("kaputt-jahre.jrxml");
        Files.writeString(broken, Files.readString(broken).replace("$F{note}", "$F{notiz}"));
        assertThatThrownBy(() -> new KreisReportRenderer(dir.resolve("kaputt.jrxml")))
                .isInstanceOf(ReportTemplateException.class)
                .hasMessageContaining("kaputt-jahre.jrxml")
                .hasMessageContaining("could not be compiled")
                .hasMessageContaining("notiz");
    }

    @Test
    void missingTemplateSaysWhereItLooked() {
        assertThatThrownBy(() -> new KreisReportRenderer(Path.of("templates/gibt-es-nicht.jrxml")))
                .isInstanceOf(ReportTemplateException.class)
                .hasMessageContaining("gibt-es-nicht.jrxml")
                .hasMessageContaining("could not be read");
    }
}
