package de.integrationsmonitor.audit.trust;

import de.integrationsmonitor.kernel.AppVersion;
import de.integrationsmonitor.kernel.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Which template files may be compiled when a report version is re-rendered from the archive. Templates are code
 * (JasperReports evaluates their expressions as Java), and the archive lives in the database, which more people can
 * write than the template folder. So an archived template is compiled only when its SHA-256 is one of: a file of the
 * templates this application version ships (copied into the jar by the build, {@value #SHIPPED}), a file of the
 * project's {@code templates/} folder now (what the operator renders with anyway), or a line of the approvals file
 * ({@code jobs/audit/freigegebene-vorlagen.sha256}, in the form {@code sha256sum} writes).
 */
public final class TemplateTrust {

    /** Where the build puts the shipped {@code templates/} inside the jar. */
    public static final String SHIPPED = "imon-shipped-templates";
    /** The approvals file, relative to {@code jobs/}. */
    public static final String APPROVALS = "audit/freigegebene-vorlagen.sha256";

    private static final Pattern APPROVAL = Pattern.compile("^([0-9a-fA-F]{64})\\b");
    private static volatile Set<String> shipped;

    private final Path templates;
    private final Path approvals;

    public TemplateTrust(Path templates, Path jobs) {
        this.templates = templates;
        this.approvals = jobs.resolve(APPROVALS);
    }

    /**
     * Why a template of this SHA-256 must not be compiled, or empty when it may: shipped, in the template folder or
     * approved.
     */
    public Optional<String> refusal(String sha256) {
        String sha = sha256.toLowerCase(java.util.Locale.ROOT);
        if (shipped().contains(sha) || folder().contains(sha) || approved().contains(sha)) {
            return Optional.empty();
        }
        return Optional.of("is neither shipped with application " + AppVersion.current() + " nor in " + templates
                + " nor approved in " + approvals);
    }

    /** The SHA-256 of every file the application ships in its {@code templates/}. */
    public static Set<String> shipped() {
        Set<String> known = shipped;
        if (known == null) {
            Set<String> hashes = new TreeSet<>();
            try {
                for (Resource r : new PathMatchingResourcePatternResolver(TemplateTrust.class.getClassLoader())
                        .getResources("classpath*:" + SHIPPED + "/**")) {
                    if (r.isReadable()) {
                        try (InputStream in = r.getInputStream()) {
                            hashes.add(Sha256.of(in.readAllBytes()));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the templates the application ships: " + e.getMessage(), e);
            }
            known = Set.copyOf(hashes);
            shipped = known;
        }
        return known;
    }

    private Set<String> folder() {
        Set<String> hashes = new TreeSet<>();
        if (Files.isDirectory(templates)) {
            try (Stream<Path> files = Files.walk(templates)) {
                files.filter(Files::isRegularFile).forEach(f -> hashes.add(Sha256.of(f)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + templates + ": " + e.getMessage(), e);
            }
        }
        return hashes;
    }

    private Set<String> approved() {
        Set<String> hashes = new TreeSet<>();
        if (Files.isRegularFile(approvals)) {
            try {
                for (String line : Files.readAllLines(approvals, StandardCharsets.UTF_8)) {
                    Matcher m = APPROVAL.matcher(line.strip());
                    if (m.find()) {
                        hashes.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + approvals + ": " + e.getMessage(), e);
            }
        }
        return hashes;
    }
}
