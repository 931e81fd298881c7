package de.integrationsmonitor.fetch;

import de.integrationsmonitor.ingest.IngestOutcome;
import java.util.Optional;

/**
 * What happened to one table of a fetch run, for the command line and a nightly summary.
 *
 * @param database      the database asked; empty only for an entry of {@code jobs/quellen.yml} that names none
 * @param fileName      the file put into the inbox, if one was
 * @param ingest        what ingest made of it, unless the run was download-only
 * @param officeWarning what the office said when it adjusted the request (status 22)
 */
public record FetchOutcome(
        String table,
        Optional<Database> database,
        Result result,
        String message,
        Optional<String> fileName,
        Optional<IngestOutcome> ingest,
        Optional<String> officeWarning) {

    public enum Result {
        /** Downloaded into the inbox (and ingested, unless download-only). */
        FETCHED("fetched"),
        /** {@code catalogue/modifieddata} reports no change since the last download: nothing was downloaded. */
        UNCHANGED("unchanged"),
        /** The office has no data for the selection (status 104): a finding, not a failure of the run. */
        NO_DATA("no data"),
        /** The service could not be reached or did not deliver (time-outs, HTTP 5xx, an error status, a job not done). */
        FAILED("failed"),
        /** The entry or what came back is wrong: an unknown table, an answer that is no table, a damaged ZIP. */
        REFUSED("refused");

        private final String label;

        Result(String label) {
            this.label = label;
        }

        /** The word a summary uses: fetched, unchanged, no data, failed, refused. */
        public String label() {
            return label;
        }
    }

    static FetchOutcome of(Source source, Result result, String message) {
        return new FetchOutcome(
                source.table(),
                Optional.of(source.database()),
                result,
                message,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** A table or entry refused before anything was asked of the office. */
    static FetchOutcome refused(String table, Optional<Database> database, String message) {
        return new FetchOutcome(
                table, database, Result.REFUSED, message, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** One line for people: {@code 12411-01-01-4 (regionalstatistik): unchanged since 03.11.2026}. */
    public String describe() {
        String prefix = result == Result.FAILED || result == Result.REFUSED ? result.name() + " " : "";
        return prefix + table + database.map(d -> " (" + d.id() + ")").orElse("") + ": " + message
                + officeWarning
                        .map(w -> "; the office adjusted the request: " + w)
                        .orElse("");
    }
}
