package de.integrationsmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PhysicalLinesTest {

    private static List<PhysicalLines.Line> lines(String text) throws IOException {
        PhysicalLines lines = new PhysicalLines(new StringReader(text));
        List<PhysicalLines.Line> all = new ArrayList<>();
        for (PhysicalLines.Line line = lines.next(); line != null; line = lines.next()) {
            all.add(line);
        }
        return all;
    }

    @Test
    @DisplayName("LF, CRLF and CR end lines; only a last line without a break is unterminated")
    void lineBreaks() throws IOException {
        assertThat(lines("a\nb\r\nc\rd"))
                .containsExactly(
                        new PhysicalLines.Line(1, "a", true),
                        new PhysicalLines.Line(2, "b", true),
                        new PhysicalLines.Line(3, "c", true),
                        new PhysicalLines.Line(4, "d", false));
        assertThat(lines("a\n\nb\n"))
                .extracting(PhysicalLines.Line::number, PhysicalLines.Line::text)
                .containsExactly(tuple(1L, "a"), tuple(2L, ""), tuple(3L, "b"));
        assertThat(lines("")).isEmpty();
    }

    @Test
    @DisplayName("a line longer than the buffer, with CRLF split across buffers, stays one line")
    void longLine() throws IOException {
        String longText = "x".repeat(64 * 1024 - 1);
        assertThat(lines(longText + "\r\nnext\n"))
                .extracting(PhysicalLines.Line::text)
                .containsExactly(longText, "next");
    }

    @Test
    @DisplayName("cells: empty cells are kept, quoted cells may hold ; and doubled quotes, an open quote is no row")
    void cells() {
        assertThat(PhysicalLines.cells("a;;b;")).containsExactly("a", "", "b", "");
        assertThat(PhysicalLines.cells("12411;\"Kreise; kreisfreie Städte\";\"sagt \"\"x\"\"\""))
                .containsExactly("12411", "Kreise; kreisfreie Städte", "sagt \"x\"");
        assertThat(PhysicalLines.cells("a;\"open")).isNull();
    }
}
