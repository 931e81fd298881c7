package de.integrationsmonitor.cli;

import de.integrationsmonitor.audit.AuditLog;
import de.integrationsmonitor.disclosure.DisclosureRules;
import de.integrationsmonitor.disclosure.DisclosureRulesLoader;
import de.integrationsmonitor.kernel.ImonSettings;
import java.util.Optional;

/** What the export commands share for disclosure control: the rules, the INTERN notice and its audit entry. */
final class Geheimhaltung {

    /** The first line of an export with unsuppressed values. */
    static final String INTERN = "INTERN – nicht zur Veröffentlichung";
    /** The audit log's action for such an export. */
    static final String EXPORT_INTERN = "export-intern";

    private Geheimhaltung() {}

    static DisclosureRules rules(ImonSettings settings) {
        return DisclosureRulesLoader.load(DisclosureRules.file(settings.jobs()));
    }

    /** Records who exported unsuppressed values, before anything is printed; the notice for the first line. */
    static Optional<String> intern(boolean intern, AuditLog audit, String command, DisclosureRules rules) {
        if (!intern) {
            return Optional.empty();
        }
        audit.append(EXPORT_INTERN, command, "unsuppressed values (--intern); " + rules.describe());
        return Optional.of(INTERN);
    }
}
