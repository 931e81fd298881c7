package de.integrationsmonitor.validate;

/** How serious a finding is; rules declare theirs. */
public enum Severity {
    /** The data contradict themselves or the register: a statistician must look before publishing. */
    ERROR,
    /** Worth a look; often explained by the offices' practice (e.g. a later Gebietsstand). */
    WARNING,
    /** Recorded for the record (e.g. a level not yet published). */
    INFO;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
