package de.integrationsmonitor.report.edition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates are code: only JRXML files of the template folder are ever read as templates. */
class ConfinementTest {

    @TempDir
    Path templates;

    static final Path EDITION = Path.of("jobs/beispiel.yml");

    @Test
    void aFileThatIsNotAJasperReportsTemplateIsRefusedWhateverItsName() throws IOException {
        Files.writeString(templates.resolve("passwd.jrxml"), "root:x:0:0:root:/root:/bin/bash\n");

        assertThatThrownBy(() -> Confinement.template(templates, "passwd.jrxml", EDITION, "templates.kreis"))
                .isInstanceOf(EditionException.class)
                .hasMessageContaining("templates.kreis 'passwd.jrxml' is not a JasperReports template");
    }

    @Test
    void aTemplateThatIsASymbolicLinkOutOfTheFolderIsRefused(@TempDir Path elsewhere) throws IOException {
        Path real = elsewhere.resolve("fremd.jrxml");
        Files.writeString(real, "<jasperReport name=\"fremd\"/>");
        Files.createSymbolicLink(templates.resolve("fremd.jrxml"), real);

        assertThatThrownBy(() -> Confinement.template(templates, "fremd.jrxml", EDITION, "templates.kreis"))
                .isInstanceOf(EditionException.class)
                .hasMessageContaining("leads through a symbolic link");
    }

    @Test
    void theShippedTemplatesAreRecognisedAsTemplates() throws IOException {
        try (var files = Files.list(Path.of("templates"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".jrxml")).toList())
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(Confinement.looksLikeJrxml(Files.readAllBytes(f)))
                            .as(f.toString())
                            .isTrue());
        }
        assertThat(Confinement.looksLikeJrxml(
                        "<?xml version=\"1.0\"?>\n<!-- x -->\n<html/>".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }
}
