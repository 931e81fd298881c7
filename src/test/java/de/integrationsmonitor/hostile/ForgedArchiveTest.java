package de.integrationsmonitor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.audit.AuditScenarioTest;
import de.integrationsmonitor.kernel.Sha256;
import de.integrationsmonitor.report.pdf.Provenance;
import de.integrationsmonitor.report.publish.Manifest;
import de.integrationsmonitor.testing.Imon;
import de.integrationsmonitor.testing.Imon.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;

/**
 * Whoever can write the database but not {@code templates/} puts a template with Java in its expressions into the
 * archive of a report version: {@code audit rerun} must refuse it (exit 4, naming what does not match) before any of
 * it is compiled, so the code never runs. The forged template makes a folder when an expression is evaluated; that
 * folder must never appear.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ForgedArchiveTest {

    static final Path REPO = Path.of("").toAbsolutePath();
    static final String EDITION = "jobs/auslaenderanteil-2015.yml";
    static final String COLOPHON = "msg($R{kreis.colophon}, $P{REPORT_VERSION_ID}, $P{RENDERED_AT})";

    @TempDir
    static Path root;

    @DynamicPropertySource
    static void locations(DynamicPropertyRegistry registry) {
        registry.add("imon.project", () -> project().toString());
        registry.add("imon.home", () -> root.resolve("home").toString());
    }

    @Autowired
    CommandLine.IFactory factory;

    @Autowired
    JdbcTemplate jdbc;

    String version;
    Path marker;
    String forgedSha;

    static synchronized Path project() {
        Path project = root.resolve("project");
        if (!Files.isDirectory(project)) {
            copyTree(
                    REPO.resolve("jobs").resolve("catalogue"),
                    project.resolve("jobs").resolve("catalogue"));
            copyTree(
                    REPO.resolve("jobs").resolve("register"),
                    project.resolve("jobs").resolve("register"));
            copyTree(REPO.resolve("templates"), project.resolve("templates"));
            copyTree(REPO.resolve("src/test/resources/editions/auslaenderanteil-2015.yml"), project.resolve(EDITION));
        }
        return project;
    }

    Run imon(String... args) {
        return Imon.run(factory, args);
    }

    /** A published version of Dessau-Roßlau whose archived master template is replaced by one that runs code. */
    @BeforeEach
    void aVersionWithAForgedTemplateInItsArchive() throws IOException {
        if (version == null && jdbc.queryForObject("SELECT COUNT(*) FROM report_version", Long.class) == 0) {
            assertThat(imon(
                                    "ingest",
                                    REPO.resolve("src/test/resources/fixtures/classic/period-column-age-groups.csv")
                                            .toString())
                            .exit())
                    .isZero();
            Run report = imon("report", project().resolve(EDITION).toString());
            assertThat(report.exit()).as(report.out() + report.err()).isZero();
        }
        Manifest.Published manifest = Manifest.parse(
                        Files.readString(root.resolve("home/output/auslaenderanteil-2015/manifest.txt")))
                .orElseThrow();
        version = manifest.reports().get("15001.pdf").versionId();
        marker = root.resolve("forged-template-ran-" + System.nanoTime());
        String template = Files.readString(project().resolve("templates/kreisbericht.jrxml"));
        assertThat(template).contains(COLOPHON);
        byte[] forged = template.replace(
                        COLOPHON,
                        COLOPHON + " + String.valueOf(new java.io.File(\"" + marker + "\").mkdir()).substring(0, 0)")
                .getBytes(StandardCharsets.UTF_8);
        forgedSha = Sha256.of(forged);
        jdbc.update(
                "INSERT INTO archive_blob (sha256, byte_count, content) VALUES (?, ?, ?)",
                forgedSha,
                (long) forged.length,
                forged);
    }

    /** What the rerun says the archived inputs give: what a forger reads off and writes into the version. */
    String inputsTheArchiveGives(Run rerun) {
        Matcher m = Pattern.compile("the archived inputs give SHA-256 ([0-9a-f]{64})")
                .matcher(rerun.err());
        assertThat(m.find()).as(rerun.out() + rerun.err()).isTrue();
        return m.group(1);
    }

    @Test
    void aForgedTemplateWithTheInputsHashRewrittenIsRefusedBecauseTheVersionIdNoLongerFollows() {
        String recordedTemplate = jdbc.queryForObject(
                "SELECT sha256 FROM report_version_input WHERE version_id = ?"
                        + " AND role = 'template' AND name = 'kreisbericht.jrxml'",
                String.class,
                version);
        String recordedInputs = jdbc.queryForObject(
                "SELECT inputs_sha256 FROM report_version WHERE version_id = ?", String.class, version);
        try {
            forgeInPlace();
        } finally {
            jdbc.update(
                    "UPDATE report_version_input SET sha256 = ? WHERE version_id = ? AND role = 'template'"
                            + " AND name = 'kreisbericht.jrxml'",
                    recordedTemplate,
                    version);
            jdbc.update("UPDATE report_version SET inputs_sha256 = ? WHERE version_id = ?", recordedInputs, version);
        }
    }

    void forgeInPlace() {
        jdbc.update(
                "UPDATE report_version_input SET sha256 = ? WHERE version_id = ? AND role = 'template'"
                        + " AND name = 'kreisbericht.jrxml'",
                forgedSha,
                version);
        String forgedInputs = inputsTheArchiveGives(imon(
                "audit", "rerun", version, "--out", root.resolve("first-try").toString()));
        jdbc.update("UPDATE report_version SET inputs_sha256 = ? WHERE version_id = ?", forgedInputs, version);

        Run rerun = imon(
                "audit",
                "rerun",
                version,
                "--out",
                root.resolve("rerun-forged-inputs").toString());

        assertThat(rerun.exit()).as(rerun.out() + rerun.err()).isEqualTo(4);
        assertThat(rerun.err())
                .contains("version " + version + ": its archived inputs give version id "
                        + Provenance.versionId(forgedInputs, "15001", computation(version), application(version))
                        + ", not " + version);
        assertThat(rerun.err()).as("no stack trace").doesNotContain("\tat ");
        assertThat(marker).as("the forged template's code ran").doesNotExist();
        assertThat(root.resolve("rerun-forged-inputs/15001.pdf")).doesNotExist();
    }

    @Test
    void aWhollyConsistentForgedVersionIsRefusedBecauseItsTemplateIsNeitherShippedNorApproved() {
        // a new version row whose every hash and id follows from the forged archive
        String forged = "FORG";
        jdbc.update(
                "INSERT INTO report_version (version_id, edition_id, edition_title, unit, territory, file_name,"
                        + " computation_id, inputs_sha256, app_version, rendered_at, pdf_sha256) SELECT ?, edition_id,"
                        + " edition_title, unit, territory, file_name, computation_id, inputs_sha256, app_version,"
                        + " rendered_at, pdf_sha256 FROM report_version WHERE version_id = ?",
                forged,
                version);
        jdbc.update(
                "INSERT INTO report_version_input (version_id, role, name, sha256) SELECT ?, role, name,"
                        + " CASE WHEN role = 'template' AND name = 'kreisbericht.jrxml' THEN ? ELSE sha256 END"
                        + " FROM report_version_input WHERE version_id = ?",
                forged,
                forgedSha,
                version);
        String inputs = inputsTheArchiveGives(imon(
                "audit",
                "rerun",
                forged,
                "--out",
                root.resolve("first-try-forged").toString()));
        String id = Provenance.versionId(inputs, "15001", computation(version), application(version));
        jdbc.update(
                "INSERT INTO report_version (version_id, edition_id, edition_title, unit, territory, file_name,"
                        + " computation_id, inputs_sha256, app_version, rendered_at, pdf_sha256) SELECT ?, edition_id,"
                        + " edition_title, unit, territory, file_name, computation_id, ?, app_version, rendered_at,"
                        + " pdf_sha256 FROM report_version WHERE version_id = ?",
                id,
                inputs,
                forged);
        jdbc.update("UPDATE report_version_input SET version_id = ? WHERE version_id = ?", id, forged);

        Run rerun = imon(
                "audit",
                "rerun",
                id,
                "--out",
                root.resolve("rerun-forged-version").toString());

        assertThat(rerun.exit()).as(rerun.out() + rerun.err()).isEqualTo(4);
        assertThat(rerun.err())
                .contains(
                        "version " + id + ": the archived template kreisbericht.jrxml (SHA-256 " + forgedSha
                                + ") is neither shipped with application ",
                        " nor in " + project().resolve("templates"),
                        "nor approved",
                        "it is not compiled");
        assertThat(marker).as("the forged template's code ran").doesNotExist();
        assertThat(root.resolve("rerun-forged-version/15001.pdf")).doesNotExist();
    }

    @Test
    void theUntouchedVersionIsStillReRenderedIdentically() {
        Run rerun = imon(
                "audit",
                "rerun",
                version,
                "--out",
                root.resolve("rerun-untouched").toString());

        assertThat(rerun.exit()).as(rerun.out() + rerun.err()).isZero();
        assertThat(rerun.out()).contains("identical (sha256 ");
    }

    @Test
    void anOutFolderThatIsAFileIsRefusedAsAWrongCommandLineAndTheFileIsLeftAlone() throws IOException {
        Path file = Files.writeString(root.resolve("notes.txt"), "my notes");

        Run rerun = imon("audit", "rerun", version, "--out", file.toString());

        assertThat(rerun.exit()).as(rerun.out() + rerun.err()).isEqualTo(64);
        assertThat(rerun.err())
                .contains("imon: --out " + file + " is a file, not a folder; name a folder (it is"
                        + " created when missing)");
        assertThat(Files.readString(file)).isEqualTo("my notes");
    }

    long computation(String id) {
        return jdbc.queryForObject("SELECT computation_id FROM report_version WHERE version_id = ?", Long.class, id);
    }

    String application(String id) {
        return jdbc.queryForObject("SELECT app_version FROM report_version WHERE version_id = ?", String.class, id);
    }

    static void copyTree(Path from, Path to) {
        AuditScenarioTest.copyTree(from, to);
    }
}
