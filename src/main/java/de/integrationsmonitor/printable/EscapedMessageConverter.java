package de.integrationsmonitor.printable;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The message of a readable log line with its control characters escaped ({@link Printable}): a file name with a
 * line break in it cannot forge a log line. The JSON log escapes them by its format.
 */
public class EscapedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Printable.escape(super.convert(event));
    }
}
