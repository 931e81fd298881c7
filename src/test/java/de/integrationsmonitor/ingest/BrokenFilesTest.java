package de.integrationsmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The corpus of broken files: each is either refused as a whole, with the file, the line and what was expected,
 * or its bad lines are quarantined with a reason while the rest is read.
 */
class BrokenFilesTest {

    static final Path BROKEN = Path.of("src/test/resources/fixtures/broken");

    static LineAccount read(Path file, RecordingListener listener) throws IOException {
        ExtractSource source = ExtractSource.scan(file);
        return IngestService.readerFor(FormatDetector.detect(source)).read(source, listener);
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "empty.csv                 | empty.csv: the file is empty; expected a GENESIS extract",
                "binary.csv                | binary.csv, line 1: the file holds binary data (a NUL byte in line 1)",
                "not-a-genesis-extract.csv | not-a-genesis-extract.csv, line 1: not a GENESIS extract: expected the first line 'GENESIS-Tabelle: <code>'",
                "truncated-mid-row.csv     | truncated-mid-row.csv, line 13: the file ends without its footer",
                "header-only.csv           | header-only.csv, line 9: the file has header rows but no data lines",
                "wrong-separator.csv       | wrong-separator.csv, line 2: the cells of this line are separated by ','",
            })
    void refused(String file, String message) {
        assertThatThrownBy(() -> read(BROKEN.resolve(file), new RecordingListener()))
                .isInstanceOf(ExtractRefusedException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}: line {1} quarantined")
    @CsvSource(
            delimiter = '|',
            value = {
                "duplicate-header.csv        | 11 | a header row (starting with ';') inside the data",
                "row-with-too-many-cells.csv | 10 | the row has 14 cells, the header declares 13",
            })
    void quarantined(String file, long line, String reason) throws IOException {
        RecordingListener listener = new RecordingListener();

        LineAccount account = read(BROKEN.resolve(file), listener);

        assertThat(listener.rejected)
                .anySatisfy(
                        r -> assertThat(r.toString()).startsWith(line + ": ").contains(reason));
        assertThat(account.dataLines()).isEqualTo(account.stored() + account.rejected() + account.skipped());
        // the good lines of the file are still read: Dessau-Roßlau's total is there
        assertThat(listener.observations).anyMatch(o -> o.regionCode().equals("15001"));
    }
}
