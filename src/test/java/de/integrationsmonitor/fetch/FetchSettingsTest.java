package de.integrationsmonitor.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FetchSettingsTest {

    static final Path INPUT = Path.of("input");

    @Test
    @DisplayName("the documented defaults: the offices' base URLs, poll 5 s, job 50 min, connect 30 s, read 300 s")
    void defaults() {
        FetchSettings settings = FetchSettings.from(Map.<String, String>of()::get, INPUT);

        assertThat(settings.baseUrl(Database.REGIONALSTATISTIK))
                .isEqualTo(URI.create("https://www.regionalstatistik.de/genesisws/rest/2020/"));
        assertThat(settings.baseUrl(Database.GENESIS))
                .isEqualTo(URI.create("https://www-genesis.destatis.de/genesisWS/rest/2020/"));
        assertThat(settings.baseUrl(Database.ZENSUS))
                .isEqualTo(URI.create("https://ergebnisse.zensus2022.de/api/rest/2020/"));
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.jobTimeout()).isEqualTo(Duration.ofMinutes(50));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(settings.retries()).isEqualTo(3);
        assertThat(settings.inbox()).isEqualTo(INPUT);
    }

    @Test
    @DisplayName("IMON_GENESIS_URL replaces every base URL, IMON_GENESIS_URL_<DATABASE> one; fractions of seconds")
    void overrides() {
        FetchSettings settings = FetchSettings.from(
                Map.of(
                        "IMON_GENESIS_URL",
                        "https://mirror.example/rest/2020",
                        "IMON_GENESIS_URL_ZENSUS",
                        "http://127.0.0.1:8089/api/rest/2020/",
                        "IMON_GENESIS_POLL_SECONDS",
                        "0.05",
                        "IMON_INBOX",
                        "/srv/imon/eingang")::get,
                INPUT);

        assertThat(settings.baseUrl(Database.GENESIS)).isEqualTo(URI.create("https://mirror.example/rest/2020/"));
        assertThat(settings.baseUrl(Database.REGIONALSTATISTIK))
                .isEqualTo(URI.create("https://mirror.example/rest/2020/"));
        assertThat(settings.baseUrl(Database.ZENSUS)).isEqualTo(URI.create("http://127.0.0.1:8089/api/rest/2020/"));
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(settings.inbox()).isEqualTo(Path.of("/srv/imon/eingang"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "IMON_GENESIS_POLL_SECONDS|fünf|IMON_GENESIS_POLL_SECONDS is 'fünf'; expected a number of seconds, fractions allowed",
                "IMON_GENESIS_READ_TIMEOUT_SECONDS|0|IMON_GENESIS_READ_TIMEOUT_SECONDS is '0'; expected a number of seconds above 0",
                "IMON_GENESIS_RETRIES|2.5|IMON_GENESIS_RETRIES is '2.5'; expected a whole number from 0 to 20",
                "IMON_GENESIS_URL|ftp://mirror.example/|expected an http(s) URL with a host",
                "IMON_GENESIS_URL|http://mirror.example/rest/2020/|plain http to another machine would carry the credentials unencrypted",
                "IMON_GENESIS_URL|https://user:pw@mirror.example/|expected a base URL without query or user name",
            })
    @DisplayName("a wrong setting is refused, naming the variable and what it expects")
    void wrong(String variable, String value, String message) {
        assertThatThrownBy(() -> FetchSettings.from(Map.of(variable, value)::get, INPUT))
                .isInstanceOf(FetchConfigurationException.class)
                .hasMessageContaining(message);
    }
}
