package de.integrationsmonitor.report.edition;

import de.integrationsmonitor.kernel.Sha256;
import java.util.Objects;

/**
 * One file a report version rests on, as read when the edition was prepared: its role ({@code edition},
 * {@code text}, {@code goals}, {@code measures}, {@code catalogue}, {@code rules}, {@code register}, {@code template}), its name (relative to the
 * folder of its role: the edition's folder for the edition file and texts, {@code templates/}, {@code jobs/register/})
 * and its bytes, so that a re-render can put the same project tree back together years later.
 */
public record ReportInput(String role, String name, String sha256, byte[] content) {

    public static final String EDITION = "edition";
    public static final String TEXT = "text";
    /** The edition's goals ({@code <edition id>/ziele.csv}) and measures ({@code <edition id>/massnahmen.yml}). */
    public static final String GOALS = "goals";

    public static final String MEASURES = "measures";
    public static final String CATALOGUE = "catalogue";
    public static final String RULES = "rules";
    public static final String REGISTER = "register";
    /** The source descriptions of own data ({@code jobs/datenquellen/*.yml}): the reports cite their providers. */
    public static final String SOURCES = "sources";

    public static final String TEMPLATE = "template";

    public ReportInput {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(content, "content");
    }

    public static ReportInput of(String role, String name, byte[] content) {
        return new ReportInput(role, name, Sha256.of(content), content);
    }
}
