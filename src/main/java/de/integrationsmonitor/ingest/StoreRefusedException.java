package de.integrationsmonitor.ingest;

/**
 * Thrown by the store for a value it cannot keep exactly (more digits than its column, a label longer than its
 * column): the file is refused with the line, never stored cut short.
 */
public class StoreRefusedException extends RuntimeException {

    private final long line;

    /** @param line the line of the file the value comes from, 0 when it concerns the file as a whole */
    public StoreRefusedException(long line, String problem) {
        super(problem);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
