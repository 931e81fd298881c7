package de.integrationsmonitor.report.edition;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report edition as declared in {@code jobs/*.yml}: title, report year and the period it covers, which Kreise,
 * which indicators by Handlungsfeld, the Gebietsstand to show, the templates and the output file names.
 *
 * @param handlungsfelder indicator ids per Handlungsfeld, in the order the report shows them
 * @param gebietsstand    the date whose Kreise the report shows; earlier years are rebuilt through the crosswalk
 * @param kreisTemplate   file name of the Kreis report's master template in the template folder
 * @param kreisOutput     file name pattern below {@code output/} with {@code {ags}} (and optionally {@code {edition}})
 * @param landOutput      file name pattern below {@code output/} with {@code {land}} (and optionally {@code {edition}})
 * @param texts           the folder of the authors' texts ({@code einleitung.md}, {@code <AGS>.md}), beside the
 *                        edition file; it need not exist
 * @param maps            the indicators whose Kreis reports show a map of the Land beside the chart
 */
public record Edition(
        Path file,
        String id,
        String title,
        int reportYear,
        int periodYears,
        KreisSelection kreise,
        Map<String, List<String>> handlungsfelder,
        LocalDate gebietsstand,
        String kreisTemplate,
        String landTemplate,
        String kreisOutput,
        String landOutput,
        Path texts,
        List<String> maps) {

    public Edition {
        handlungsfelder = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(handlungsfelder));
        maps = List.copyOf(maps);
    }

    public int periodFrom() {
        return reportYear - periodYears + 1;
    }

    /** All indicator ids of the edition, in report order. */
    public List<String> indicators() {
        return handlungsfelder.values().stream().flatMap(List::stream).toList();
    }

    public String kreisFileName(String ags) {
        return kreisOutput.replace("{edition}", id).replace("{ags}", ags);
    }

    public String landFileName(String land) {
        return landOutput.replace("{edition}", id).replace("{land}", land);
    }

    /**
     * The folder below {@code output/} that holds the edition's reports and manifest and is published as a whole:
     * the first segment of the {@code output} patterns, which both patterns must share.
     *
     * @throws EditionException when the patterns name no folder of their own first, or two different ones
     */
    public String publicationFolder() {
        String kreis = kreisFileName("{ags}");
        int slash = kreis.indexOf('/');
        if (slash <= 0) {
            throw new EditionException(file + ": output.kreis is '" + kreisOutput + "'; it must start with the"
                    + " edition's own folder, e.g. {edition}/{ags}.pdf (the folder is published as a whole)");
        }
        String folder = kreis.substring(0, slash);
        if (!landFileName("{land}").startsWith(folder + "/")) {
            throw new EditionException(file + ": output.land is '" + landOutput + "'; it must lie in the same"
                    + " folder as output.kreis ('" + folder + "/'), e.g. {edition}/land-{land}.pdf");
        }
        return folder;
    }

    /** Which Kreise an edition covers. */
    public sealed interface KreisSelection {
        record All() implements KreisSelection {}

        record OfLand(String landCode) implements KreisSelection {}

        record Listed(List<String> ags) implements KreisSelection {}
    }
}
