package de.integrationsmonitor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile file never needs more memory than a real one: the bombs, made here, are read in a JVM of its own
 * limited to 256 MiB of heap, and each is refused with its limit named, none ends in OutOfMemoryError.
 */
@Tag("slow")
class SmallHeapTest {

    @TempDir
    Path temp;

    @Test
    void everyBombIsRefusedWithin256MiBOfHeap() throws IOException, InterruptedException {
        // one line of 600 MiB, past the entry size limit
        Path declared = Bombs.oneEndlessLine(temp, "99996-0001_gigabyte-line_de_flat.zip", 600L << 20);
        // the same, its central directory claiming 1000 bytes
        Path lying = Bombs.lyingAboutItsSize(
                Bombs.oneEndlessLine(temp, "99996-0001_lying-line_de_flat.zip", 1L << 30), 1000);
        // a good line repeated: every line fine, but the entry inflates 1000-fold
        Path repeated = Bombs.lyingAboutItsSize(
                Bombs.repeatedGoodLine(temp, "99996-0001_repeated_de_flat.zip", 2_000_000), 1000);
        Path endless = Bombs.endlessClassicLine(temp, "99996-01-01-4-endless.csv", 64L << 20);

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                ReadInASmallHeap.class.getName()));
        for (Path bomb : List.of(declared, lying, repeated, endless)) {
            command.add(bomb.toString());
        }
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(output)
                .doesNotContain("OutOfMemoryError")
                .contains("99996-0001_gigabyte-line_de_flat.zip refused: 99996-0001_gigabyte-line_de_flat.zip: the ZIP"
                        + " entry '99996-0001_gigabyte-line_de_flat.csv' declares")
                .contains("99996-0001_lying-line_de_flat.zip refused: 99996-0001_lying-line_de_flat.zip, line 2: in the"
                        + " ZIP entry '99996-0001_lying-line_de_flat.csv': the line is longer than 65536 characters")
                .contains("99996-0001_repeated_de_flat.zip refused: 99996-0001_repeated_de_flat.zip: the ZIP entry"
                        + " '99996-0001_repeated_de_flat.csv' inflates more than 100 times its compressed size")
                .contains("99996-01-01-4-endless.csv refused: 99996-01-01-4-endless.csv, line 2: the line is longer"
                        + " than 65536 characters");
        assertThat(child.exitValue()).as(output).isZero();
    }
}
