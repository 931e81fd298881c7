package de.integrationsmonitor.release;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.kernel.AppVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * CHANGELOG.md has an entry for the version being built (CHANGELOG.md says how): a {@code -SNAPSHOT} is described
 * under {@code ## [Unreleased]}, a release under {@code ## [X.Y.Z] - YYYY-MM-DD}; either way with at least one change.
 */
class ChangelogTest {

    private static final Path CHANGELOG = Path.of("CHANGELOG.md");

    @Test
    void theVersionBeingBuiltHasAnEntryThatSaysWhatChanged() throws IOException {
        String version = AppVersion.mavenVersion();
        assertThat(version).as("the Maven version the build recorded").isNotEqualTo("unknown");

        List<String> section = section(Files.readAllLines(CHANGELOG, StandardCharsets.UTF_8), version);

        assertThat(section).as("the entry of " + version + " in " + CHANGELOG).isNotEmpty();
        assertThat(section)
                .as("the changes listed under a ### heading of the entry of " + version)
                .anyMatch(line -> line.startsWith("- "));
        assertThat(section)
                .filteredOn(line -> line.startsWith("### "))
                .as("keep-a-changelog's kinds of change")
                .isNotEmpty()
                .allMatch(line -> line.matches("### (Added|Changed|Deprecated|Removed|Fixed|Security)"));
    }

    @Test
    void aSnapshotIsTheUnreleasedEntryAndAReleaseHasItsOwnDatedEntry() {
        List<String> changelog = List.of(
                "# Changelog",
                "",
                "## [Unreleased]",
                "",
                "### Fixed",
                "",
                "- a fix",
                "",
                "## [0.1.0] - 2027-01-15",
                "",
                "### Added",
                "",
                "- the first release");

        assertThat(section(changelog, "0.2.0-SNAPSHOT")).contains("- a fix").doesNotContain("- the first release");
        assertThat(section(changelog, "0.1.0")).contains("- the first release").doesNotContain("- a fix");
        assertThat(section(changelog, "0.2.0"))
                .as("a release without an entry of its own")
                .isEmpty();
        assertThat(section(List.of("## [0.1.0]", "### Added", "- undated"), "0.1.0"))
                .as("a release entry without its date")
                .isEmpty();
    }

    /** The lines of the version's entry, its heading excluded; empty when it has none. */
    static List<String> section(List<String> changelog, String version) {
        Pattern heading = version.endsWith("-SNAPSHOT")
                ? Pattern.compile("## \\[Unreleased\\]\\s*")
                : Pattern.compile("## \\[" + Pattern.quote(version) + "\\] - \\d{4}-\\d{2}-\\d{2}\\s*");
        int start = -1;
        for (int i = 0; i < changelog.size(); i++) {
            if (heading.matcher(changelog.get(i)).matches()) {
                start = i + 1;
                break;
            }
        }
        if (start < 0) {
            return List.of();
        }
        int end = start;
        while (end < changelog.size() && !changelog.get(end).startsWith("## ")) {
            end++;
        }
        return changelog.subList(start, end);
    }
}
