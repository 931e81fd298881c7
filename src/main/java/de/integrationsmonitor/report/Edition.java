package de.integrationsmonitor.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A report edition as declared in {@code jobs/*.yml}: which Kreise, which indicators, which reference year,
 * which template, and where the PDFs go.
 *
 * @param referenceYear the year whose values the report shows; empty means the latest year with values
 * @param kreise        {@code all}, a Land code, or a list of AGS
 * @param output        file name pattern below {@code output/}, with {@code {edition}} and {@code {ags}}
 */
public record Edition(Path file, String id, String title, Optional<Integer> referenceYear, KreisSelection kreise,
                      List<String> indicators, String template, String output) {

    public String outputFileName(String ags) {
        return output.replace("{edition}", id).replace("{ags}", ags);
    }

    /** Which Kreise an edition covers. */
    public sealed interface KreisSelection {
        record All() implements KreisSelection {
        }

        record OfLand(String landCode) implements KreisSelection {
        }

        record Listed(List<String> ags) implements KreisSelection {
        }
    }
}
