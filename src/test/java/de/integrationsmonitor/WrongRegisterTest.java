package de.integrationsmonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;

/** A statistics department edits jobs/register; a wrong edit refuses every command with exit 2 and says where. */
class WrongRegisterTest {

    @Test
    void aRegisterWhoseSharesDoNotAddUpRefusesToStartWithExit2AndNamesFileAndLine(@TempDir Path project)
            throws IOException {
        Path register = Files.createDirectories(project.resolve("jobs/register"));
        for (String file : new String[] {"kreise.csv", "laender.csv", "kreis-nachfolge.csv"}) {
            Files.copy(Path.of("jobs/register").resolve(file), register.resolve(file));
        }
        Path nachfolge = register.resolve("kreis-nachfolge.csv");
        Files.writeString(
                nachfolge,
                Files.readString(nachfolge)
                        .replace("06435;06415;2026-01-01;0.2378;", "06435;06415;2026-01-01;0.3378;"));

        SpringApplication application = new SpringApplication(Integrationsmonitor.class);
        application.setAddCommandLineProperties(true);
        RuntimeException failure = catchRuntimeException(() -> application
                .run("--imon.project=" + project, "--imon.home=" + project)
                .close());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Integrationsmonitor.reportStartupFailure(
                failure, "", new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("imon: " + register + "/kreis-nachfolge.csv line ")
                .contains("expected the shares of 06435 on 2026-01-01 to add up to 1, they add up to 1.1000")
                .doesNotContain("Exception");
    }
}
