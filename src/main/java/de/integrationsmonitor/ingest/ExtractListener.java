package de.integrationsmonitor.ingest;

import de.integrationsmonitor.observation.Observation;

/**
 * Receives what a reader finds, in file order, while it streams: the header once, every observation, every
 * data line it could not use (rejected: bad content; skipped: deliberately not stored, with the reason), and
 * the footer once. Readers hold nothing in memory beyond the current line.
 */
public interface ExtractListener {

    void header(ExtractHeader header);

    void observation(Observation observation);

    /** A data line whose content is wrong; it is quarantined with the reason. */
    void rejected(long line, String reason, String content);

    /** A data line that is fine but not stored, for the stated reason (e.g. a Regierungsbezirk aggregate). */
    void skipped(long line, String reason, String content);

    void footer(ExtractFooter footer);
}
