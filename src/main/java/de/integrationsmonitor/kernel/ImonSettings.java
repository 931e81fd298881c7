package de.integrationsmonitor.kernel;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where things are: the project (jobs, templates, input) and IMON_HOME (the embedded database and output), so
 * that separate runs stay apart.
 *
 * @param project the project root, set by {@code bin/imon}
 * @param home    IMON_HOME; defaults to the project root
 */
@ConfigurationProperties(prefix = "imon")
public record ImonSettings(Path project, Path home) {

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

    public Path input() {
        return project.resolve("input");
    }

    public Path output() {
        return home.resolve("output");
    }
}
