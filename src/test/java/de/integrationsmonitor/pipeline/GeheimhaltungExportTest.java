package de.integrationsmonitor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.audit.AuditLog;
import de.integrationsmonitor.testing.Imon;
import de.integrationsmonitor.testing.Imon.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;

/**
 * The observations export of an own-data table with a protection rule: small cells and the cells that would give
 * them away are printed as {@code .}; {@code --intern} prints them all under the INTERN line and the audit log says
 * who exported them. The project is a copy of the shipped {@code jobs/} whose geheimhaltung.yml declares the rule.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class GeheimhaltungExportTest {

    static final String TABLE = "99990-01-01-4";

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void locations(DynamicPropertyRegistry registry) throws IOException {
        Path project = home.resolve("project");
        try (Stream<Path> files = Files.walk(Path.of("jobs"))) {
            for (Path f : files.toList()) {
                Path target = project.resolve(f.toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        Files.writeString(project.resolve("jobs/catalogue/geheimhaltung.yml"), """
                version: "test"
                tabellen:
                  "%s": {mindestfallzahl: 3}
                """.formatted(TABLE));
        Path catalogue = project.resolve("jobs/catalogue/indikatoren.yml");
        Files.writeString(catalogue, Files.readString(catalogue).replaceFirst("\nindicators:\n", """

                indicators:
                  - id: duldungen_frauenanteil
                    label: Frauenanteil an den Geduldeten
                    unit: "%%"
                    handlungsfeld: Bevölkerung
                    direction: neutral
                    inputs:
                      frauen: {table: %1$s, variable: "weiblich"}
                      insgesamt: {table: %1$s, variable: "Insgesamt"}
                    formula: frauen / insgesamt * 100
                    denominator: insgesamt
                    change: points
                    sources: [%1$s]
                    definition: Anteil der Frauen an den Geduldeten (eigene Daten der Ausländerbehörde).

                """.formatted(TABLE)));
        registry.add("imon.project", project::toString);
        registry.add("imon.home", home::toString);
        registry.add("spring.flyway.clean-disabled", () -> "false");
    }

    @Autowired
    CommandLine.IFactory factory;

    @Autowired
    Flyway flyway;

    @Autowired
    AuditLog audit;

    @BeforeEach
    void ownDataStored() {
        flyway.clean();
        flyway.migrate();
        Run ingest = Imon.run(
                factory,
                "ingest",
                Path.of("src/test/resources/fixtures/geheimhaltung/eigene-duldungen.csv")
                        .toAbsolutePath()
                        .toString());
        assertThat(ingest.exit()).as(ingest.out() + ingest.err()).isZero();
    }

    @Test
    void smallCellsAndTheCellsRevealingThemArePrintedAsSecret() {
        Run run = Imon.run(factory, "observations", "--table", TABLE);

        assertThat(run.exit()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out).startsWith("table,ags,period,");
        // Kiel's 2 (1 and 1) and Lübeck's 2 women are below the rule
        assertThat(out)
                .contains(TABLE + ",01002,2024,2024-12-31,Insgesamt,,.,")
                .contains(TABLE + ",01002,2024,2024-12-31,männlich,,.,")
                .contains(TABLE + ",01002,2024,2024-12-31,weiblich,,.,")
                .contains(TABLE + ",01003,2024,2024-12-31,weiblich,,.,");
        // the Land's figures stay; no row of the output lets an outsider recompute a hidden cell: in every
        // Kreis row and in every column, a hidden cell has a hidden partner
        assertThat(out).contains(TABLE + ",01,2024,2024-12-31,Insgesamt,60,,");
        assertThat(out.lines().filter(l -> l.contains(",.,")).count()).isGreaterThanOrEqualTo(6);
        for (String variable : new String[] {"Insgesamt", "männlich", "weiblich"}) {
            assertThat(out.lines()
                            .filter(l -> l.contains("2024-12-31," + variable + ",,.,"))
                            .count())
                    .as(variable)
                    .isNotEqualTo(1);
        }
        for (String kreis : new String[] {"01001", "01002", "01003", "01004"}) {
            assertThat(out.lines()
                            .filter(l -> l.contains("," + kreis + ",") && l.contains(",.,"))
                            .count())
                    .as(kreis)
                    .isNotEqualTo(1);
        }
        assertThat(out).doesNotContain("INTERN");
    }

    @Test
    void internGivesTheValuesUnderTheInternLineAndTheAuditLogNamesWhoExportedThem() {
        int before = audit.entries().size();

        Run run = Imon.run(factory, "observations", "--table", TABLE, "--intern");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("INTERN – nicht zur Veröffentlichung\ntable,ags,period,")
                .contains(TABLE + ",01002,2024,2024-12-31,Insgesamt,2,,");
        assertThat(audit.entries()).hasSize(before + 1);
        assertThat(audit.entries().get(before)).satisfies(e -> {
            assertThat(e.action()).isEqualTo("export-intern");
            assertThat(e.subject()).isEqualTo("observations --table " + TABLE);
            assertThat(e.osUser()).isEqualTo(System.getProperty("user.name"));
            assertThat(e.details()).contains("geheimhaltung.yml version test sha256 ");
        });
    }

    @Test
    void aShareOverASuppressedCountIsPrintedAsSecret() {
        Run run = Imon.run(factory, "indicators", "--indicator", "duldungen_frauenanteil");

        assertThat(run.exit()).as(run.err()).isZero();
        // Flensburg: 11 of 25 women, without its rank (it would place the suppressed Kreise); Kiel (1 of 2),
        // Lübeck (2 of 18) and Neumünster (its total suppressed beside Lübeck's) rest on suppressed cells
        assertThat(run.out())
                .contains("01001,\"Flensburg, kreisfreie Stadt\",duldungen_frauenanteil,2024,44,%,,"
                        + "33.333333333333,,,,")
                .contains("01002,\"Kiel, kreisfreie Stadt\",duldungen_frauenanteil,2024,,%,.,")
                .contains("01003,\"Lübeck, kreisfreie Stadt, Hansestadt\",duldungen_frauenanteil,2024,,%,.,")
                .contains("01004,\"Neumünster, kreisfreie Stadt\",duldungen_frauenanteil,2024,,%,.,");

        Run intern = Imon.run(factory, "indicators", "--indicator", "duldungen_frauenanteil", "--intern");
        assertThat(intern.out())
                .startsWith("INTERN – nicht zur Veröffentlichung\nags,name,indicator,")
                .contains("01002,\"Kiel, kreisfreie Stadt\",duldungen_frauenanteil,2024,50,%,");
    }

    @Test
    void aTableWithoutARuleIsPrintedAsTheOfficePublishedIt() throws IOException {
        Run ingest = Imon.run(
                factory,
                "ingest",
                Path.of("src/test/resources/fixtures/classic/secret-cells.csv")
                        .toAbsolutePath()
                        .toString());
        assertThat(ingest.exit()).isIn(0, 2);

        Run run = Imon.run(factory, "observations", "--table", "99999-01-01-4", "--kreis", "01051");

        assertThat(run.out()).contains("99999-01-01-4,01051,2016,2016-12-31,Wert,12,p,");
    }

    static {
        // the fixture must stay beside the test
        if (!Files.exists(Path.of("src/test/resources/fixtures/geheimhaltung/eigene-duldungen.csv"))) {
            throw new UncheckedIOException(new IOException("fixture eigene-duldungen.csv missing"));
        }
    }
}
