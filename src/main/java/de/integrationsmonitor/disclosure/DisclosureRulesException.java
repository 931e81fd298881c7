package de.integrationsmonitor.disclosure;

/** A protection rule that is written wrong: the message names the file, the entry and the field. */
public class DisclosureRulesException extends RuntimeException {

    public DisclosureRulesException(String message) {
        super(message);
    }
}
