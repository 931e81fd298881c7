package de.integrationsmonitor.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A file's text as the readers see it, with the longest line and the most cells per line bounded while it
 * streams: a line past {@link IngestLimits#maxLineLength()} characters or {@link IngestLimits#maxCellsPerLine()}
 * cells refuses the file before the line is held in memory. Lines are numbered as {@link PhysicalLines} numbers
 * them ({@code \n}, {@code \r\n} or {@code \r} ends one). A cell quoted from its start ({@code "a;b"}) holds its
 * {@code ;}; where quoted cells may span lines (the classic footer notes), such a record counts as one line.
 */
final class BoundedText extends FilterReader {

    private enum State {
        CELL_START,
        UNQUOTED,
        QUOTED,
        QUOTE_IN_QUOTED
    }

    private final String fileName;
    private final String where;
    private final IngestLimits limits;
    private final boolean quotesSpanLines;
    private long line = 1;
    private long length;
    private long cells = 1;
    private State state = State.CELL_START;
    private boolean afterCarriageReturn;

    /**
     * @param where           how the refusal names the text: "" for the file, "in the ZIP entry 'x.csv': "
     * @param quotesSpanLines whether a quoted cell may go on over a line break (as commons-csv reads it)
     */
    BoundedText(Reader in, String fileName, String where, IngestLimits limits, boolean quotesSpanLines) {
        super(in);
        this.fileName = fileName;
        this.where = where;
        this.limits = limits;
        this.quotesSpanLines = quotesSpanLines;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        for (int i = 0; i < read; i++) {
            count(buffer[offset + i]);
        }
        return read;
    }

    private void count(char c) {
        if (c == '\n' || c == '\r') {
            boolean secondHalfOfCrLf = c == '\n' && afterCarriageReturn;
            afterCarriageReturn = c == '\r';
            if (!secondHalfOfCrLf) {
                line++;
            }
            if (!(quotesSpanLines && state == State.QUOTED)) {
                length = 0;
                cells = 1;
                state = State.CELL_START;
            }
            return;
        }
        afterCarriageReturn = false;
        if (++length > limits.maxLineLength()) {
            throw refuse("the line is longer than " + limits.maxLineLength() + " characters (limit"
                    + " imon.limits.max-line-length); the longest line of a real extract has a few hundred");
        }
        boolean separator = false;
        switch (state) {
            case CELL_START -> {
                if (c == '"') {
                    state = State.QUOTED;
                } else {
                    separator = c == ';';
                    state = separator ? State.CELL_START : State.UNQUOTED;
                }
            }
            case UNQUOTED -> separator = c == ';';
            case QUOTED -> state = c == '"' ? State.QUOTE_IN_QUOTED : State.QUOTED;
            case QUOTE_IN_QUOTED -> {
                separator = c == ';';
                state = c == '"' ? State.QUOTED : State.UNQUOTED;
            }
        }
        if (separator) {
            state = State.CELL_START;
            if (++cells > limits.maxCellsPerLine()) {
                throw refuse("the line has more than " + limits.maxCellsPerLine() + " cells (limit"
                        + " imon.limits.max-cells-per-line); real extracts have a few dozen at most");
            }
        }
    }

    private ExtractRefusedException refuse(String problem) {
        return new ExtractRefusedException(fileName, line, where + problem);
    }
}
