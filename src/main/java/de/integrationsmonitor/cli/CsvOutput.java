package de.integrationsmonitor.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV on standard output, as every listing command prints it: RFC 4180, UTF-8, a header, LF line ends, and every
 * cell safe to open in a spreadsheet. Labels come from delivered files: a cell a spreadsheet would run as a formula
 * (one starting with {@code =}, {@code +}, {@code -} or {@code @} that is not a number, or with a tab or carriage
 * return) is prefixed with a single quote, as OWASP's guidance on CSV injection says; numbers ({@code -14.6}) and
 * the offices' lone {@code -} stay as they are.
 */
final class CsvOutput implements Closeable {

    /** The output formats of a listing; picocli refuses any other value with the allowed ones. */
    enum Format {
        csv,
        text
    }

    /** For commands that print CSV only. */
    enum CsvOnly {
        csv
    }

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private final CSVPrinter printer;

    private CsvOutput(CSVPrinter printer) {
        this.printer = printer;
    }

    static CsvOutput open(String... header) throws IOException {
        return new CsvOutput(new CSVPrinter(
                new OutputStreamWriter(System.out, StandardCharsets.UTF_8),
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(header)
                        .setRecordSeparator('\n')
                        .get()));
    }

    /** As {@link #open}, with a line of text before the header (the INTERN notice of an unsuppressed export). */
    static CsvOutput open(java.util.Optional<String> firstLine, String... header) throws IOException {
        if (firstLine.isPresent()) {
            System.out.print(firstLine.get() + "\n");
            System.out.flush();
        }
        return open(header);
    }

    /** One row; each cell made safe for a spreadsheet. */
    void record(Object... cells) throws IOException {
        Object[] safe = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            safe[i] = safe(cells[i]);
        }
        printer.printRecord(safe);
    }

    /** The cell as a spreadsheet may open it without running anything. */
    static Object safe(Object cell) {
        if (!(cell instanceof CharSequence)) {
            return cell;
        }
        String text = cell.toString();
        if (text.length() < 2 && !text.startsWith("\t") && !text.startsWith("\r")) {
            return text; // "", "-" (nothing there), "=": nothing to run
        }
        char first = text.charAt(0);
        boolean formula = (first == '=' || first == '+' || first == '-' || first == '@')
                && !NUMBER.matcher(text).matches();
        return formula || first == '\t' || first == '\r' ? "'" + text : text;
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
