package de.integrationsmonitor.datenquellen;

/** A source description that cannot be used; the message names the file, the field and the allowed values. */
public class SourceDescriptionException extends RuntimeException {

    public SourceDescriptionException(String message) {
        super(message);
    }
}
