package de.integrationsmonitor.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.integrationsmonitor.indicator.Direction;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.report.fill.Figure;
import de.integrationsmonitor.report.fill.LandOverview;
import de.integrationsmonitor.report.fill.LandOverview.IndicatorRanking;
import de.integrationsmonitor.report.fill.LandOverview.RankedKreis;
import de.integrationsmonitor.report.map.LandGeometry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

class LandOverviewRendererTest {

    static final Path TEMPLATE = Path.of("templates/landuebersicht.jrxml");

    static final String SOURCE_LINE = "Datengrundlage: Statistische Ämter des Bundes und der Länder, "
            + "13111-01-03-4, 12411-03-03-4, 12511-01-01-4, eigene Berechnungen";
    static final String LICENCE = "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)";
    static final String INPUTS_SHA256 = "9f2c4b1e0d7a6c5b3e8f1a2d4c6b8e0f1a3c5e7b9d0f2a4c6e8b0d2f4a6c8e0a";

    static LandOverviewRenderer renderer;

    @BeforeAll
    static void compileTemplatesOnce() {
        renderer = new LandOverviewRenderer(TEMPLATE);
    }

    /** Invented figures for the 14 Kreise of Sachsen-Anhalt, ranked best first as the caller does. */
    static LandOverview sachsenAnhalt() {
        IndicatorRanking employment = new IndicatorRanking(
                "Arbeit",
                "Beschäftigungsquote Ausländer",
                "%",
                1,
                "höher ist günstiger",
                Figure.of(new BigDecimal("41.27")),
                Figure.of(new BigDecimal("52.9")),
                List.of(
                        kreis(1, "15083", "Börde", "48.35"),
                        kreis(2, "15088", "Saalekreis", "46.1"),
                        kreis(3, "15086", "Jerichower Land", "45.02"),
                        kreis(4, "15081", "Altmarkkreis Salzwedel", "44.7"),
                        kreis(5, "15091", "Wittenberg", "43.15"),
                        kreis(6, "15085", "Harz", "42.8"),
                        kreis(7, "15082", "Anhalt-Bitterfeld", "41.9"),
                        kreis(8, "15003", "Magdeburg, Kreisfreie Stadt", "40.44"),
                        kreis(9, "15084", "Burgenlandkreis", "39.6"),
                        kreis(10, "15089", "Salzlandkreis", "38.05"),
                        kreis(11, "15090", "Stendal", "37.5"),
                        kreis(12, "15087", "Mansfeld-Südharz", "35.95"),
                        kreis(13, "15001", "Dessau-Roßlau, Kreisfreie Stadt", "34.2"),
                        kreis(14, "15002", "Halle (Saale), Kreisfreie Stadt", "31.85")),
                Direction.HIGHER_IS_BETTER);
        IndicatorRanking naturalisations = new IndicatorRanking(
                "Rechtlicher Status",
                "Einbürgerungen je 1.000 Ausländer",
                "je 1.000 Ausländer",
                1,
                "höher ist günstiger",
                Figure.of(new BigDecimal("8.14")),
                Figure.of(new BigDecimal("13.05")),
                List.of(
                        new RankedKreis(1, "15090", "Stendal", Figure.of(new BigDecimal("14.6")), true),
                        kreis(2, "15003", "Magdeburg, Kreisfreie Stadt", "12.25"),
                        kreis(3, "15083", "Börde", "11.4"),
                        kreis(4, "15091", "Wittenberg", "10.08"),
                        kreis(5, "15002", "Halle (Saale), Kreisfreie Stadt", "9.71"),
                        kreis(6, "15088", "Saalekreis", "9.3"),
                        new RankedKreis(7, "15085", "Harz", Figure.marked(new BigDecimal("8.66"), "p"), false),
                        kreis(8, "15086", "Jerichower Land", "7.9"),
                        kreis(9, "15001", "Dessau-Roßlau, Kreisfreie Stadt", "7.35"),
                        kreis(10, "15082", "Anhalt-Bitterfeld", "6.8"),
                        kreis(11, "15089", "Salzlandkreis", "6.12"),
                        kreis(12, "15084", "Burgenlandkreis", "5.47"),
                        new RankedKreis(13, "15081", "Altmarkkreis Salzwedel", Figure.of(new BigDecimal("4.2")), true),
                        new RankedKreis(0, "15087", "Mansfeld-Südharz", Figure.missing("."), false)));
        return new LandOverview(
                "Integrationsmonitoring der Kreise 2023",
                "15",
                "Sachsen-Anhalt",
                2023,
                2018,
                2023,
                List.of(employment, naturalisations),
                List.of("13111-01-03-4", "12411-03-03-4", "12511-01-01-4", "12411-03-03-4"),
                "14.12.2024",
                "edition-2023-15-r7",
                INPUTS_SHA256,
                true,
                LandGeometry.of(KreisRegister.loadDefault(), "15", java.time.LocalDate.of(2023, 12, 31)));
    }

