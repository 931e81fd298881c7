package de.integrationsmonitor.report.edition;

/** An edition file that cannot be used; the message names the file, the field and the allowed values. */
public class EditionException extends RuntimeException {

    public EditionException(String message) {
        super(message);
    }
}
