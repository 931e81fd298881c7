package de.integrationsmonitor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.testing.Imon;
import de.integrationsmonitor.testing.Imon.Run;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;

/**
 * PDFs made to break a reader, given to {@code audit verify} beside an ordinary PDF: arrays nested two million deep,
 * an XMP metadata stream that inflates to 1 GiB. Each is refused as "not a readable PDF" (exit 4) without a stack
 * trace, and the other file of the call is still checked.
 */
@SpringBootTest
class HostilePdfVerifyTest {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void locations(DynamicPropertyRegistry registry) {
        registry.add("imon.project", () -> Path.of("").toAbsolutePath().toString());
        registry.add("imon.home", () -> home.toString());
    }

    @Autowired
    CommandLine.IFactory factory;

    @TempDir
    Path temp;

    Run imon(String... args) {
        return Imon.run(factory, args);
    }

    /** A PDF of three objects (catalog, empty page tree, metadata stream) with a correct cross-reference table. */
    static Path pdf(Path file, String catalogExtra, byte[] metadata, String metadataFilter) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.7\n");
        offsets.add(out.size());
        write(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Metadata 3 0 R " + catalogExtra + " >>\nendobj\n");
        offsets.add(out.size());
        write(out, "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n");
        offsets.add(out.size());
        write(
                out,
                "3 0 obj\n<< /Type /Metadata /Subtype /XML /Length " + metadata.length + metadataFilter
                        + " >>\nstream\n");
        out.write(metadata);
        write(out, "\nendstream\nendobj\n");
        int xref = out.size();
        write(out, "xref\n0 4\n0000000000 65535 f \n");
        for (int offset : offsets) {
            write(out, String.format("%010d 00000 n \n", offset));
        }
        write(out, "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        return Files.write(file, out.toByteArray());
    }

    static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    static final String XMP =
            "<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
                    + "</x:xmpmeta><?xpacket end=\"w\"?>";

    /** An ordinary PDF that is no report of this product: checked, and said so, whatever comes before it. */
    Path ordinary() throws IOException {
        return pdf(temp.resolve("ordinary.pdf"), "", XMP.getBytes(StandardCharsets.UTF_8), "");
    }

    @Test
    void arraysNestedTwoMillionDeepAreNotAReadablePdfAndTheNextFileIsChecked() throws IOException {
        int depth = 2_000_000;
        Path nested = pdf(
                temp.resolve("nested.pdf"),
                "/Deep " + "[".repeat(depth) + "]".repeat(depth),
                XMP.getBytes(StandardCharsets.UTF_8),
                "");

        Run run = imon("audit", "verify", nested.toString(), ordinary().toString());

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(4);
        assertThat(run.out()).contains(nested + ": not a readable PDF: ");
        assertThat(run.out()).contains(temp.resolve("ordinary.pdf") + ": carries no report version id");
        assertThat(run.out() + run.err()).doesNotContain("\tat ", "StackOverflowError");
    }

    @Test
    void anXmpStreamInflatingToOneGibibyteIsNotAReadablePdfAndTheNextFileIsChecked() throws IOException {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (OutputStream out = new DeflaterOutputStream(deflated, new Deflater(Deflater.BEST_SPEED))) {
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 1024; i++) {
                out.write(spaces);
            }
        }
        Path bomb = pdf(temp.resolve("xmp-bomb.pdf"), "", deflated.toByteArray(), " /Filter /FlateDecode");

        Run run = imon("audit", "verify", bomb.toString(), ordinary().toString());

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(4);
        assertThat(run.out()).contains(bomb + ": not a readable PDF: its XMP metadata is larger than ");
        assertThat(run.out()).contains(temp.resolve("ordinary.pdf") + ": carries no report version id");
        assertThat(run.out() + run.err()).doesNotContain("\tat ", "OutOfMemoryError");
    }
}