    static RankedKreis kreis(int rank, String ags, String name, String value) {
        return new RankedKreis(rank, ags, name, Figure.of(new BigDecimal(value)), false);
    }

    static byte[] render(LandOverview overview) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(overview, out);
        return out.toByteArray();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static String line(String text, String start) {
        return text.lines()
                .filter(l -> l.startsWith(start))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with \"" + start + "\" in:\n" + text));
    }

    @Test
    void templateAndRankingSubreportCompile() {
        assertThat(renderer.templatePath()).isEqualTo(TEMPLATE);
    }

    @Test
    void overviewCarriesLandIndicatorsSourceAndLicence() throws IOException {
        String text = text(render(sachsenAnhalt()));

        assertThat(text)
                .contains("Landesübersicht Sachsen-Anhalt")
                .contains("Integrationsmonitoring der Kreise 2023")
                .contains("Berichtszeitraum: 2018–2023")
                .contains("Datenstand: 14.12.2024")
                .contains("synthetische Beispieldaten")
                .contains("Beschäftigungsquote Ausländer")
                .contains("Einbürgerungen je 1.000 Ausländer")
                .contains("höher ist günstiger")
                .contains(SOURCE_LINE)
                .contains(LICENCE)
                .containsPattern("Seite 2 von \\d+")
                .contains("edition-2023-15-r7")
                .contains(INPUTS_SHA256);
        // the Land and Germany next to the ranking, rounded half up for display only
        assertThat(text).contains("41,3 %").contains("52,9 %").contains("8,1").contains("13,1");
        assertThat(text).doesNotContain("41,27").doesNotContain("48,35");
    }

    @Test
    void bestKreisHeadsTheRankingWithGermanFormattedValue() throws IOException {
        String text = text(render(sachsenAnhalt()));

        assertThat(line(text, "1. 15083")).contains("Börde").contains("48,4 %");
        assertThat(line(text, "14. 15002")).contains("Halle (Saale)").contains("31,9 %");
        assertThat(line(text, "1. 15090"))
                .contains("Stendal")
                .contains("14,6 ¹")
                .contains("kleine Basis");
        assertThat(line(text, "7. 15085")).contains("8,7 p");
    }

    @Test
    void secretKreisShowsTheSymbolAndNoRank() throws IOException {
        String text = text(render(sachsenAnhalt()));
        String secret = line(text, "– 15087");
        assertThat(secret).contains("Mansfeld-Südharz").endsWith(" .").doesNotContain("0,0");
    }

    @Test
    void everyIndicatorHasABookmark() throws IOException {
        try (PDDocument document = Loader.loadPDF(render(sachsenAnhalt()))) {
            List<String> titles = new ArrayList<>();
            for (PDOutlineItem item :
                    document.getDocumentCatalog().getDocumentOutline().children()) {
                titles.add(item.getTitle());
            }
            assertThat(titles)
                    .containsSubsequence(
                            "Landesübersicht Sachsen-Anhalt",
                            "Beschäftigungsquote Ausländer",
                            "Einbürgerungen je 1.000 Ausländer",
                            "Impressum und Nachweise");
        }
    }

    @Test
    void everyFontIsEmbeddedIncludingTheChartLabels() throws IOException {
        try (PDDocument document = Loader.loadPDF(render(sachsenAnhalt()))) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                collectFonts(page.getResources(), fonts);
            }
            assertThat(fonts).isNotEmpty().allMatch(name -> name.contains("DejaVuSans"));
        }
    }

    /** Charts are drawn into form XObjects with their own font resources; look inside them too. */
    private static void collectFonts(PDResources resources, List<String> fonts) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            fonts.add(font.getName());
            assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDFormXObject form) {
                collectFonts(form.getResources(), fonts);
            }
        }
    }

    @Test
    void metadataNamesTheLand() throws IOException {
        try (PDDocument document = Loader.loadPDF(render(sachsenAnhalt()))) {
            PDDocumentInformation info = document.getDocumentInformation();
            assertThat(info.getTitle())
                    .isEqualTo("Landesübersicht Sachsen-Anhalt – Integrationsmonitoring der Kreise 2023");
            assertThat(info.getAuthor()).isEqualTo("Integrationsmonitor");
            assertThat(info.getSubject())
                    .contains("Sachsen-Anhalt")
                    .contains("2023")
                    .contains("2018–2023");
            assertThat(info.getKeywords())
                    .contains("Integrationsmonitoring")
                    .contains("Arbeit")
                    .contains("Rechtlicher Status")
                    .contains("13111-01-03-4");
            assertThat(info.getCreationDate().toInstant()).isEqualTo(DocumentMetadata.DEFAULT_TIMESTAMP);
        }
    }

    @Test
    void theOverviewIsPdfA1bUnderPreflight(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("land-15.pdf");
        java.nio.file.Files.write(file, render(sachsenAnhalt()));

        org.apache.pdfbox.preflight.ValidationResult result =
                org.apache.pdfbox.preflight.parser.PreflightParser.validate(file.toFile());

        assertThat(result.getErrorsList()).isEmpty();
        assertThat(result.isValid()).isTrue();
    }

    @Tag("slow") // veraPDF
    @Test
    void aVersionedOverviewCarriesItsProvenanceAndStaysPdfA() throws IOException {
        Provenance provenance = new Provenance(
                "7KQ2-M9XD-4A",
                "integrationsbericht-2015",
                "land-15",
                "Land 15 Sachsen-Anhalt",
                3,
                "cd".repeat(32),
                "0.1.0+test",
                java.time.Instant.parse("2026-12-01T20:31:07Z"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(sachsenAnhalt(), provenance, out);
        byte[] versioned = out.toByteArray();
        try (PDDocument document = Loader.loadPDF(versioned)) {
            String xmp = new String(
                    document.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).contains("<imon:versionId>7KQ2-M9XD-4A</imon:versionId>", "<imon:unit>land-15</imon:unit>");
        }
        assertThat(text(versioned).replaceAll("\\s+", " ")).contains("Version 7KQ2-M9XD-4A, erstellt am 01.12.2026");
        assertThat(VeraPdf.failures(versioned, PDFAFlavour.PDFA_1_A)).isEmpty();
        assertThat(VeraPdf.failures(versioned, PDFAFlavour.PDFUA_1)).isEmpty();
    }

    @Tag("slow") // veraPDF
    @Test
    void theOverviewIsPdfA1aAndPdfUa1ForVeraPdf() {
        byte[] pdf = render(sachsenAnhalt());
        assertThat(VeraPdf.failures(pdf, PDFAFlavour.PDFA_1_A)).isEmpty();
        assertThat(VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1)).isEmpty();
    }

    @Test
    void everyIndicatorHasAMapWithItsClassesTheKreisWithoutValueAndTheAttribution() throws IOException {
        byte[] pdf = render(sachsenAnhalt());
        String text = text(pdf);
        assertThat(text).contains("© GeoBasis-DE / BKG 2021 (Daten verändert)");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> alts = new ArrayList<>();
            KreisReportRendererTest.collectFigures(
                    document.getDocumentCatalog().getStructureTreeRoot().getKids(), alts);
            assertThat(alts).allSatisfy(alt -> assertThat(alt).isNotBlank());
            // Einbürgerungen: Mansfeld-Südharz is secret, so it has no colour and is named
            assertThat(alts)
                    .anySatisfy(alt -> assertThat(alt)
                            .startsWith(
                                    "Karte Einbürgerungen je 1.000 Ausländer der Kreise in Sachsen-Anhalt, Klassen nach"
                                            + " Quantilen: 4,2 bis ")
                            .contains("ohne Wert: Mansfeld-Südharz"));
            // a map is vector graphics: no image in the file at all
            for (PDPage page : document.getPages()) {
                assertThat(imageCount(page.getResources())).isZero();
            }
        }
    }

    private static int imageCount(PDResources resources) throws IOException {
        int images = 0;
        if (resources == null) {
            return 0;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) {
                images++;
            } else if (object instanceof PDFormXObject form) {
                images += imageCount(form.getResources());
            }
        }
        return images;
    }

    @Test
    void sameInputGivesByteIdenticalPdf() throws IOException {
        byte[] first = render(sachsenAnhalt());
        byte[] second = render(sachsenAnhalt());
        assertThat(second).isEqualTo(first);
        // LAND_OVERVIEW_SAMPLE_PDF=/tmp/x.pdf keeps a copy to look at (pdftoppm -png -r 50)
        String sample = System.getenv("LAND_OVERVIEW_SAMPLE_PDF");
        if (sample != null) {
            Files.write(Path.of(sample), first);
        }
    }

    @Test
    void largeLandKeepsEveryKreisInChartAndTable() throws IOException {
        // Bayern has 96 Kreise: the chart takes the tall band, the table runs on over the next page
        List<RankedKreis> kreise = new ArrayList<>();
        for (int i = 1; i <= 96; i++) {
            kreise.add(kreis(
                    i,
                    String.format("09%03d", 100 + i),
                    "Landkreis Nummer " + i,
                    BigDecimal.valueOf(50 + 3 * i, 1).toPlainString()));
        }
        IndicatorRanking share = new IndicatorRanking(
                "Bevölkerung",
                "Ausländeranteil",
                "%",
                1,
                "niedriger ist günstiger",
                Figure.of(new BigDecimal("14.2")),
                Figure.of(new BigDecimal("15.3")),
                kreise);
        LandOverview sample = sachsenAnhalt();
        LandOverview bayern = new LandOverview(
                sample.editionTitle(),
                "09",
                "Bayern",
                2023,
                2018,
                2023,
                List.of(share),
                List.of("12411-03-03-4"),
                sample.dataStatus(),
                sample.reportVersionId(),
                sample.inputsSha256(),
                true);
        byte[] pdf = render(bayern);
        String text = text(pdf);
        assertThat(line(text, "1. 09101")).contains("5,3 %");
        assertThat(line(text, "96. 09196")).contains("33,8 %");
        String sample96 = System.getenv("LAND_OVERVIEW_SAMPLE_PDF");
        if (sample96 != null) {
            Files.write(Path.of(sample96.replace(".pdf", "-96.pdf")), pdf);
        }
    }

    @Test
    void missingRankingTemplateIsNamed(@TempDir Path directory) throws IOException {
        Path template = directory.resolve("landuebersicht.jrxml");
        Files.copy(TEMPLATE, template);
        assertThatThrownBy(() -> new LandOverviewRenderer(template))
                .isInstanceOf(ReportTemplateException.class)
                .hasMessageContaining("landuebersicht-rangliste.jrxml")
                .hasMessageContaining("could not be read");
    }
}
