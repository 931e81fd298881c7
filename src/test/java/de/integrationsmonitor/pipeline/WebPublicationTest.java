package de.integrationsmonitor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.kernel.Sha256;
import de.integrationsmonitor.report.publish.Manifest;
import de.integrationsmonitor.testing.Imon.Run;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web twin and the open data of the shipped example edition, as {@code bin/imon run} publishes them: part of the
 * report version (manifest, version record), verifiable from the file alone, re-created byte for byte, equal to the
 * {@code indicators} export, and left alone by a run for another Kreis.
 */
class WebPublicationTest extends CommandLineTest {

    /** The inbox belongs to the home; these tests publish the shipped sample, so it is named as the inbox. */
    @DynamicPropertySource
    static void sampleInbox(DynamicPropertyRegistry registry) {
        registry.add("imon.inbox", () -> Path.of("input").toAbsolutePath().toString());
    }

    static final String EDITION = "integrationsbericht-beispiel";

    Path folder() {
        return home.resolve("output").resolve(EDITION);
    }

    Manifest.Published manifest() throws IOException {
        return Manifest.parse(Files.readString(folder().resolve(Manifest.FILE_NAME)))
                .orElseThrow();
    }

    @Test
    void everyPageAndDataFileIsInTheManifestWithItsHashAndTheVersionOfItsPdf() throws IOException {
        assertThat(imon("run").exit()).isZero();
        Manifest.Published manifest = manifest();

        assertThat(manifest.reports())
                .containsKeys(
                        "web/index.html",
                        "web/15001.html",
                        "web/land-15.html",
                        "daten/indikatoren.csv",
                        "daten/indikatoren-de.csv",
                        "daten/indikatoren.json",
                        "daten/dcat.jsonld",
                        "daten/opensdg/auslaenderanteil.csv");
        manifest.reports()
                .forEach((file, entry) ->
                        assertThat(Sha256.of(folder().resolve(file))).as(file).isEqualTo(entry.sha256()));
        // a Kreis page belongs to the report version of the Kreis's PDF
        assertThat(manifest.reports().get("web/15001.html").versionId())
                .isEqualTo(manifest.reports().get("15001.pdf").versionId());
        String page = Files.readString(folder().resolve("web/15001.html"));
        assertThat(page)
                .contains("<meta name=\"imon:version\" content=\""
                        + manifest.reports().get("15001.pdf").versionId() + "\">");
        // the index and the data files share the version of the web publication, which no PDF has
        String web = manifest.reports().get("web/index.html").versionId();
        assertThat(manifest.reports().get("daten/indikatoren.csv").versionId()).isEqualTo(web);
        assertThat(manifest.reports().get("15001.pdf").versionId()).isNotEqualTo(web);
    }

    @Test
    void pagesWorkOfflineAndForbidWhatTheyDoNotUse() throws IOException {
        assertThat(imon("run").exit()).isZero();

        for (String name : new String[] {"web/index.html", "web/15001.html", "web/land-15.html"}) {
            String page = Files.readString(folder().resolve(name));
            assertThat(page)
                    .as(name)
                    .contains("<html lang=\"de\">", "default-src 'none'", "script-src 'none'")
                    .doesNotContain("<script", "http://", "https://www.", "@font-face", "<img", "<iframe");
            // every link leads to a file of the publication folder
            Matcher links = Pattern.compile("href=\"([^\"#]+)").matcher(page);
            while (links.find()) {
                assertThat(folder().resolve("web").resolve(links.group(1)).normalize())
                        .as(name + " links " + links.group(1))
                        .isRegularFile();
            }
        }
        String kreis = Files.readString(folder().resolve("web/15001.html"));
        assertThat(kreis)
                .contains(
                        "Dessau-Roßlau",
                        "Auf einen Blick",
                        "<svg",
                        "role=\"img\"",
                        "aria-label=\"",
                        "Methoden und Quellen",
                        "dl-de/by-2-0");
    }

    @Test
    void theDataFilesEqualTheIndicatorsExportForTheSameComputation() throws IOException {
        assertThat(imon("run").exit()).isZero();
        Run export = imon("indicators", "--gebietsstand", "2023-12-31");
        assertThat(export.exit()).isZero();
        Map<String, String> exported = new TreeMap<>();
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().build().parse(new StringReader(export.out()))) {
            exported.put(
                    r.get("indicator") + "|" + r.get("ags") + "|" + r.get("period"),
                    r.get("value").isEmpty() ? r.get("marker") : new BigDecimal(r.get("value")).toPlainString());
        }
        Map<String, String> published = new TreeMap<>();
        for (CSVRecord r : CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .build()
                .parse(Files.newBufferedReader(folder().resolve("daten/indikatoren.csv"), StandardCharsets.UTF_8))) {
            if (r.get("gebietsebene").equals("Kreis")) {
                published.put(
                        r.get("indikator") + "|" + r.get("schluessel") + "|" + r.get("jahr"),
                        r.get("wert").isEmpty() ? r.get("zeichen") : r.get("wert"));
                assertThat(r.get("version"))
                        .isEqualTo(manifest()
                                .reports()
                                .get("daten/indikatoren.csv")
                                .versionId());
            }
        }

