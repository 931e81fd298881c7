package de.integrationsmonitor.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import de.integrationsmonitor.indicator.CatalogueException;
import de.integrationsmonitor.indicator.CatalogueLoader;
import de.integrationsmonitor.report.edition.AuthorTexts;
import de.integrationsmonitor.report.edition.Edition;
import de.integrationsmonitor.report.edition.EditionException;
import de.integrationsmonitor.report.edition.EditionLoader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What users edit has limits too, and past one the file is refused with the file, the field and the limit (exit 2 on
 * the command line), before it can exhaust the stack or the heap or reach the database as a statement it cannot keep.
 */
class CatalogueAndTextLimitsTest {

    static final Path CATALOGUE = Path.of("jobs/catalogue/indikatoren.yml");
    static final Path ST_EDITION = Path.of("src/test/resources/editions/integrationsbericht-2015-st.yml");

    @TempDir
    Path temp;

    static String firstFormula() throws IOException {
        return Files.readAllLines(CATALOGUE).stream()
                .filter(l -> l.strip().startsWith("formula:"))
                .findFirst()
                .orElseThrow();
    }

    static String firstId() throws IOException {
        return Files.readAllLines(CATALOGUE).stream()
                .filter(l -> l.strip().startsWith("- id:"))
                .findFirst()
                .orElseThrow();
    }

    Path catalogueWith(String line, String replacement) throws IOException {
        return Files.writeString(
                temp.resolve("indikatoren.yml"), Files.readString(CATALOGUE).replace(line, replacement));
    }

    static String formulaOf(String line) {
        String value =
                line.substring(line.indexOf("formula:") + "formula:".length()).strip();
        return value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    static String indent(String line) {
        return line.substring(0, line.indexOf(line.strip()));
    }

    @Test
    void aFormulaNested50000ParenthesesDeepIsRefusedNotAStackOverflow() throws IOException {
        String line = firstFormula();
        Path file = catalogueWith(
                line, indent(line) + "formula: \"" + "(".repeat(50_000) + formulaOf(line) + ")".repeat(50_000) + "\"");

        Throwable refused = catchThrowable(() -> CatalogueLoader.load(file));

        assertThat(refused)
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("at column 101: more than 100 levels of parentheses, functions or signs nested")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1000));
    }

    @Test
    void aLiteralOf61DigitsIsRefusedNamingTheDigitsTheStoreKeeps() throws IOException {
        String line = firstFormula();
        Path file =
                catalogueWith(line, indent(line) + "formula: \"1" + "0".repeat(60) + " * (" + formulaOf(line) + ")\"");

        assertThat(catchThrowable(() -> CatalogueLoader.load(file)))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("at column 1: the number 1000000000")
                .hasMessageContaining("has 61 integer digits and 0 decimals; a number in a formula has at most 35"
                        + " integer digits and 30 decimals");
    }

    @Test
    void anIndicatorIdOf5000CharactersIsRefusedNamingItsLimit() throws IOException {
        String line = firstId();
        Path file = catalogueWith(line, indent(line) + "- id: " + "x".repeat(5000));

        assertThat(catchThrowable(() -> CatalogueLoader.load(file)))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining(file + ": indicators[1]: id has 5000 characters; at most 80")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1000));
    }

    @Test
    void inputNamesAndTableCodesLongerThanTheStoreKeepsAreRefused() throws IOException {
        String text = Files.readString(CATALOGUE);
        String table = Files.readAllLines(CATALOGUE).stream()
                .filter(l -> l.strip().startsWith("table:"))
                .findFirst()
                .orElseThrow();
        Path file = Files.writeString(
                temp.resolve("indikatoren.yml"),
                text.replaceFirst(
                        java.util.regex.Pattern.quote(table), indent(table) + "table: 12411-" + "0".repeat(60)));

        assertThat(catchThrowable(() -> CatalogueLoader.load(file)))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("table has 66 characters; at most 40");
    }

    @Test
    void anAuthorsTextOf50MegabytesIsRefusedBeforeItIsRead() throws IOException {
        Path edition = temp.resolve("ausgabe.yml");
        Files.writeString(
                edition,
                Files.readString(ST_EDITION).replace("edition: integrationsbericht-2015-st", "edition: ausgabe"));
        Path texts = Files.createDirectories(temp.resolve("ausgabe/texte"));
        Path huge = texts.resolve("15001.md");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(50L * 1024 * 1024); // sparse: 50 MB of NUL, as far as any reader is concerned
        }
        Edition loaded = EditionLoader.load(edition);

        assertThat(catchThrowable(() -> AuthorTexts.load(loaded, Set.of("15001"))))
                .isInstanceOf(EditionException.class)
                .hasMessageContaining(huge + ": 52,428,800 bytes; an authors' text has at most 262,144 bytes");
        assertThat(List.of(huge)).allSatisfy(p -> assertThat(p).exists());
    }
}
