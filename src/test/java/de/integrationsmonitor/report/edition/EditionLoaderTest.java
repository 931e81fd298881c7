package de.integrationsmonitor.report.edition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.integrationsmonitor.indicator.CatalogueLoader;
import de.integrationsmonitor.indicator.IndicatorCatalogue;
import de.integrationsmonitor.indicator.IndicatorDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Report editions are files report authors write: a wrong field gets a message naming it and what is allowed. */
class EditionLoaderTest {

    static final Path FIVE_YEARLY = Path.of("src/test/resources/editions/integrationsbericht-2015.yml");

    @TempDir
    Path temp;

    @Test
    void theFiveYearlyEditionCoversTheYears2011To2015ByHandlungsfeld() {
        Edition edition = EditionLoader.load(FIVE_YEARLY);

        assertThat(edition.periodFrom()).isEqualTo(2011);
        assertThat(edition.reportYear()).isEqualTo(2015);
        assertThat(edition.gebietsstand()).isEqualTo(LocalDate.of(2015, 12, 31));
        assertThat(edition.handlungsfelder()).containsKeys("Bevölkerung", "Arbeit", "Bildung");
        assertThat(edition.indicators()).startsWith("auslaenderanteil").contains("einkommen_je_ew");
        assertThat(edition.kreisFileName("15001")).isEqualTo("integrationsbericht-2015/15001.pdf");
        assertThat(edition.landFileName("15")).isEqualTo("integrationsbericht-2015/land-15.pdf");
    }

    @Test
    void theShippedEditionsOfJobsLoad() {
        assertThat(EditionLoader.editionFiles(Path.of("jobs")))
                .isNotEmpty()
                .allSatisfy(file -> assertThat(EditionLoader.load(file).title()).isNotBlank());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "report_year: 2015|report_year: fünfzehn|report_year is 'fünfzehn'; allowed: the year",
                "kreise: all|kreise: Sachsen-Anhalt|kreise is 'Sachsen-Anhalt'; allowed: all, {land: \"15\"}",
                "period_years: 5|period_years: 0|period_years is '0'; allowed: a number of years from 1 to 30",
                "gebietsstand: 2015-12-31|gebietsstand: Ende 2015|gebietsstand is 'Ende 2015'; allowed: a date like 2015-12-31",
                "title: Integrationsbericht 2015|titel: Integrationsbericht 2015|unknown field 'titel'; allowed fields:",
                "Bildung: [schulabgaenger_ohne_abschluss]|Bildung: schulabgaenger_ohne_abschluss|handlungsfelder: 'Bildung' should list indicator ids",
            })
    void aWrongFieldIsNamedWithWhatIsAllowed(String good, String bad, String message) throws IOException {
        Path file = temp.resolve("kaputt.yml");
        String text = Files.readString(FIVE_YEARLY);
        assertThat(text).contains(good);
        Files.writeString(file, text.replace(good, bad));

        assertThatThrownBy(() -> EditionLoader.load(file))
                .isInstanceOf(EditionException.class)
                .hasMessageContaining("kaputt.yml")
                .hasMessageContaining(message);
    }

    @Test
    void aTitleLongerThanAReportVersionRecordsIsRefusedNamingFileFieldAndLimit() throws IOException {
        Path file = temp.resolve("langer-titel.yml");
        String text = Files.readString(FIVE_YEARLY);
        String title = "title: Integrationsbericht 2015";
        assertThat(text).contains(title);
        Files.writeString(file, text.replace(title, title + " und mehr".repeat(120)));

        assertThatThrownBy(() -> EditionLoader.load(file))
                .isInstanceOf(EditionException.class)
                .hasMessageContaining("langer-titel.yml: title has 1104 characters; at most 1000 are allowed");
    }

    static final Path CATALOGUE = Path.of("jobs/catalogue/indikatoren.yml");

    @Test
    void everyShippedEditionListsItsIndicatorsUnderTheCataloguesHandlungsfeld() {
        IndicatorCatalogue catalogue = CatalogueLoader.load(CATALOGUE);
        for (Path file : List.of(
                FIVE_YEARLY,
                Path.of("src/test/resources/editions/integrationsbericht-2015-st.yml"),
                Path.of("jobs/integrationsbericht-beispiel.yml"))) {
            Edition edition = EditionLoader.load(file);
            assertThat(EditionLoader.resolve(edition, catalogue, CATALOGUE))
                    .extracting(IndicatorDefinition::id)
                    .containsExactlyElementsOf(edition.indicators());
        }
    }

    @Test
    void anIndicatorListedUnderAnotherHandlungsfeldThanTheCataloguesIsRefusedNamingBoth() throws IOException {
        Path file = temp.resolve("verschoben.yml");
        Files.writeString(
                file,
                Files.readString(FIVE_YEARLY)
                        .replace(
                                "Bildung: [schulabgaenger_ohne_abschluss]",
                                "Arbeit und Bildung: [schulabgaenger_ohne_abschluss]"));
        Edition edition = EditionLoader.load(file);

        assertThatThrownBy(() -> EditionLoader.resolve(edition, CatalogueLoader.load(CATALOGUE), CATALOGUE))
                .isInstanceOf(EditionException.class)
                .hasMessageContaining("verschoben.yml: handlungsfelder: 'Arbeit und Bildung' lists indicator"
                        + " 'schulabgaenger_ohne_abschluss'")
                .hasMessageContaining("puts into the Handlungsfeld 'Bildung'")
                .hasMessageContaining(CATALOGUE.toString());
    }
}
