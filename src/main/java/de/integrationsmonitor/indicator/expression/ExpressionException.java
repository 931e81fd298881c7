package de.integrationsmonitor.indicator.expression;

/** An indicator expression that cannot be parsed or evaluated; the message quotes the expression and says why. */
public class ExpressionException extends RuntimeException {

    public ExpressionException(String message) {
        super(message);
    }
}
