package de.integrationsmonitor.indicator;

/** How an indicator's five-year change is expressed. */
public enum ChangeKind {
    /** The difference of the two values, e.g. percentage points for a share. */
    POINTS,
    /** The relative change in percent, e.g. for euros. */
    PERCENT
}
