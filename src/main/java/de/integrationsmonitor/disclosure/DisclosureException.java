package de.integrationsmonitor.disclosure;

import java.util.List;

/** A publication that would reveal a small count: it is stopped, and the message names the table and the cells. */
public class DisclosureException extends RuntimeException {

    private final List<AuditFinding> findings;

    public DisclosureException(List<AuditFinding> findings) {
        super("Geheimhaltung: " + findings.size() + " suppressed cell" + (findings.size() == 1 ? "" : "s")
                + " could be worked out: "
                + String.join(
                        "; ",
                        findings.stream().limit(10).map(AuditFinding::message).toList())
                + (findings.size() > 10 ? "; and " + (findings.size() - 10) + " more" : ""));
        this.findings = List.copyOf(findings);
    }

    public DisclosureException(String message) {
        super("Geheimhaltung: " + message);
        this.findings = List.of();
    }

    public List<AuditFinding> findings() {
        return findings;
    }
}
