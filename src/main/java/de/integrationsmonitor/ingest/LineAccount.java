package de.integrationsmonitor.ingest;

/**
 * The account of a file's data lines: every one was stored, rejected (quarantined) or skipped for a stated
 * reason, so {@code dataLines == stored + rejected + skipped} always holds.
 */
public record LineAccount(long dataLines, long stored, long rejected, long skipped, long observations) {

    public LineAccount {
        if (dataLines != stored + rejected + skipped) {
            throw new IllegalStateException("line account does not add up: " + dataLines + " data lines, " + stored
                    + " stored + " + rejected + " rejected + " + skipped + " skipped");
        }
    }
}
