package de.integrationsmonitor.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The application that renders a report: the Maven version and the git commit the jar was built from
 * ({@code imon-git.properties}, written by the build), e.g. {@code 0.1.0-SNAPSHOT+ba127e9}. A build outside a git
 * checkout names the commit "unknown". Part of every report version: the same inputs rendered by another
 * application version are another version, and a re-render says so.
 */
public final class AppVersion {

    private static final Properties GIT = git();
    private static final String CURRENT = read();

    private AppVersion() {}

    public static String current() {
        return CURRENT;
    }

    /** The Maven version the jar was built as, e.g. {@code 0.1.0-SNAPSHOT}; "unknown" without build information. */
    public static String mavenVersion() {
        return GIT.getProperty("git.build.version", "unknown");
    }

    /** The full git commit the jar was built from, with "-dirty" when the checkout had changes; or "unknown". */
    public static String commit() {
        // git.commit.id in the plugin's default ("flat") mode, git.commit.id.full in its "full" mode
        String commit = GIT.getProperty("git.commit.id", GIT.getProperty("git.commit.id.full", ""));
        return commit.isBlank() ? "unknown" : commit + ("true".equals(GIT.getProperty("git.dirty")) ? "-dirty" : "");
    }

    /** What {@code imon --version} prints: the product, its Maven version and the commit. */
    public static String[] versionLines() {
        return new String[] {
            "Integrationsmonitor " + mavenVersion(),
            "commit " + commit(),
            "application version in report versions: " + current()
        };
    }

    private static String read() {
        Properties git = GIT;
        String version = git.getProperty("git.build.version", "unknown");
        String commit = git.getProperty("git.commit.id.abbrev", "").isBlank()
                ? "unknown"
                : git.getProperty("git.commit.id.abbrev");
        String dirty = "true".equals(git.getProperty("git.dirty")) ? "-dirty" : "";
        return version + "+" + commit + dirty;
    }

    private static Properties git() {
        Properties git = new Properties();
        try (InputStream in = AppVersion.class.getResourceAsStream("/imon-git.properties")) {
            if (in != null) {
                git.load(in);
            }
        } catch (IOException e) {
            // no build information: named "unknown"
        }
        return git;
    }
}
