package de.integrationsmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KreisReportRendererTest {

    static final Path TEMPLATE = Path.of("templates/kreisbericht.jrxml");

    static final String SOURCE_LINE = "Datengrundlage: Statistische Ämter des Bundes und der Länder, "
            + "12411-03-03-4, 12411-01-01-4, eigene Berechnungen";
    static final String LICENCE = "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)";

    static KreisReportRenderer renderer;

    @BeforeAll
    static void compileTemplateOnce() {
        renderer = new KreisReportRenderer(TEMPLATE);
    }

    static KreisReport dessauRosslau() {
        return new KreisReport(
                "15001",
                "Dessau-Roßlau, Kreisfreie Stadt",
                "Sachsen-Anhalt",
                LocalDate.of(2015, 12, 31),
                List.of(
                        new IndicatorRow("Ausländeranteil", "%",
                                Figure.of(new BigDecimal("4.098")),
                                Figure.of(new BigDecimal("5.2")),
                                Figure.of(new BigDecimal("11.2"))),
                        new IndicatorRow("Einbürgerungen je 1.000 Ausländer", "je 1.000 Ausländer",
                                Figure.missing("."),
                                Figure.of(new BigDecimal("8.14")),
                                Figure.of(new BigDecimal("13.05")))),
                List.of("12411-03-03-4", "12411-01-01-4"),
                "14.12.2017",
                true);
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
    void reportCarriesKreisDateFiguresSourceAndLicence() throws IOException {
        String text = text(render(dessauRosslau()));

        assertThat(text)
                .contains("Integrationsbericht Dessau-Roßlau")
                .contains("15001")
                .contains("Sachsen-Anhalt")
                .contains("31.12.2015")
                .contains("4,1 %")
                .contains("5,2 %")
                .contains("11,2 %")
                .contains(SOURCE_LINE)
                .contains(LICENCE)
                .contains("Datenstand: 14.12.2017")
                .contains("Seite 1 von 1")
                .contains("synthetische Beispieldaten");
        // the unrounded value never reaches the page
        assertThat(text).doesNotContain("4,098");
    }

    @Test
    void secretCellPrintsTheSymbolNotZero() throws IOException {
        String text = text(render(dessauRosslau()));
        String secretRow = text.lines()
                .filter(line -> line.startsWith("Einbürgerungen je 1.000 Ausländer"))
                .findFirst()
                .orElseThrow();
        assertThat(secretRow).contains(" . ").contains("8,1").contains("13,1").doesNotContain(" 0 ");
    }

    @Test
    void officialDataHasNoSyntheticNote() throws IOException {
        KreisReport sample = dessauRosslau();
        KreisReport official = new KreisReport(sample.ags(), sample.kreisName(), sample.landName(),
                sample.referenceDate(), sample.rows(), sample.tableCodes(), sample.dataStatus(), false);
        assertThat(text(render(official))).doesNotContain("synthetisch");
    }

    @Test
    void everyFontIsEmbedded() throws IOException {
        try (PDDocument document = Loader.loadPDF(render(dessauRosslau()))) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    fonts.add(font.getName());
                    assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                }
            }
            assertThat(fonts).isNotEmpty().allMatch(name -> name.contains("DejaVuSans"));
        }
    }

    @Test
    void metadataNamesTheKreis() throws IOException {
        try (PDDocument document = Loader.loadPDF(render(dessauRosslau()))) {
            PDDocumentInformation info = document.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Integrationsbericht Dessau-Roßlau, Kreisfreie Stadt");
            assertThat(info.getAuthor()).isEqualTo("Integrationsmonitor");
            assertThat(info.getSubject()).contains("15001").contains("31.12.2015");
            assertThat(info.getCreationDate().toInstant())
                    .isEqualTo(KreisReportRenderer.DEFAULT_DOCUMENT_TIMESTAMP);
        }
    }

    @Test
    void sameInputGivesByteIdenticalPdf() {
        byte[] first = render(dessauRosslau());
        byte[] second = render(dessauRosslau());
        assertThat(second).isEqualTo(first);
    }

    @Test
    void differentKreisGetsDifferentDocumentId() throws IOException {
        KreisReport sample = dessauRosslau();
        KreisReport other = new KreisReport("15002", "Halle (Saale), Kreisfreie Stadt", sample.landName(),
                sample.referenceDate(), sample.rows(), sample.tableCodes(), sample.dataStatus(), true);
        try (PDDocument a = Loader.loadPDF(render(sample)); PDDocument b = Loader.loadPDF(render(other))) {
            assertThat(a.getDocument().getDocumentID()).isNotEqualTo(b.getDocument().getDocumentID());
        }
    }

    @Test
    void longTableShowsPageOfPagesOnEveryPage() throws IOException {
        KreisReport sample = dessauRosslau();
        List<IndicatorRow> rows = new ArrayList<>();
        for (int i = 1; i <= 80; i++) {
            rows.add(new IndicatorRow("Indikator " + i, "%", Figure.of(BigDecimal.valueOf(i, 1)),
                    Figure.of(BigDecimal.ONE), Figure.of(BigDecimal.TEN)));
        }
        KreisReport longReport = new KreisReport(sample.ags(), sample.kreisName(), sample.landName(),
                sample.referenceDate(), rows, sample.tableCodes(), sample.dataStatus(), false);
        String text = text(render(longReport));
        assertThat(text).contains("Seite 1 von 3").contains("Seite 2 von 3").contains("Seite 3 von 3");
        assertThat(text.split(java.util.regex.Pattern.quote(LICENCE), -1)).hasSize(4);
    }

    @Test
    void brokenTemplateNamesFileAndJasperError(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("kaputt.jrxml");
        Files.writeString(broken, Files.readString(TEMPLATE).replace("$F{label}", "$F{labl}"));
        assertThatThrownBy(() -> new KreisReportRenderer(broken))
                .isInstanceOf(ReportTemplateException.class)
                .hasMessageContaining("kaputt.jrxml")
                .hasMessageContaining("could not be compiled")
                .hasMessageContaining("labl");
    }

    @Test
    void missingTemplateSaysWhereItLooked() {
        assertThatThrownBy(() -> new KreisReportRenderer(Path.of("templates/gibt-es-nicht.jrxml")))
                .isInstanceOf(ReportTemplateException.class)
                .hasMessageContaining("gibt-es-nicht.jrxml")
                .hasMessageContaining("could not be read");
    }
}
