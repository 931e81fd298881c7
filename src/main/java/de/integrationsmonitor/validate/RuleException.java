package de.integrationsmonitor.validate;

/** A rules file that cannot be used; the message names the file, the rule and the field. */
public class RuleException extends RuntimeException {

    public RuleException(String message) {
        super(message);
    }
}
