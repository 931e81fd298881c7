package de.integrationsmonitor.ingest.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.datenquellen.SourceDescriptions;
import de.integrationsmonitor.ingest.ExtractSource;
import de.integrationsmonitor.ingest.IngestLimits;
import de.integrationsmonitor.testing.SampleWorkbooks;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The own-data workbooks of the shipped sample: each says on its first rows that its figures are invented, each is
 * read completely through its shipped description, and each holds what {@link SampleWorkbooks} writes (so the
 * binaries in input/ can be written again from the tool).
 */
class SampleWorkbooksTest {

    static final SourceDescriptions SHIPPED = SourceDescriptions.load(Path.of("jobs", "datenquellen"));

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {SampleWorkbooks.EMPLOYEES, SampleWorkbooks.KITA, SampleWorkbooks.STAY})
    void eachSampleWorkbookIsSyntheticReadsWithoutQuarantineAndIsWhatTheToolWrites(String name) throws IOException {
        Path shipped = Path.of("input", name);
        try (Workbook wb = WorkbookFactory.create(shipped.toFile(), null, true)) {
            String top = wb.getSheetAt(0).getRow(0).getCell(1).getStringCellValue() + " "
                    + (wb.getSheetAt(0).getRow(1) == null
                            ? ""
                            : wb.getSheetAt(0).getRow(1).getCell(1).toString());
            assertThat(top).contains("Synthetische Beispieldaten");
        }
        SampleWorkbooks.main(new String[] {temp.toString()});

        Recorded committed = read(shipped);
        Recorded written = read(temp.resolve(name));

        assertThat(committed.account.rejected()).isZero();
        assertThat(committed.account.stored()).isPositive();
        assertThat(committed.observations).isNotEmpty().containsExactlyElementsOf(written.observations);
        assertThat(committed.account).isEqualTo(written.account);
    }

    private Recorded read(Path file) throws IOException {
        Recorded r = new Recorded();
        r.account = new WorkbookReader(
                        SHIPPED.forFile(file.getFileName().toString()).orElseThrow(),
                        WorkbookReaderTest.NAMES,
                        IngestLimits.defaults())
                .read(ExtractSource.scan(file), r);
        return r;
    }
}
