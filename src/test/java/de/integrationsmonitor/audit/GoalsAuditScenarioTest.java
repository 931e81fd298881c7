package de.integrationsmonitor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.kernel.Sha256;
import de.integrationsmonitor.report.pdf.VeraPdf;
import de.integrationsmonitor.testing.Imon;
import de.integrationsmonitor.testing.Imon.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import picocli.CommandLine;

/**
 * Goals and measures through the command line, on a project of its own: an edition for Sachsen-Anhalt 2015 with a
 * goal for Dessau-Roßlau and two measures. Its Kreis report shows the goal and the measure, the Statusbericht is
 * PDF/A-1a and PDF/UA-1, both files are inputs of the report version ({@code audit show}); after the goals file is
 * changed and the edition rendered again, {@code audit rerun} of the first version gives the first document byte for
 * byte, from the archived goals file.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class GoalsAuditScenarioTest {

    static final Path REPO = Path.of("").toAbsolutePath();
    static final String EDITION = "jobs/auslaenderanteil-2015.yml";

    @TempDir
    static Path root;

    @DynamicPropertySource
    static void locations(DynamicPropertyRegistry registry) {
        registry.add("imon.project", () -> project().toString());
        registry.add("imon.home", () -> root.resolve("home").toString());
    }

    @Autowired
    CommandLine.IFactory factory;

    static synchronized Path project() {
        Path project = root.resolve("project");
        if (!Files.isDirectory(project)) {
            AuditScenarioTest.copyTree(
                    REPO.resolve("jobs").resolve("catalogue"),
                    project.resolve("jobs").resolve("catalogue"));
            AuditScenarioTest.copyTree(
                    REPO.resolve("jobs").resolve("register"),
                    project.resolve("jobs").resolve("register"));
            AuditScenarioTest.copyTree(REPO.resolve("templates"), project.resolve("templates"));
            AuditScenarioTest.copyTree(
                    REPO.resolve("src/test/resources/editions/auslaenderanteil-2015.yml"), project.resolve(EDITION));
            try {
                Path folder = Files.createDirectories(project.resolve("jobs/auslaenderanteil-2015"));
                Files.writeString(folder.resolve("ziele.csv"), """
                        # Ziel der Stadt Dessau-Roßlau
                        indikator;kreis;basisjahr;zielwert;zieljahr;korridor
                        auslaenderanteil;15001;2015;5,0;2020;
                        """, StandardCharsets.UTF_8);
                Files.writeString(folder.resolve("massnahmen.yml"), """
                        - id: M-01
                          titel: Willkommenslotsen
                          handlungsfeld: Bevölkerung
                          traeger: Kreisintegrationsstelle
                          beginn: 2014-05
                          status: laufend
                          indikatoren: [auslaenderanteil]
                          kreise: ["15001"]
                          text: |
                            Lotsinnen begleiten **Neuzugezogene**.
                        - id: M-02
                          titel: Beratung für Familien
                          handlungsfeld: Bevölkerung
                          traeger: Caritas
                          beginn: 2016
                          status: geplant
                          indikatoren: [auslaenderanteil]
                        """, StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return project;
    }

    Run imon(String... args) {
        return Imon.run(factory, args);
    }

    @Test
    void theGoalsFileIsAnArchivedInputAndARerunAfterItChangedGivesTheFirstDocument() throws Exception {
        Path home = root.resolve("home");
        Path published = home.resolve("output/auslaenderanteil-2015/15001.pdf");
        Path status = home.resolve("output/auslaenderanteil-2015/statusbericht.pdf");
        assertThat(imon("ingest", AuditScenarioTest.fixture("classic/period-column-age-groups.csv"))
                        .exit())
                .isZero();
        Run first = imon("report", project().resolve(EDITION).toString());
        assertThat(first.exit()).as(first.out() + first.err()).isZero();

        // the Kreis report shows the goal and the measure of its Handlungsfeld, another Kreis's report neither
        assertThat(AuditScenarioTest.text(published))
                .contains(
                        "Ziele",
                        "5,0 % bis 2020",
                        "M-01 Willkommenslotsen",
                        "Status: laufend · Träger: Kreisintegrationsstelle · Zeitraum: seit 05/2014",
                        "Lotsinnen begleiten Neuzugezogene.",
                        "M-02 Beratung für Familien");
        assertThat(AuditScenarioTest.text(home.resolve("output/auslaenderanteil-2015/15002.pdf")))
                .doesNotContain("M-01 Willkommenslotsen", "5,0 % bis 2020")
                .contains("M-02 Beratung für Familien");

        // the Statusbericht: every measure, counted by status, archival and accessible
        assertThat(AuditScenarioTest.text(status))
                .contains(
                        "Statusbericht der Maßnahmen",
                        "2 Maßnahmen: 1 geplant, 1 laufend, 0 abgeschlossen, 0 eingestellt.",
                        "Bevölkerung",
                        "M-01 Willkommenslotsen",
                        "M-02 Beratung für Familien",
                        "Kreise: Dessau-Roßlau",
                        "alle Kreise der Ausgabe");
        byte[] statusPdf = Files.readAllBytes(status);
        assertThat(VeraPdf.failures(statusPdf, PDFAFlavour.PDFA_1_A)).isEmpty();
        assertThat(VeraPdf.failures(statusPdf, PDFAFlavour.PDFUA_1)).isEmpty();
        byte[] kreisPdf = Files.readAllBytes(published);
        assertThat(VeraPdf.failures(kreisPdf, PDFAFlavour.PDFA_1_A)).isEmpty();
        assertThat(VeraPdf.failures(kreisPdf, PDFAFlavour.PDFUA_1)).isEmpty();

        Path firstPdf = Files.copy(published, root.resolve("first-15001.pdf"));
        String firstVersion = AuditScenarioTest.versionOf(home, "15001.pdf");
        Path goals = project().resolve("jobs/auslaenderanteil-2015/ziele.csv");
        String firstGoals = Sha256.of(goals);

        // the office changes its target
        AuditScenarioTest.edit(goals, "auslaenderanteil;15001;2015;5,0;2020;", "auslaenderanteil;15001;2015;6,5;2022;");
        Run second = imon("report", project().resolve(EDITION).toString());
        assertThat(second.exit()).as(second.out() + second.err()).isZero();
        assertThat(AuditScenarioTest.versionOf(home, "15001.pdf"))
                .as(second.out())
                .isNotEqualTo(firstVersion);
        assertThat(AuditScenarioTest.text(published)).contains("6,5 % bis 2022").doesNotContain("5,0 % bis 2020");

        Run show = imon("audit", "show", firstVersion);
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(show.out())
                .contains(
                        "goals auslaenderanteil-2015/ziele.csv SHA-256 " + firstGoals,
                        "measures auslaenderanteil-2015/massnahmen.yml SHA-256 ",
                        "goals auslaenderanteil-2015/ziele.csv: changed");

        Run rerun = imon(
                "audit", "rerun", firstVersion, "--out", root.resolve("rerun").toString());
        assertThat(rerun.exit()).as(rerun.out() + rerun.err()).isZero();
        assertThat(rerun.out()).contains("identical (sha256 " + Sha256.of(firstPdf) + ")");
        assertThat(Files.mismatch(root.resolve("rerun/15001.pdf"), firstPdf)).isEqualTo(-1L);
        assertThat(AuditScenarioTest.text(root.resolve("rerun/15001.pdf"))).contains("5,0 % bis 2020");
    }
}
