package de.integrationsmonitor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.cli.ImonCommand;
import de.integrationsmonitor.report.pdf.ReportTemplateException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;

/**
 * Editions are written by people, and a careless or hostile one must not reach outside its folders: reports stay
 * below IMON_HOME/output/, templates (code) come only from the template folder, texts only from beside the edition.
 * Each case runs {@code imon report} and checks the exit code, the message and that nothing was written.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileEditionTest {

    static final Path home = temporaryFolder("imon-hostile-home-");
    static final Path outside = temporaryFolder("imon-hostile-outside-");

    @TempDir
    Path editions;

    private static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void locations(DynamicPropertyRegistry registry) {
        registry.add("imon.project", () -> Path.of("").toAbsolutePath().toString());
        registry.add("imon.home", () -> home.toString());
    }

    @Autowired
    CommandLine.IFactory factory;

    record Run(int exit, String err) {}

    Run imon(String... args) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = ImonCommand.commandLine(factory);
        commandLine.setErr(new PrintWriter(err, true));
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return new Run(commandLine.execute(args), err.toString());
        } finally {
            System.setOut(original);
        }
    }

    @BeforeAll
    void ingestAndCompute() {
        assertThat(imon(
                                "ingest",
                                Path.of("src/test/resources/fixtures/classic/period-column-age-groups.csv")
                                        .toAbsolutePath()
                                        .toString())
                        .exit())
                .isZero();
    }

    private Path edition(String extra) throws IOException {
        Path file = editions.resolve("feindlich.yml");
        Files.writeString(file, """
                edition: feindlich
                title: Feindliche Ausgabe
                report_year: 2015
                kreise: {land: "15"}
                handlungsfelder:
                  Bevölkerung: [auslaenderanteil]
                """ + extra);
        return file;
    }

    private static byte[] header(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(64);
        }
    }

    /** Every file below a folder, to show that a refused edition wrote nothing. */
    private static long files(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "output: {kreis: \"../data/imon.mv.db\"}|output.kreis '../data/imon.mv.db' leaves its folder",
                "output: {kreis: \"/tmp/{ags}.pdf\"}|output.kreis '/tmp/{ags}.pdf' is an absolute path",
                "output: {kreis: \"a/../../b/{ags}.pdf\"}|output.kreis 'a/../../b/{ags}.pdf' leaves its folder",
                "output: {kreis: \"alle.pdf\"}|output.kreis is 'alle.pdf'; it must contain {ags}",
                "output: {land: \"land.pdf\"}|output.land is 'land.pdf'; it must contain {land}",
                "output: {kreis: \"{ags}.mv.db\"}|expected a file name ending in .pdf",
                "templates: {kreis: \"/etc/passwd\"}|templates.kreis is '/etc/passwd'; allowed: the file name of a *.jrxml",
                "templates: {kreis: \"../jobs/kreisbericht.jrxml\"}|templates.kreis is '../jobs/kreisbericht.jrxml'",
                "templates: {kreis: \"gibt-es-nicht.jrxml\"}|templates.kreis 'gibt-es-nicht.jrxml': no such template",
                "texts: ../../etc|texts '../../etc' leaves its folder",
                "texts: /etc|texts '/etc' is an absolute path",
            })
    void aHostileEditionIsRefusedNamingTheFieldAndWritesNothing(String field, String message) throws IOException {
        long before = files(home.resolve("output"));
        byte[] database = header(home.resolve("data").resolve("imon.mv.db"));

        Run run = imon("report", edition(field).toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("imon: ").contains("feindlich.yml").contains(message);
        assertThat(files(home.resolve("output"))).isEqualTo(before);
        // the database is still the database (today's bug overwrote it with a PDF)
        assertThat(header(home.resolve("data").resolve("imon.mv.db"))).isEqualTo(database);
    }

    @Test
    void anOutputFolderThatIsASymbolicLinkOutOfOutputIsRefused() throws IOException {
        Files.createDirectories(home.resolve("output"));
        Path link = home.resolve("output").resolve("woanders");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, outside);

        Run run = imon(
                "report",
                edition("output: {kreis: \"woanders/{ags}.pdf\", land: \"woanders/land-{land}.pdf\"}")
                        .toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("output.kreis 'woanders/15001.pdf' leads through a symbolic link out of");
        assertThat(files(outside)).isZero();
    }

    @Test
    void texteCreatesOneCommentedStubPerKreisOfTheEditionAndLeavesWrittenTextsAlone() throws IOException {
        Path file = edition("");
        Path texts = editions.resolve("feindlich").resolve("texte");
        Files.createDirectories(texts);
        Files.writeString(texts.resolve("15001.md"), "Schon geschrieben.\n");

        Run run = imon("texte", file.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        try (Stream<Path> written = Files.list(texts)) {
            // Sachsen-Anhalt's 14 Kreise and the edition's introduction
            assertThat(written.toList()).hasSize(15);
        }
        assertThat(Files.readString(texts.resolve("15001.md"))).isEqualTo("Schon geschrieben.\n");
        assertThat(Files.readString(texts.resolve("15002.md"))).contains("## Bevölkerung");
    }

    @Test
    void aBrokenTemplateIsARefusedInputNotAnUnexpectedFailure() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = ImonCommand.commandLine(factory);
        commandLine.setErr(new PrintWriter(err, true));
        int exit = ImonCommand.reportFailure(
                new ReportTemplateException(
                        Path.of("templates/kaputt.jrxml"),
                        ReportTemplateException.Stage.COMPILE,
                        "Parameter not found : NOTIZ",
                        null),
                commandLine,
                null);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains("kaputt.jrxml could not be compiled: Parameter not found : NOTIZ")
                .doesNotContain("IMON_DEBUG");
    }
}
