package de.integrationsmonitor.indicator;

/** Whether a higher value of an indicator means better or worse participation chances, for ranks and marks. */
public enum Direction {
    HIGHER_IS_BETTER,
    HIGHER_IS_WORSE,
    NEUTRAL
}
