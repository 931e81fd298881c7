package de.integrationsmonitor.report.pdf;

import java.nio.file.Path;

/**
 * A report template that cannot be compiled, filled or exported. The message names the template file,
 * the stage that failed and JasperReports' own explanation, so a report author can fix the JRXML.
 */
public class ReportTemplateException extends RuntimeException {

    /** Where in the life of a report the template failed. */
    public enum Stage {
        READ("could not be read"),
        COMPILE("could not be compiled"),
        FILL("could not be filled"),
        EXPORT("could not be exported to PDF");

        private final String phrase;

        Stage(String phrase) {
            this.phrase = phrase;
        }
    }

    private final Path template;
    private final Stage stage;

    public ReportTemplateException(Path template, Stage stage, String detail, Throwable cause) {
        super("Report template " + template + " " + stage.phrase + ": " + detail, cause);
        this.template = template;
        this.stage = stage;
    }

    public Path template() {
        return template;
    }

    public Stage stage() {
        return stage;
    }

    /** JasperReports' message, and the messages of its causes when it only wraps them. */
    public static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null || message.isBlank() || text.indexOf(message) >= 0) {
                continue;
            }
            if (text.length() > 0) {
                text.append(" <- ");
            }
            text.append(message.strip());
            if (t.getCause() == t) {
                break;
            }
        }
        return text.length() > 0 ? text.toString() : error.getClass().getName();
    }
}