        assertThat(published).isNotEmpty();
        Set<String> kreise =
                published.keySet().stream().map(k -> k.split("\\|")[1]).collect(Collectors.toSet());
        Set<String> indicators =
                published.keySet().stream().map(k -> k.split("\\|")[0]).collect(Collectors.toSet());
        Map<String, String> sameScope = new TreeMap<>(exported);
        sameScope
                .keySet()
                .removeIf(k -> !kreise.contains(k.split("\\|")[1])
                        || !indicators.contains(k.split("\\|")[0])
                        || Integer.parseInt(k.split("\\|")[2]) < 2019);
        assertThat(published).isEqualTo(sameScope);
        // the JSON carries the same values
        String json = Files.readString(folder().resolve("daten/indikatoren.json"));
        assertThat(json).contains("\"lizenz\" : \"dl-de/by-2-0\"");
        String german = Files.readString(folder().resolve("daten/indikatoren-de.csv"));
        assertThat(german).contains(";Dessau-Roßlau, kreisfreie Stadt;2023;");
        assertThat(Files.readString(folder().resolve("daten/opensdg/auslaenderanteil.csv")))
                .startsWith("Year,Gebietsebene,Units,GeoCode,Value")
                .contains(",K15001,");
    }

    @Test
    void auditVerifyAcceptsAPageAndADataFileAndRefusesAModifiedOne() throws IOException {
        assertThat(imon("run").exit()).isZero();

        Run verified = imon(
                "audit",
                "verify",
                folder().resolve("web/15001.html").toString(),
                folder().resolve("daten/indikatoren.csv").toString(),
                folder().resolve("daten/indikatoren.json").toString(),
                folder().resolve("15001.pdf").toString());
        assertThat(verified.exit()).isZero();
        assertThat(verified.out())
                .contains(
                        "15001.html: authentic",
                        "indikatoren.csv: authentic",
                        "indikatoren.json: authentic",
                        "15001.pdf: authentic");

        Path copy = home.resolve("15001.html");
        Files.writeString(
                copy,
                Files.readString(folder().resolve("web/15001.html")).replace("Auf einen Blick", "Auf einen Blick!"));
        Run modified = imon("audit", "verify", copy.toString());
        assertThat(modified.exit()).isEqualTo(4);
        assertThat(modified.out()).contains("modified");
    }

    @Test
    void auditRerunRecreatesAKreisPageAndTheWebPublicationByteForByte() throws IOException {
        assertThat(imon("run").exit()).isZero();
        Manifest.Published manifest = manifest();

        Run kreis = imon(
                "audit",
                "rerun",
                manifest.reports().get("15001.pdf").versionId(),
                "--out",
                home.resolve("rerun-kreis").toString());
        assertThat(kreis.exit()).as(kreis.out() + kreis.err()).isZero();
        assertThat(kreis.out()).contains("web page identical");
        assertThat(Files.readAllBytes(home.resolve("rerun-kreis/15001.html")))
                .isEqualTo(Files.readAllBytes(folder().resolve("web/15001.html")));

        Run web = imon(
                "audit",
                "rerun",
                manifest.reports().get("web/index.html").versionId(),
                "--out",
                home.resolve("rerun-web").toString());
        assertThat(web.exit()).as(web.out() + web.err()).isZero();
        assertThat(Files.readAllBytes(home.resolve("rerun-web/daten/indikatoren.csv")))
                .isEqualTo(Files.readAllBytes(folder().resolve("daten/indikatoren.csv")));
    }

    @Test
    void aRunForOneKreisRendersOnlyItsPageAndKeepsTheOthers() throws IOException {
        assertThat(imon("run").exit()).isZero();
        Object otherPage = Files.getAttribute(folder().resolve("web/15002.html"), "unix:ino");
        Object index = Files.getAttribute(folder().resolve("web/index.html"), "unix:ino");
        Object ownPage = Files.getAttribute(folder().resolve("web/15001.html"), "unix:ino");

        assertThat(imon("report", "jobs/" + EDITION + ".yml", "--kreis", "15001", "--again")
                        .exit())
                .isZero();

        assertThat(Files.getAttribute(folder().resolve("web/15002.html"), "unix:ino"))
                .isEqualTo(otherPage);
        assertThat(Files.getAttribute(folder().resolve("web/index.html"), "unix:ino"))
                .isEqualTo(index);
        assertThat(Files.getAttribute(folder().resolve("web/15001.html"), "unix:ino"))
                .isNotEqualTo(ownPage);
        manifest()
                .reports()
                .forEach((file, entry) ->
                        assertThat(Sha256.of(folder().resolve(file))).as(file).isEqualTo(entry.sha256()));
    }

    @Test
    void aPageThatWentMissingIsWrittenAgainByTheNextRunOfTheSameInputs() throws IOException {
        assertThat(imon("run").exit()).isZero();
        byte[] published = Files.readAllBytes(folder().resolve("web/15002.html"));
        Files.delete(folder().resolve("web/15002.html"));

        assertThat(imon("report", "jobs/" + EDITION + ".yml").exit()).isZero();

        assertThat(Files.readAllBytes(folder().resolve("web/15002.html"))).isEqualTo(published);
    }
}
