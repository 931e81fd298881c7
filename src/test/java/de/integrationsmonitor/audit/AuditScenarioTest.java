package de.integrationsmonitor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.kernel.AppVersion;
import de.integrationsmonitor.kernel.Sha256;
import de.integrationsmonitor.report.pdf.Provenance;
import de.integrationsmonitor.report.publish.Manifest;
import de.integrationsmonitor.testing.Imon;
import de.integrationsmonitor.testing.Imon.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
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
 * The auditor's scenario of issue 10 through the command line, on a project of its own (a copy of jobs/ and
 * templates/ that the test edits): ingest and render an edition; ingest a revised delivery (newer Stand:, one value
 * changed for Dessau-Roßlau), edit the edition's title, a definition in the catalogue and a wording of the templates;
 * render again. The first version is then re-rendered from the archive byte for byte, its PDF verified, a modified
 * copy and an edited audit-log row found (exit 4), also in a new JVM on a second home restored from the database.
 * {@link PostgresAuditScenarioTest} runs it on PostgreSQL.
 */
@Tag("slow")
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public class AuditScenarioTest {

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

    @Autowired
    JdbcTemplate jdbc;

    /** The test's project: jobs/ (catalogue, rules, register) and templates/ copied, and the one edition. */
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

    @Test
    void aFirstVersionIsReRenderedByteForByteAfterEveryInputChangedAndItsPdfAndTheLogAreVerifiable() throws Exception {
        Path home = root.resolve("home");
        Path published = home.resolve("output/auslaenderanteil-2015/15001.pdf");
        assertThat(imon("ingest", fixture("classic/period-column-age-groups.csv"))
                        .exit())
                .isZero();
        Run first = imon("report", project().resolve(EDITION).toString());
        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        Path firstPdf = Files.copy(published, root.resolve("first-15001.pdf"));
        String firstVersion = versionOf(home, "15001.pdf");
        assertThat(firstVersion).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}");

        // revised data and edited inputs
        assertThat(imon("ingest", fixture("revised/period-column-age-groups-stand-2018.csv"))
                        .exit())
                .isZero();
        edit(
                project().resolve(EDITION),
                "title: Integrationsbericht 2015 – Ausländeranteil",
                "title: Integrationsbericht 2015 – Ausländeranteil (überarbeitet)");
        edit(
                project().resolve("jobs/catalogue/indikatoren.yml"),
                "Anteil der Einwohnerinnen und Einwohner ohne",
                "Anteil aller Einwohnerinnen und Einwohner ohne");
        edit(
                project().resolve("templates/berichte.properties"),
                "kreis.methods.created=Erstellt mit dem",
                "kreis.methods.created=Erstellt und geprüft mit dem");
        Run second = imon("report", project().resolve(EDITION).toString());
        assertThat(second.exit()).as(second.out() + second.err()).isZero();
        String secondVersion = versionOf(home, "15001.pdf");
        assertThat(secondVersion).isNotEqualTo(firstVersion);
        assertThat(Sha256.of(published)).isNotEqualTo(Sha256.of(firstPdf));
        assertThat(text(published))
                .contains("(überarbeitet)", "Anteil aller Einwohnerinnen", "Erstellt und geprüft mit dem", "4,1 %");

        // list and show: the first version rests on data superseded since and on files edited since
        Run list = imon("audit", "list", "--kreis", "15001");
        assertThat(list.exit()).isZero();
        assertThat(list.out())
                .contains(
                        firstVersion + "  auslaenderanteil-2015  Kreis 15001", secondVersion, "newer data: 1 delivery");
        Run csv = imon("audit", "list", "--format", "csv", "--edition", "auslaenderanteil-2015");
        assertThat(csv.out())
                .startsWith("version,edition,unit,territory,rendered_at,computation,pdf_sha256,newer_data")
                .contains(firstVersion + ",auslaenderanteil-2015,15001,")
                .contains(Sha256.of(firstPdf) + ",yes");
        Run show = imon("audit", "show", firstVersion.toLowerCase());
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(show.out())
                .contains(
                        "PDF SHA-256: " + Sha256.of(firstPdf),
                        "12411-03-03-4 period-column-age-groups.csv Stand 14.12.2017 15:51:18",
                        "newer delivery 12411-03-03-4 period-column-age-groups-stand-2018.csv Stand 02.02.2018 09:00:00",
                        "edition auslaenderanteil-2015.yml: changed",
                        "catalogue indikatoren.yml: changed",
                        "template berichte.properties: changed");

        // re-render of the first version from the archive and the stored computation: the same bytes
        Run rerun = imon(
                "audit", "rerun", firstVersion, "--out", root.resolve("rerun").toString());
        assertThat(rerun.exit()).as(rerun.out() + rerun.err()).isZero();
        assertThat(rerun.out()).contains("identical (sha256 " + Sha256.of(firstPdf) + ")");
        assertThat(Files.mismatch(root.resolve("rerun/15001.pdf"), firstPdf)).isEqualTo(-1L);
        Path land = home.resolve("output/auslaenderanteil-2015/land-15.pdf");
        Run verifyNew = imon("audit", "verify", published.toString(), land.toString());
        assertThat(verifyNew.exit()).as(verifyNew.out()).isZero();

        // rendered by another application: the bytes differ, the text is compared with the published PDF
        // (the version as application 0.0.9 recorded it: its id follows from the application too)
        String otherVersion = Provenance.versionId(
                jdbc.queryForObject(
                        "SELECT inputs_sha256 FROM report_version WHERE version_id = ?", String.class, secondVersion),
                "15001",
                jdbc.queryForObject(
                        "SELECT computation_id FROM report_version WHERE version_id = ?", Long.class, secondVersion),
                "0.0.9+0000000");
        jdbc.update(
                "INSERT INTO report_version (version_id, edition_id, edition_title, unit, territory, file_name,"
                        + " computation_id, inputs_sha256, app_version, rendered_at, pdf_sha256) SELECT ?, edition_id,"
                        + " edition_title, unit, territory, file_name, computation_id, inputs_sha256, '0.0.9+0000000',"
                        + " rendered_at, pdf_sha256 FROM report_version WHERE version_id = ?",
                otherVersion,
                secondVersion);
        jdbc.update(
                "INSERT INTO report_version_input (version_id, role, name, sha256) SELECT ?, role, name, sha256"
                        + " FROM report_version_input WHERE version_id = ?",
                otherVersion,
                secondVersion);
        // its PDF as that application published it: the same text under its own id, other bytes
        assertThat(imon(
                                "audit",
                                "rerun",
                                otherVersion,
                                "--out",
                                root.resolve("rerun-app-0").toString())
                        .exit())
                .isEqualTo(4);
        byte[] publishedBefore = Files.readAllBytes(published);
        Files.write(published, Files.readAllBytes(root.resolve("rerun-app-0/15001.pdf")));
        Files.writeString(published, "\n% rendered by 0.0.9\n", java.nio.file.StandardOpenOption.APPEND);
        jdbc.update(
                "UPDATE report_version SET pdf_sha256 = ? WHERE version_id = ?", Sha256.of(published), otherVersion);
        Run otherApplication = imon(
                "audit",
                "rerun",
                otherVersion,
                "--out",
                root.resolve("rerun-app").toString());
        Files.write(published, publishedBefore);
        assertThat(otherApplication.exit())
                .as(otherApplication.out() + otherApplication.err())
                .isZero();
        assertThat(otherApplication.out())
                .contains("content identical; bytes differ because the application changed" + " from 0.0.9+0000000 to "
                        + AppVersion.current());

        // verify from the file alone
        Run authentic = imon("audit", "verify", firstPdf.toString());
        assertThat(authentic.exit()).as(authentic.out() + authentic.err()).isZero();
        assertThat(authentic.out()).contains("authentic: version " + firstVersion + " (Kreis 15001 Dessau-Roßlau");
        Path modified = root.resolve("modified-15001.pdf");
        byte[] bytes = Files.readAllBytes(firstPdf);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(modified, bytes);
        Run tampered = imon("audit", "verify", modified.toString());
        assertThat(tampered.exit()).isEqualTo(4);
        assertThat(tampered.out())
                .contains("modified: its SHA-256 is " + Sha256.of(modified) + ", version " + firstVersion);
        Path foreign = Files.writeString(root.resolve("foreign.pdf"), "%PDF-1.4 not a report");
        assertThat(imon("audit", "verify", foreign.toString()).exit()).isEqualTo(4);

        // the audit log: every ingest, computation, rendering, re-render and verification, chained
        Run log = imon("audit", "log");
        assertThat(log.out())
                .contains(
                        "  ingest  period-column-age-groups.csv  delivery ",
                        "  compute  computation ",
                        "  render  auslaenderanteil-2015/15001.pdf  version " + firstVersion,
                        "  rerun  " + firstVersion + "  identical",
                        "  verify  modified-15001.pdf  failed");
        assertThat(imon("audit", "log", "--verify").exit()).isZero();
        String details = jdbc.queryForObject("SELECT details FROM audit_log WHERE seq = 3", String.class);
        jdbc.update("UPDATE audit_log SET details = ? WHERE seq = 3", details.replace('1', '2'));
        Run broken = imon("audit", "log", "--verify");
        assertThat(broken.exit()).isEqualTo(4);
        assertThat(broken.out()).contains("entry 3 (").contains("was changed");
        jdbc.update("UPDATE audit_log SET details = ? WHERE seq = 3", details);
        assertThat(imon("audit", "log", "--verify").exit()).isZero();
        long last = jdbc.queryForObject("SELECT MAX(seq) FROM audit_log", Long.class);
        jdbc.update("DELETE FROM audit_log WHERE seq = 2");
        Run removed = imon("audit", "log", "--verify");
        assertThat(removed.exit()).isEqualTo(4);
        assertThat(removed.out()).contains("entry 2 was removed");
        jdbc.update("DELETE FROM audit_log WHERE seq > 1");
        assertThat(imon("audit", "log", "--verify").out()).contains("entry 2-" + last + " was removed");

        // a new JVM on a second home restored from this database: the archive travels with it
        Path restored = root.resolve("restored");
        Child child = restore(restored);
        ChildRun again = child.run(
                restored,
                "audit",
                "rerun",
                firstVersion,
                "--out",
                root.resolve("rerun-restored").toString());
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(again.output()).contains("identical (sha256 " + Sha256.of(firstPdf) + ")");
        ChildRun verified = child.run(restored, "audit", "verify", firstPdf.toString(), modified.toString());
        assertThat(verified.exit()).as(verified.output()).isEqualTo(4);
        assertThat(verified.output()).contains("authentic: version " + firstVersion, "modified:");
    }

    /** How a child JVM reaches the database of a second home. */
    interface Child {
        ChildRun run(Path home, String... args) throws IOException, InterruptedException;
    }

    record ChildRun(int exit, String output) {}

    /**
     * Makes a second home from this database (H2: an online backup of the database file unpacked into the second
     * home) and says how a child JVM reaches it.
     */
    Child restore(Path restored) throws IOException {
        Path data = Files.createDirectories(restored.resolve("data"));
        Path zip = root.resolve("backup.zip");
        jdbc.execute("BACKUP TO '" + zip.toString().replace("'", "''") + "'");
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Files.copy(in, data.resolve(Path.of(e.getName()).getFileName().toString()));
            }
        }
        return (home, args) -> child(home, List.of(), Map.of(), args);
    }

    /** Runs {@code imon ARGS} in a new JVM with this test's project and the given home. */
    static ChildRun child(Path home, List<String> properties, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "-Dimon.project=" + project(),
                "-Dimon.home=" + home));
        command.addAll(properties);
        command.add("de.integrationsmonitor.Integrationsmonitor");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        return new ChildRun(process.exitValue(), output);
    }

    static String versionOf(Path home, String file) throws IOException {
        Manifest.Published manifest = Manifest.parse(
                        Files.readString(home.resolve("output/auslaenderanteil-2015/manifest.txt")))
                .orElseThrow();
        return manifest.reports().get(file).versionId();
    }

    static String fixture(String name) {
        return REPO.resolve("src/test/resources/fixtures").resolve(name).toString();
    }

    static String text(Path pdf) throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper()
                    .getText(document)
                    .replaceAll("\\s+", " ");
        }
    }

    static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).as(file.toString()).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
