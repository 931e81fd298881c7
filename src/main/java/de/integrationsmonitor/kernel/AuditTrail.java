package de.integrationsmonitor.kernel;

/**
 * Where a stage enters what it did, with the hashes involved (a stored delivery, a computation, a published report):
 * the tamper-evident audit log ({@code audit/AuditLog}) is the one the application uses; a tool that keeps no audit
 * log, such as the benchmark's throw-away database, passes {@link #NONE}. A port in the kernel, so that every stage
 * can write it without knowing the audit capability that reads it.
 */
public interface AuditTrail {

    String INGEST = "ingest";
    String COMPUTE = "compute";
    String RENDER = "render";
    String RERUN = "rerun";
    String VERIFY = "verify";

    /** Nothing is entered. */
    AuditTrail NONE = (action, subject, details) -> {};

    /** Enters one action on a subject (a file name, a computation, a report version), with its details. */
    void enter(String action, String subject, String details);

    /**
     * Enters the action inside the caller's open transaction, so that what was done (a stored delivery) and its entry
     * are committed together or not at all.
     */
    default void enterInTransaction(String action, String subject, String details) {
        enter(action, subject, details);
    }
}
