package de.integrationsmonitor.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import de.integrationsmonitor.fetch.FetchConfigurationException;
import de.integrationsmonitor.fetch.SourcesLoader;
import de.integrationsmonitor.indicator.CatalogueException;
import de.integrationsmonitor.indicator.CatalogueLoader;
import de.integrationsmonitor.report.edition.EditionException;
import de.integrationsmonitor.report.edition.EditionLoader;
import de.integrationsmonitor.validate.RuleCatalogue;
import de.integrationsmonitor.validate.RuleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key given twice in a file users edit (a second {@code formula:} below the first) would silently replace the first
 * value and change what is computed or published: every such file is refused, naming the file, the key and its line.
 */
class DuplicateKeysTest {

    @TempDir
    Path folder;

    /** The shipped file with a second value for the same key written right after the first occurrence. */
    Path withSecondValue(Path shipped, String firstOccurrence, String secondLine) throws IOException {
        String text = Files.readString(shipped);
        int at = text.indexOf(firstOccurrence);
        assertThat(at).as(firstOccurrence + " in " + shipped).isNotNegative();
        int endOfLine = text.indexOf('\n', at) + 1;
        Path file = folder.resolve(shipped.getFileName());
        Files.writeString(file, text.substring(0, endOfLine) + secondLine + "\n" + text.substring(endOfLine));
        return file;
    }

    static long lineOf(Path file, String line) throws IOException {
        return Files.readAllLines(file).indexOf(line) + 1;
    }

    @Test
    void aSecondFormulaOfAnIndicatorIsRefusedWithFileKeyAndLine() throws IOException {
        Path shipped = Path.of("jobs/catalogue/indikatoren.yml");
        String first = Files.readAllLines(shipped).stream()
                .filter(l -> l.strip().startsWith("formula:"))
                .findFirst()
                .orElseThrow();
        String second = first.substring(0, first.indexOf("formula:")) + "formula: \"1000000\"";
        Path file = withSecondValue(shipped, first, second);

        Throwable refused = catchThrowable(() -> CatalogueLoader.load(file));

        assertThat(refused)
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("duplicate key 'formula' in line " + lineOf(file, second));
    }

    @Test
    void aSecondToleranceOfARuleIsRefused() throws IOException {
        Path file = withSecondValue(
                Path.of("jobs/catalogue/pruefregeln.yml"), "    total: Insgesamt", "    total: männlich");

        assertThat(catchThrowable(() -> RuleCatalogue.load(file)))
                .isInstanceOf(RuleException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("duplicate key 'total' in line " + lineOf(file, "    total: männlich"));
    }

    @Test
    void aSecondTitleOfAnEditionIsRefused() throws IOException {
        Path shipped = Path.of("jobs/integrationsbericht-beispiel.yml");
        String first = Files.readAllLines(shipped).stream()
                .filter(l -> l.startsWith("title:"))
                .findFirst()
                .orElseThrow();
        Path file = withSecondValue(shipped, first, "title: Ein anderer Bericht");

        assertThat(catchThrowable(() -> EditionLoader.load(file)))
                .isInstanceOf(EditionException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("duplicate key 'title' in line " + lineOf(file, "title: Ein anderer Bericht"));
    }

    @Test
    void aSecondDatabaseOfASourceIsRefused() throws IOException {
        Path file = Files.writeString(folder.resolve("quellen.yml"), """
                sources:
                  - table: 12411-01-01-4
                    database: regionalstatistik
                    database: genesis
                """);

        assertThat(catchThrowable(() -> SourcesLoader.load(file)))
                .isInstanceOf(FetchConfigurationException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("duplicate key 'database' in line 4");
    }
}
