package de.integrationsmonitor.release;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.Integrationsmonitor;
import de.integrationsmonitor.kernel.AppVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code imon --version} names the Maven version of pom.xml and the git commit the build recorded. */
class VersionTest {

    @TempDir
    Path home;

    @Test
    void versionNamesThePomsVersionAndTheCommitWithoutADatabase() throws Exception {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dimon.home=" + home,
                        Integrationsmonitor.class.getName(),
                        "--version")
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).isZero();
        List<String> lines = out.lines().toList();
        assertThat(lines.get(0)).isEqualTo("Integrationsmonitor " + pomVersion());
        assertThat(lines.get(1)).matches("commit ([0-9a-f]{40}(-dirty)?|unknown)");
        assertThat(lines.get(2)).isEqualTo("application version in report versions: " + AppVersion.current());
        assertThat(home.resolve("data"))
                .as("no database opened for the version")
                .doesNotExist();
    }

    private static String pomVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<artifactId>integrationsmonitor</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(m.find()).as("the project's version in pom.xml").isTrue();
        return m.group(1);
    }
}
