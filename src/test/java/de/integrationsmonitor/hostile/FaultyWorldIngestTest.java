package de.integrationsmonitor.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.integrationsmonitor.observation.Delivery;
import de.integrationsmonitor.testing.Imon.Run;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A faulty world around {@code ingest}: a file still being written, a named pipe or a device where a file was
 * expected, file names that carry line breaks and terminal escape sequences. Each is said as what it is, refuses
 * only itself, and never forges a line of the output or the audit log.
 */
class FaultyWorldIngestTest extends IngestInAHomeOfItsOwn {

    @Test
    void aNamedPipeIsSaidToBeOneAndNotOpened() throws Exception {
        Path fifo = temp.resolve("12411-03-03-4.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available here");
        Path good = goodFile("12411-03-03-4-good.csv");

        Run run = imon("ingest", fifo.toString(), good.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.out())
                .contains("REFUSED 12411-03-03-4.csv: " + fifo + " is a named pipe (FIFO), not a"
                        + " regular file; ingest reads regular files only - nothing of this file was stored");
        assertThat(run.out()).doesNotContain("no such file");
        assertThat(run.out()).contains("12411-03-03-4-good.csv: classic 12411-03-03-4");
    }

    @Test
    void aDeviceIsSaidToBeOne() throws IOException {
        Path device = Path.of("/dev/null");
        assumeTrue(Files.exists(device), "no /dev/null here");
        Path good = goodFile("12411-03-03-4-beside-a-device.csv");

        Run run = imon("ingest", device.toString(), good.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.out())
                .contains("REFUSED null: /dev/null is a character device, not a regular file; ingest"
                        + " reads regular files only");
        assertThat(run.out()).contains("12411-03-03-4-beside-a-device.csv: classic 12411-03-03-4");
    }

    @Test
    void aMissingFileIsStillNamedMissing() {
        Path missing = temp.resolve("12411-03-03-4-gone.csv");

        Run run = imon("ingest", missing.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("REFUSED 12411-03-03-4-gone.csv: no such file (looked for " + missing + ")");
    }

    @Test
    void aFileNameWithALineBreakAndAnEscapeSequenceForgesNoLineOfTheOutputOrTheAuditLog() throws IOException {
        String forged = "imon: audit log intact";
        Path hostile = goodFile("12411-03-03-4\n" + forged + "\u001b[2K.csv");

        Run run = imon("ingest", hostile.toString());
        Run log = imon("audit", "log");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("12411-03-03-4\\nimon: audit log intact\\u001b[2K.csv: classic 12411-03-03-4");
        assertThat(log.out()).contains("ingest  12411-03-03-4\\nimon: audit log intact\\u001b[2K.csv  delivery ");
        for (Run printed : new Run[] {run, log}) {
            assertThat(printed.out().lines()).noneMatch(line -> line.startsWith(forged));
            assertThat(printed.out()).doesNotContain("\u001b");
        }
        // what is stored is the name as it is: the audit log's hashes are over the true name
        assertThat(deliveries.all())
                .extracting(Delivery::fileName)
                .contains(hostile.getFileName().toString());
    }

    @Test
    void aFileStillGrowingWhileItIsReadIsRefusedNotStoredUnderTheHashOfAPrefix() throws Exception {
        Path growing = goodFile("12411-03-03-4-still-being-written.csv");
        AtomicBoolean done = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(growing, StandardOpenOption.APPEND)) {
                while (!done.get()) {
                    out.write("\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    Thread.sleep(0, 200_000);
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        Run run;
        try {
            run = imon("ingest", growing.toString());
        } finally {
            done.set(true);
            writer.join();
        }

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.out())
                .contains(
                        "REFUSED 12411-03-03-4-still-being-written.csv: the file changed while it was" + " read (",
                        "ingest it once it is complete - nothing of this file was stored");
        assertThat(deliveries.all())
                .extracting(Delivery::fileName)
                .doesNotContain("12411-03-03-4-still-being-written.csv");

        // the same file, complete, goes in
        Run complete = imon("ingest", growing.toString());
        assertThat(complete.exit()).as(complete.out() + complete.err()).isZero();
    }
}
