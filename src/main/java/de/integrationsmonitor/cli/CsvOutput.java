package de.integrationsmonitor.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV on standard output, as every listing command prints it: RFC 4180, UTF-8, a header, LF line ends. */
final class CsvOutput {

    /** The output formats of a listing; picocli refuses any other value with the allowed ones. */
    enum Format { csv, text }

    /** For commands that print CSV only. */
    enum CsvOnly { csv }

    private CsvOutput() {
    }

    static CSVPrinter open(String... header) throws IOException {
        return new CSVPrinter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(header).setRecordSeparator('\n').get());
    }
}
