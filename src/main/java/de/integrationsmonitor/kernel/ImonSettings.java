package de.integrationsmonitor.kernel;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Where things are: the project (jobs, templates) and IMON_HOME (the embedded database, the inbox and output), so
 * that separate runs stay apart.
 *
 * @param project the project root, set by {@code bin/imon}
 * @param home    IMON_HOME; defaults to the project root
 * @param inbox   the folder of delivered files: {@code IMON_INBOX}, else {@code input/} of the home (so two homes never
 *                share one inbox)
 */
@ConfigurationProperties(prefix = "imon")
public record ImonSettings(Path project, Path home, Path inbox) {

    @ConstructorBinding
    public ImonSettings {
        if (inbox == null && home != null) {
            inbox = home.resolve("input");
        }
    }

    /** The inbox of the home, {@code HOME/input}. */
    public ImonSettings(Path project, Path home) {
        this(project, home, null);
    }

    public Path jobs() {
        return project.resolve("jobs");
    }

    public Path catalogue() {
        return jobs().resolve("catalogue").resolve("indikatoren.yml");
    }

    /** The Kreis register: kreise.csv, laender.csv and kreis-nachfolge.csv. */
    public Path register() {
        return jobs().resolve("register");
    }

    public Path rules() {
        return jobs().resolve("catalogue").resolve("pruefregeln.yml");
    }

    public Path templates() {
        return project.resolve("templates");
    }

    /** The inbox: where {@code fetch} puts downloads and {@code run} and {@code nightly} take deliveries from. */
    public Path input() {
        return inbox;
    }

    public Path output() {
        return home.resolve("output");
    }
}
