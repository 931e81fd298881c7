package de.integrationsmonitor.audit;

/** A verification an auditor asked for failed: a version unknown, a file modified, an archive incomplete (exit 4). */
public class AuditException extends RuntimeException {

    public AuditException(String message) {
        super(message);
    }
}
