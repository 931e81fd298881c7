package de.integrationsmonitor.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.integrationsmonitor.datenquellen.SourceDescription;
import de.integrationsmonitor.indicator.CatalogueLoader;
import de.integrationsmonitor.indicator.InputSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourcesLoaderTest {

    @TempDir
    Path temp;

    Path file(String yaml) throws IOException {
        return Files.writeString(temp.resolve("quellen.yml"), yaml);
    }

    @Test
    @DisplayName("the shipped jobs/quellen.yml lists every table the catalogue needs, and loads without a refusal")
    void shippedSourcesCoverTheCatalogue() {
        SourcesLoader.SourceList shipped = SourcesLoader.load(Path.of("jobs/quellen.yml"));
        Set<String> needed = CatalogueLoader.load(Path.of("jobs/catalogue/indikatoren.yml")).indicators().stream()
                .flatMap(i -> i.inputs().stream())
                .map(InputSpec::table)
                // own data (jobs/datenquellen) come from the Kreis's offices, not from a GENESIS database
                .filter(table -> !table.startsWith(SourceDescription.PREFIX))
                .collect(Collectors.toSet());

        assertThat(shipped.refused()).isEmpty();
        assertThat(shipped.sources()).extracting(Source::table).containsAll(needed);
        // the protection seekers are published by Destatis in GENESIS-Online, the Kreis tables ("-4": regional
        // depth Kreise) by the Regionaldatenbank
        assertThat(shipped.sources())
                .filteredOn(s -> s.table().equals("12531-0043"))
                .singleElement()
                .satisfies(s -> assertThat(s.database()).isEqualTo(Database.GENESIS));
        assertThat(shipped.sources())
                .filteredOn(s -> s.table().endsWith("-4"))
                .allSatisfy(s -> assertThat(s.database()).isEqualTo(Database.REGIONALSTATISTIK));
    }

    @Test
    @DisplayName("every field of an entry is read; the statistic defaults to the first part of the table code")
    void fields() throws IOException {
        Path file = file("""
                sources:
                  - table: 12411-01-01-4
                    database: regionalstatistik
                    regional_variable: KREISE
                    regional_keys: ["15001", "15*"]
                    start_year: 2019
                    end_year: 2024
                    language: en
                  - {table: AI-N-01-2-5, database: regionalstatistik}
                  - {table: AI-N-01-2-5, database: zensus, statistic: "99910"}
                """);

        List<Source> sources = SourcesLoader.load(file).sources();

        assertThat(sources)
                .containsExactly(
                        new Source(
                                "12411-01-01-4",
                                Database.REGIONALSTATISTIK,
                                "KREISE",
                                List.of("15001", "15*"),
                                Optional.of(2019),
                                Optional.of(2024),
                                "en",
                                Optional.of("12411")),
                        new Source(
                                "AI-N-01-2-5",
                                Database.REGIONALSTATISTIK,
                                "",
                                List.of(),
                                Optional.empty(),
                                Optional.empty(),
                                "de",
                                Optional.empty()),
                        new Source(
                                "AI-N-01-2-5",
                                Database.ZENSUS,
                                "",
                                List.of(),
                                Optional.empty(),
                                Optional.empty(),
                                "de",
                                Optional.of("99910")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{table: 12411-01-01-4, database: destatis}|source 1 (12411-01-01-4): database is 'destatis'; allowed: regionalstatistik, genesis, zensus",
                "{table: 12411-01-01-4}|source 1 (12411-01-01-4): database is missing; allowed: regionalstatistik, genesis, zensus",
                "{table: 12411, database: genesis}|source 1: table is '12411'; expected a table code like 12411-01-01-4",
                "{table: 12411-01-01-4, database: genesis, jahr: 2019}|source 1 (12411-01-01-4): unknown field 'jahr'; allowed fields: database, end_year, language, regional_keys, regional_variable, start_year, statistic, table",
                "{table: 12411-01-01-4, database: genesis, start_year: neunzehn}|start_year is 'neunzehn'; expected a year like 2011",
                "{table: 12411-01-01-4, database: genesis, start_year: 2024, end_year: 2019}|start_year 2024 is after end_year 2019",
                "{table: 12411-01-01-4, database: genesis, language: fr}|language is 'fr'; allowed: de, en",
                "{table: 12411-01-01-4, database: genesis, regional_variable: Kreise}|regional_variable is 'Kreise'; expected a regional variable like KREISE",
                "{table: 12411-01-01-4, database: genesis, regional_variable: KREISE, regional_keys: [1001]}|regional_keys holds '1001'; expected region codes in quotes",
                "{table: 12411-01-01-4, database: genesis, regional_keys: [\"01001\"]}|regional_keys need regional_variable",
            })
    @DisplayName("a wrong entry is refused naming file, entry, field and the allowed values; the others are kept")
    void wrongEntry(String entry, String message) throws IOException {
        Path file = file("sources:\n  - " + entry + "\n  - {table: 13111-01-03-4, database: regionalstatistik}\n");

        SourcesLoader.SourceList loaded = SourcesLoader.load(file);

        assertThat(loaded.sources()).extracting(Source::table).containsExactly("13111-01-03-4");
        assertThat(loaded.refused()).singleElement().satisfies(r -> {
            assertThat(r.result()).isEqualTo(FetchOutcome.Result.REFUSED);
            assertThat(r.message()).startsWith(file + ": source 1").contains(message);
        });
    }

    @Test
    @DisplayName("another GENESIS installation (a Landesdatenbank) is configured by name and base URL, in the file or"
            + " the environment, and its tables name it as their database")
    void configuredDatabases() throws IOException {
        Path file = file("""
                databases:
                  - {name: bayern, label: GENESIS-Online Bayern, url: "https://www.statistikdaten.bayern.de/genesisWS/rest/2020"}
                sources:
                  - {table: 12411-001, database: bayern}
                  - {table: 12411-01-01-4, database: nrw}
                  - {table: 12411-01-01-4, database: sachsen}
                """);
        java.util.List<Database> environment = Database.fromEnvironment(java.util.Map.of(
                Database.DATABASES, "nrw=https://www.landesdatenbank.nrw.de/ldbnrwws/rest/2020/")::get);

        SourcesLoader.SourceList loaded = SourcesLoader.load(file, environment);

        assertThat(loaded.sources())
                .extracting(s ->
                        s.table() + " " + s.database().id() + " " + s.database().defaultBaseUrl())
                .containsExactly(
                        "12411-001 bayern https://www.statistikdaten.bayern.de/genesisWS/rest/2020/",
                        "12411-01-01-4 nrw https://www.landesdatenbank.nrw.de/ldbnrwws/rest/2020/");
        assertThat(loaded.sources().get(0).label()).isEqualTo("12411-001 (bayern)");
        assertThat(loaded.sources().get(0).database().label()).isEqualTo("GENESIS-Online Bayern");
        assertThat(loaded.refused())
                .singleElement()
                .satisfies(r -> assertThat(r.message())
                        .endsWith("database is 'sachsen'; allowed: regionalstatistik, genesis, zensus, nrw, bayern"));
    }

    @Test
    @DisplayName("a configured database with a built-in name, no name or a URL that would send the credentials in"
            + " plain text is refused, the file named")
    void wrongConfiguredDatabases() throws IOException {
        for (String[] wrong : new String[][] {
            {"{name: genesis, url: https://mirror.example/rest/2020/}", "the database 'genesis' is built in"},
            {"{name: Bayern!, url: https://mirror.example/rest/2020/}", "the database name is 'Bayern!'"},
            {"{name: bayern, url: http://statistik.example/rest/2020/}", "plain http to another machine"},
            {"{name: bayern, url: https://a.example/, token: x}", "unknown field 'token'"}
        }) {
            Path file = file("databases:\n  - " + wrong[0] + "\nsources:\n  - {table: 12411-001, database: bayern}\n");
            assertThatThrownBy(() -> SourcesLoader.load(file))
                    .as(wrong[0])
                    .isInstanceOf(FetchConfigurationException.class)
                    .hasMessageContaining(file + ": database 1")
                    .hasMessageContaining(wrong[1]);
        }
    }

    @Test
    @DisplayName("a table listed twice for the same database and language is refused the second time")
    void twice() throws IOException {
        Path file = file("""
                sources:
                  - {table: 12411-01-01-4, database: regionalstatistik}
                  - {table: 12411-01-01-4, database: regionalstatistik, language: en}
                  - {table: 12411-01-01-4, database: regionalstatistik, start_year: 2019}
                """);

        SourcesLoader.SourceList loaded = SourcesLoader.load(file);

        assertThat(loaded.sources()).hasSize(2);
        assertThat(loaded.refused())
                .singleElement()
                .satisfies(r -> assertThat(r.describe())
                        .isEqualTo("REFUSED 12411-01-01-4 (regionalstatistik): " + file
                                + ": source 3: 12411-01-01-4 (regionalstatistik)"
                                + " is listed twice in language de; list each table once per database and language"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "- {table: 12411-01-01-4, database: genesis}|expected one field 'sources' with a list of tables",
                "sources: {table: 12411-01-01-4}|sources should be a list of tables",
                "sources: [unclosed|is not valid YAML",
            })
    @DisplayName("a file that is no list of sources is refused whole")
    void wrongFile(String yaml, String message) throws IOException {
        Path file = file(yaml);

        assertThatThrownBy(() -> SourcesLoader.load(file))
                .isInstanceOf(FetchConfigurationException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(message);
    }

    @Test
    @DisplayName("a missing sources file says what it is for")
    void missing() {
        assertThatThrownBy(() -> SourcesLoader.load(temp.resolve("quellen.yml")))
                .isInstanceOf(FetchConfigurationException.class)
                .hasMessageContaining("no sources file")
                .hasMessageContaining("it lists the tables to fetch");
    }
}
