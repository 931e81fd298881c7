package de.integrationsmonitor.printable;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.pattern.PatternLayoutEncoderBase;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The readable log (standard error) as the project's logback-spring.xml writes it: a file name with a line break and
 * an escape sequence stays on its line.
 */
class EscapedLogLineTest {

    @Test
    void aFileNameWithALineBreakStaysOnItsLogLine() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        // the shipped configuration without Spring's profile elements: the readable appender's encoder as written
        String xml = new String(
                        getClass().getResourceAsStream("/logback-spring.xml").readAllBytes(), StandardCharsets.UTF_8)
                .replaceAll("(?s)<springProfile name=\"json-logs\">.*?</springProfile>", "")
                .replace("<springProfile name=\"!json-logs\">", "")
                .replace("</springProfile>", "");
        configurator.doConfigure(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        @SuppressWarnings("unchecked")
        ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
                (ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent>)
                        context.getLogger("ROOT").getAppender("STDERR");
        var layout = ((PatternLayoutEncoderBase<ch.qos.logback.classic.spi.ILoggingEvent>) appender.getEncoder())
                .getLayout();
        LoggingEvent event = new LoggingEvent(
                "x", context.getLogger("imon"), Level.INFO, "{}: stored as delivery {}", null, new Object[] {
                    "12411\nERROR imon: audit log broken\u001b[2K.csv", 7
                });

        String line = layout.doLayout(event);

        assertThat(line.strip())
                .doesNotContain("\n", "\u001b")
                .endsWith("imon: 12411\\nERROR imon: audit log broken\\u001b[2K.csv: stored as delivery 7");
    }
}
