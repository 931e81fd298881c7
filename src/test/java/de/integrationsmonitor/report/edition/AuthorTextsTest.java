package de.integrationsmonitor.report.edition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The authors write Markdown; what a report can print is printed, anything else is refused with file and line. */
class AuthorTextsTest {

    static final Path ST_EDITION = Path.of("src/test/resources/editions/integrationsbericht-2015-st.yml");

    @TempDir
    Path temp;

    @Test
    void theSampleTextOfDessauRosslauGoesIntoItsHandlungsfelder() {
        Edition edition = EditionLoader.load(ST_EDITION);
        AuthorTexts texts = AuthorTexts.load(edition, Set.of("15001", "15002"));

        assertThat(texts.introduction())
                .extracting(AuthorTexts.Block::markup)
                .first()
                .asString()
                .contains("beschreibt die Jahre <style isBold=\"true\">2011 bis 2015</style>");
        AuthorTexts.KreisText dessau = texts.of("15001");
        assertThat(dessau.introduction()).hasSize(1);
        assertThat(dessau.assessments()).containsOnlyKeys("Bevölkerung", "Arbeit");
        assertThat(dessau.assessments().get("Bevölkerung"))
                .extracting(AuthorTexts.Block::kind)
                .containsExactly("p", "li", "li");
        assertThat(dessau.assessments().get("Bevölkerung").get(2).label()).isEqualTo("2.");
        assertThat(texts.of("15002").assessments()).isEmpty();
        assertThat(texts.sha256()).containsOnlyKeys("einleitung.md", "15001.md");
    }

    private Edition editionWithText(String name, String markdown) throws IOException {
        Path file = temp.resolve("ausgabe.yml");
        Files.writeString(
                file, Files.readString(ST_EDITION).replace("edition: integrationsbericht-2015-st", "edition: ausgabe"));
        Files.createDirectories(temp.resolve("ausgabe/texte"));
        Files.writeString(temp.resolve("ausgabe/texte").resolve(name), markdown);
        return EditionLoader.load(file);
    }

    @Test
    void aHeadingThatIsNotAHandlungsfeldIsRefusedNamingTheAllowedOnes() throws IOException {
        Edition edition = editionWithText("15001.md", "Einleitung.\n\n## Wohnen\n\nText.\n");

        assertThatThrownBy(() -> AuthorTexts.load(edition, Set.of("15001")))
                .isInstanceOf(EditionException.class)
                .hasMessageContaining("15001.md:3: cannot print the heading 'Wohnen'")
                .hasMessageContaining("Bevölkerung, Rechtlicher Status, Arbeit, Soziale Sicherung, Bildung");
    }

    @Test
    void codeQuotationsImagesAndNestedListsAreRefusedWithTheirLine() throws IOException {
        for (String[] bad : List.of(
                new String[] {"Absatz.\n\n```\ncode\n```\n", ":3: cannot print code"},
                new String[] {"Absatz.\n\n> Zitat\n", ":3: cannot print a quotation block"},
                new String[] {"Ein ![Bild](bild.png).\n", ":1: cannot print an image"},
                new String[] {"Text mit <b>HTML</b>.\n", ":1: cannot print HTML"},
                new String[] {"- eins\n  - zwei\n", ":2: cannot print a nested list or block inside a list item"})) {
            Edition edition = editionWithText("15001.md", bad[0]);
            assertThatThrownBy(() -> AuthorTexts.load(edition, Set.of("15001")))
                    .as(bad[0])
                    .isInstanceOf(EditionException.class)
                    .hasMessageContaining("15001.md" + bad[1]);
        }
    }

    @Test
    void linksArePrintedWithTheirAddressAndMarkupIsEscaped() throws IOException {
        Edition edition = editionWithText(
                "15001.md", "Siehe [BA-Statistik](https://statistik.arbeitsagentur.de)" + " & 5 < 6.\n");

        String markup = AuthorTexts.load(edition, Set.of("15001"))
                .of("15001")
                .introduction()
                .get(0)
                .markup();

        assertThat(markup).isEqualTo("Siehe BA-Statistik (https://statistik.arbeitsagentur.de) &amp; 5 &lt; 6.");
    }

    @Test
    void theStubsHaveOneSectionPerHandlungsfeldAndPrintNothingUntilTheAuthorsWrite() throws IOException {
        Edition edition = editionWithText("15001.md", "Schon geschrieben.\n");

        List<Path> written =
                AuthorTexts.createStubs(edition, Map.of("15001", "Dessau-Roßlau", "15002", "Halle (Saale)"));

        assertThat(written)
                .extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("einleitung.md", "15002.md");
        assertThat(Files.readString(temp.resolve("ausgabe/texte/15002.md")))
                .contains("## Bevölkerung", "## Rechtlicher Status", "## Einkommen", "Halle (Saale) (15002)");
        AuthorTexts texts = AuthorTexts.load(edition, Set.of("15001", "15002"));
        assertThat(texts.of("15002").introduction()).isEmpty();
        assertThat(texts.of("15002").assessments()).isEmpty();
        assertThat(texts.of("15001").introduction()).hasSize(1);
    }
}
