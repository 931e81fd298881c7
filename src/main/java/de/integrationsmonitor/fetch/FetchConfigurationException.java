package de.integrationsmonitor.fetch;

/**
 * The fetch is set up wrongly: {@code jobs/quellen.yml}, a setting or the credentials. The message names the file,
 * field or variable and what is allowed; it never shows a credential.
 */
public class FetchConfigurationException extends RuntimeException {

    public FetchConfigurationException(String message) {
        super(message);
    }
}
