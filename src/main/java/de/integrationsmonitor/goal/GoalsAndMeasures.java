package de.integrationsmonitor.goal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An edition's goals ({@value GoalsFile#FILE}) and measures ({@value MeasuresFile#FILE}), read from the edition's
 * folder (the folder that holds its texts folder, e.g. {@code jobs/<edition>/}); either file may be missing. Keeps
 * the bytes read, so that a report version archives what it rests on.
 */
public final class GoalsAndMeasures {

    private final List<Goal> goals;
    private final List<Measure> measures;
    private final Map<String, byte[]> files;

    private GoalsAndMeasures(List<Goal> goals, List<Measure> measures, Map<String, byte[]> files) {
        this.goals = List.copyOf(goals);
        this.measures = List.copyOf(measures);
        this.files = java.util.Collections.unmodifiableMap(files);
    }

    public static GoalsAndMeasures none() {
        return new GoalsAndMeasures(List.of(), List.of(), Map.of());
    }

    /** Reads and checks both files of the folder; a file that does not exist means none. */
    public static GoalsAndMeasures load(Path folder, Scope scope) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<Goal> goals = List.of();
        List<Measure> measures = List.of();
        Path goalsFile = folder.resolve(GoalsFile.FILE);
        if (Files.isRegularFile(goalsFile)) {
            byte[] bytes = read(goalsFile);
            files.put(GoalsFile.FILE, bytes);
            goals = GoalsFile.read(goalsFile, bytes, scope);
        }
        Path measuresFile = folder.resolve(MeasuresFile.FILE);
        if (Files.isRegularFile(measuresFile)) {
            byte[] bytes = read(measuresFile);
            files.put(MeasuresFile.FILE, bytes);
            String text;
            try {
                text = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes))
                        .toString()
                        .replace("\uFEFF", "");
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new GoalException(measuresFile + ": not UTF-8; save the file as UTF-8");
            }
            measures = MeasuresFile.read(measuresFile, text, scope);
        }
        return new GoalsAndMeasures(goals, measures, files);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new GoalException(file + ": cannot be read: " + e.getMessage());
        }
    }

    public List<Goal> goals() {
        return goals;
    }

    public List<Measure> measures() {
        return measures;
    }

    /** The files read, by name ({@value GoalsFile#FILE}, {@value MeasuresFile#FILE}), with their bytes. */
    public Map<String, byte[]> files() {
        return files;
    }

    /**
     * The goal of an indicator for a Kreis: the Kreis's own goal before one set for all Kreise.
     */
    public Optional<Goal> goalFor(String indicatorId, String ags) {
        Optional<Goal> own = goals.stream()
                .filter(g -> g.indicatorId().equals(indicatorId))
                .filter(g -> g.ags().map(ags::equals).orElse(false))
                .findFirst();
        return own.isPresent()
                ? own
                : goals.stream()
                        .filter(g -> g.indicatorId().equals(indicatorId))
                        .filter(g -> g.ags().isEmpty())
                        .findFirst();
    }

    /** The measures of a Handlungsfeld that belong to a Kreis, in the file's order. */
    public List<Measure> measuresOf(String handlungsfeld, String ags) {
        return measures.stream()
                .filter(m -> m.handlungsfeld().equals(handlungsfeld))
                .filter(m -> m.appliesTo(ags))
                .toList();
    }

    /**
     * Writes the missing files as commented stubs (the header of the goals table, an example measure as a comment).
     *
     * @return the files written
     */
    public static List<Path> createStubs(
            Path folder,
            String editionTitle,
            List<String> handlungsfelder,
            List<String> indicators,
            String exampleKreis)
            throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        Path goals = folder.resolve(GoalsFile.FILE);
        if (!Files.exists(goals)) {
            Files.writeString(goals, GoalsFile.stub(editionTitle, indicators, exampleKreis), StandardCharsets.UTF_8);
            written.add(goals);
        }
        Path measures = folder.resolve(MeasuresFile.FILE);
        if (!Files.exists(measures)) {
            Files.writeString(
                    measures, MeasuresFile.stub(editionTitle, handlungsfelder, indicators), StandardCharsets.UTF_8);
            written.add(measures);
        }
        return written;
    }
}
