package de.integrationsmonitor.report.web;

import de.integrationsmonitor.report.pdf.MapMaker;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/**
 * The reports' wording ({@code templates/berichte.properties}) as the web pages use it: the same file and keys the
 * PDFs' templates read as {@code $R{key}}, so that a heading is worded once for both.
 */
public final class Wording implements MapMaker.Wording {

    /** The bundle's name in the template folder, as the PDF renderers read it. */
    public static final String FILE = "berichte.properties";

    private final Path file;
    private final ResourceBundle bundle;

    private Wording(Path file, ResourceBundle bundle) {
        this.file = file;
        this.bundle = bundle;
    }

    public static Wording of(Path templates) {
        Path file = templates.resolve(FILE);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Wording(file, new PropertyResourceBundle(reader));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the wording " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String text(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException(file + ": the wording has no entry '" + key + "'", e);
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.GERMANY).format(arguments);
    }

    /** Short form for the templates: {@code t.x("kreis.chapter.glance")}. */
    public String x(String key, Object... arguments) {
        return text(key, arguments);
    }
}
