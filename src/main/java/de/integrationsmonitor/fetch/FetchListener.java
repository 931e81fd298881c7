package de.integrationsmonitor.fetch;

/** Told what a fetch run does while it runs: progress lines, and each table's outcome as soon as it is known. */
public interface FetchListener {

    default void progress(String line) {}

    default void outcome(FetchOutcome outcome) {}
}
