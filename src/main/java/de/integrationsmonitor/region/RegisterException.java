package de.integrationsmonitor.region;

/**
 * The Kreis register files are wrong: the message names the file, the line and what was expected. A command that
 * needs the register refuses to run with it (exit 2), because every count and rank would rest on it.
 */
public class RegisterException extends IllegalArgumentException {

    public RegisterException(String message) {
        super(message);
    }
}
