package de.integrationsmonitor.indicator;

/** A catalogue file that cannot be used; the message names the file, the indicator and the field. */
public class CatalogueException extends RuntimeException {

    public CatalogueException(String message) {
        super(message);
    }
}
