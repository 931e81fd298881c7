package de.integrationsmonitor.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialsTest {

    @TempDir
    Path temp;

    static Optional<Credentials> resolve(Database database, String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return Credentials.resolve(database, env::get);
    }

    static String header(Optional<Credentials> credentials) {
        return credentials.map(c -> c.username() + "/" + c.password()).orElse("none");
    }

    @Test
    @DisplayName("a token is sent as the user name with an empty password")
    void token() {
        assertThat(header(resolve(Database.GENESIS, "IMON_GENESIS_TOKEN", "abc123")))
                .isEqualTo("abc123/");
    }

    @Test
    @DisplayName("user and password; a database's own variables come before the common ones")
    void perDatabase() {
        String[] env = {
            "IMON_GENESIS_USER",
            "DEUSER01",
            "IMON_GENESIS_PASSWORD",
            "pw-common",
            "IMON_GENESIS_TOKEN_ZENSUS",
            "zensus-token"
        };

        assertThat(header(resolve(Database.GENESIS, env))).isEqualTo("DEUSER01/pw-common");
        assertThat(header(resolve(Database.ZENSUS, env))).isEqualTo("zensus-token/");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "IMON_GENESIS_USER|DEUSER01|IMON_GENESIS_USER is set but IMON_GENESIS_PASSWORD is not; set both, or IMON_GENESIS_TOKEN alone",
                "IMON_GENESIS_PASSWORD|geheim-7|IMON_GENESIS_PASSWORD is set but IMON_GENESIS_USER is not",
            })
    @DisplayName("half a pair is refused, without showing the value")
    void halfAPair(String variable, String value, String message) {
        assertThatThrownBy(() -> resolve(Database.GENESIS, variable, value))
                .isInstanceOf(FetchConfigurationException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(value));
    }

    @Test
    @DisplayName("a token and a user name at once are refused as ambiguous")
    void both() {
        assertThatThrownBy(() -> resolve(
                        Database.GENESIS,
                        "IMON_GENESIS_TOKEN",
                        "t",
                        "IMON_GENESIS_USER",
                        "u",
                        "IMON_GENESIS_PASSWORD",
                        "p"))
                .isInstanceOf(FetchConfigurationException.class)
                .hasMessageContaining("are both set");
    }

    @Test
    @DisplayName("a private credentials file is read, a database's keys before the common ones")
    void privateFile() throws IOException {
        Path file = Files.writeString(
                temp.resolve("genesis.properties"),
                "# the department's accounts\nregionalstatistik.token=rdb-token\nuser=DEUSER01\npassword=pw 2\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThat(header(resolve(Database.REGIONALSTATISTIK, "IMON_GENESIS_CREDENTIALS", file.toString())))
                .isEqualTo("rdb-token/");
        assertThat(header(resolve(Database.GENESIS, "IMON_GENESIS_CREDENTIALS", file.toString())))
                .isEqualTo("DEUSER01/pw 2");
    }

    @ParameterizedTest
    @CsvSource({"rw-r-----", "rw----r--", "rw-rw----"})
    @DisplayName("a credentials file that others can read is refused, saying how to make it private")
    void openFile(String permissions) throws IOException {
        Path file = Files.writeString(temp.resolve("genesis.properties"), "token=secret-token-9\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));

        assertThatThrownBy(() -> resolve(Database.GENESIS, "IMON_GENESIS_CREDENTIALS", file.toString()))
                .isInstanceOf(FetchConfigurationException.class)
                .hasMessage("the credentials file " + file + " can be read or written by others (" + permissions
                        + "); it was not used. Make it private: chmod 600 " + file);
    }

    @Test
    @DisplayName("the environment wins over the file; nothing set means no credentials")
    void precedenceAndNone() throws IOException {
        Path file = Files.writeString(temp.resolve("genesis.properties"), "token=from-file\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThat(header(resolve(
                        Database.GENESIS,
                        "IMON_GENESIS_TOKEN",
                        "from-env",
                        "IMON_GENESIS_CREDENTIALS",
                        file.toString())))
                .isEqualTo("from-env/");
        assertThat(resolve(Database.GENESIS)).isEmpty();
        assertThat(Credentials.configured(Map.<String, String>of()::get)).isFalse();
        assertThat(Credentials.configured(Map.of("IMON_GENESIS_TOKEN_ZENSUS", "z")::get))
                .isTrue();
    }

    @Test
    @DisplayName("credentials never show in their string form")
    void masked() {
        assertThat(Credentials.of("DEUSER01", "geheim").toString()).doesNotContain("DEUSER01", "geheim");
    }
}
