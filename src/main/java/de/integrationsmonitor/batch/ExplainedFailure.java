package de.integrationsmonitor.batch;

/**
 * A step failure that the run's results explain (a file refused, reports that could not be rendered): the step fails
 * so that starting the same work again retries exactly that part, and the command reports it through its results
 * and exit code, not as an unexpected failure.
 */
class ExplainedFailure extends RuntimeException {

    ExplainedFailure(String message) {
        super(message);
    }

    /** A file of an ingest was refused; nothing of it was stored. */
    static final class FileRefused extends ExplainedFailure {
        FileRefused(String message) {
            super(message);
        }
    }
}
