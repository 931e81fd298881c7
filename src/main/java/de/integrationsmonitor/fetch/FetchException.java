package de.integrationsmonitor.fetch;

/** Why a table could not be fetched, said for people; never with a credential in it. */
final class FetchException extends RuntimeException {

    enum Kind {
        /** The service could not be reached at all (connection refused, connect time-out, unknown host). */
        UNREACHABLE,
        /** The service answered, but not with the table: time-outs, HTTP 5xx, an error status, a job not done. */
        FAILED,
        /** What came back, or what was asked, is wrong: no table of that name, an answer that is no table. */
        REFUSED
    }

    private final Kind kind;

    FetchException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
