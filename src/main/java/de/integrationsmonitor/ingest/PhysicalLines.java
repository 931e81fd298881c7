package de.integrationsmonitor.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The physical lines of a text, one at a time, numbered from 1, each with whether a line break ended it: the last
 * line of a cut-off file has none, which is how a truncated delivery is told from a complete one. Holds no more
 * than one buffer and the current line.
 */
final class PhysicalLines {

    /** One line without its line break ({@code \n}, {@code \r\n} or {@code \r}). */
    record Line(long number, String text, boolean terminated) {}

    private final Reader reader;
    private final char[] buffer = new char[64 * 1024];
    private final StringBuilder line = new StringBuilder(512);
    private int position;
    private int limit;
    private long number;
    private boolean afterCarriageReturn;

    PhysicalLines(Reader reader) {
        this.reader = reader;
    }

    /** The next line, or null at the end of the text. */
    Line next() throws IOException {
        line.setLength(0);
        if (afterCarriageReturn) {
            afterCarriageReturn = false;
            if (fill() && buffer[position] == '\n') {
                position++;
            }
        }
        while (fill()) {
            int start = position;
            while (position < limit) {
                char c = buffer[position];
                if (c == '\n' || c == '\r') {
                    line.append(buffer, start, position - start);
                    position++;
                    afterCarriageReturn = c == '\r';
                    return new Line(++number, line.toString(), true);
                }
                position++;
            }
            line.append(buffer, start, limit - start);
        }
        return line.length() == 0 ? null : new Line(++number, line.toString(), false);
    }

    private boolean fill() throws IOException {
        while (position >= limit) {
            int read = reader.read(buffer);
            if (read < 0) {
                return false;
            }
            position = 0;
            limit = read;
        }
        return true;
    }

    /**
     * The cells of a {@code ;}-separated line; a cell may be quoted ({@code "a;b"}, {@code ""} for a quote).
     *
     * @return the cells, or null when a quote is not closed on the line
     */
    static String[] cells(String text) {
        if (text.indexOf('"') < 0) {
            return text.split(";", -1);
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cellStart) {
                quoted = true;
                cellStart = false;
            } else if (c == ';') {
                cells.add(cell.toString());
                cell.setLength(0);
                cellStart = true;
            } else {
                cell.append(c);
                cellStart = false;
            }
        }
        if (quoted) {
            return null;
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }
}
