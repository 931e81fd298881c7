package de.integrationsmonitor.report.edition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Keeps every file an edition names inside the folder it belongs to: templates in the template folder (templates
 * are code: their expressions are Java), reports below {@code IMON_HOME/output/}, author texts beside the edition.
 * A name that is absolute, has a {@code ..} segment, or leaves its folder after normalisation or through a
 * symbolic link is refused with the field it came from.
 */
public final class Confinement {

    private Confinement() {}

    /**
     * Checks the spelling of a relative path an edition field holds, before any folder is known: not absolute, no
     * {@code ..}, no backslash, not empty.
     */
    static void checkRelative(Path edition, String field, String value, String expected) {
        String problem = value.isBlank()
                ? "is empty"
                : value.startsWith("/")
                                || value.startsWith("\\")
                                || Path.of(value).isAbsolute()
                                || value.matches("^[A-Za-z]:.*")
                        ? "is an absolute path"
                        : value.contains("\\")
                                ? "contains a backslash"
                                : java.util.Arrays.asList(value.split("/")).contains("..")
                                        ? "leaves its folder ('..')"
                                        : null;
        if (problem != null) {
            throw new EditionException(
                    edition + ": " + field + " '" + value + "' " + problem + "; expected " + expected);
        }
    }

    /**
     * Resolves {@code relative} below {@code folder} and makes sure it stays there, also when a part of the path that
     * exists already is a symbolic link pointing elsewhere.
     */
    public static Path within(Path folder, String relative, Path edition, String field) {
        Path base = folder.toAbsolutePath().normalize();
        Path resolved = base.resolve(relative).normalize();
        if (!resolved.startsWith(base) || resolved.equals(base)) {
            throw new EditionException(edition + ": " + field + " '" + relative + "' leaves " + base);
        }
        Path realBase = real(base);
        Path existing = resolved;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing != null && existing.startsWith(base) && !real(existing).startsWith(realBase)) {
            throw new EditionException(
                    edition + ": " + field + " '" + relative + "' leads through a symbolic" + " link out of " + base);
        }
        return resolved;
    }

    /**
     * A template an edition names: a plain {@code *.jrxml} file name in the template folder, which must be a
     * JasperReports template.
     */
    public static Path template(Path folder, String name, Path edition, String field) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*\\.jrxml")) {
            throw new EditionException(edition + ": " + field + " '" + name + "' is not a template of the template"
                    + " folder; expected the file name of a *.jrxml file in "
                    + folder.toAbsolutePath().normalize()
                    + " (no folders, no absolute path)");
        }
        Path template = within(folder, name, edition, field);
        if (!Files.isRegularFile(template)) {
            throw new EditionException(edition + ": " + field + " '" + name + "': no such template in "
                    + folder.toAbsolutePath().normalize());
        }
        byte[] head;
        try (var in = Files.newInputStream(template)) {
            head = in.readNBytes(4096);
        } catch (IOException e) {
            throw new EditionException(edition + ": " + field + " '" + name + "' cannot be read: " + e.getMessage());
        }
        if (!looksLikeJrxml(head)) {
            throw new EditionException(edition + ": " + field + " '" + name + "' is not a JasperReports template"
                    + " (expected XML whose root element is <jasperReport>)");
        }
        return template;
    }

    /** True if the bytes start like a JRXML file: optional BOM, XML declaration and comments, then {@code <jasperReport}. */
    public static boolean looksLikeJrxml(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 8192), StandardCharsets.UTF_8);
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (text.startsWith("<?", i)) {
                int end = text.indexOf("?>", i);
                if (end < 0) {
                    return false;
                }
                i = end + 2;
            } else if (text.startsWith("<!--", i)) {
                int end = text.indexOf("-->", i);
                if (end < 0) {
                    return false;
                }
                i = end + 3;
            } else {
                return text.startsWith("<jasperReport", i);
            }
        }
        return false;
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }
}
