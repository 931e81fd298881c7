package de.integrationsmonitor.batch;

import de.integrationsmonitor.ingest.IngestOutcome;

/**
 * What the steps tell while they run, for whoever shows progress (the command line's progress bars and log lines):
 * application events, not a channel between steps — the steps pass their results through execution contexts.
 */
public final class RunEvents {

    private RunEvents() {}

    /** A file of an ingest was taken in, refused or recognised. */
    public record FileIngested(IngestOutcome outcome) {}

    /** A unit of an edition (a Kreis report or a Land overview) was rendered or failed. */
    public record UnitRendered(String edition, String unit, boolean failed, String reason) {}

    /** An edition's units are about to be rendered. */
    public record RenderingStarted(String edition, int units) {}
}
