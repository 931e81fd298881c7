package de.integrationsmonitor.report.publish;

import de.integrationsmonitor.kernel.Sha256;
import de.integrationsmonitor.report.edition.Edition;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The published folder of an edition ({@code output/<edition>/}) and how a run replaces it: every PDF and the
 * manifest are written into a staging folder of the run ({@code output/.staging/<edition>@<run>/}), each through a
 * {@code .part} file renamed when complete; publishing swaps the staging folder in for the published one. So the
 * published folder is always one consistent set, a manifest with exactly the PDFs it lists, also after kill -9 at
 * any point: a run that is killed leaves its staging folder for its restart, and the next run puts back a folder
 * that was swapped out but not yet replaced ({@link #recover}).
 *
 * <p>Names given to this class are relative to the output root, as the edition's patterns make them
 * ({@code integrationsbericht-2015/15001.pdf}); the first segment is the edition's publication folder.
 */
public final class Publication {

    static final String STAGING = ".staging";
    static final String PREVIOUS = ".previous";
    private static final String PART = ".part";
    /** Between the folder's name and the run's key; edition ids cannot contain it. */
    private static final String RUN = "@";

    private final Path outputRoot;
    private final String folderName;

    private Publication(Path outputRoot, String folderName) {
        this.outputRoot = outputRoot;
        this.folderName = folderName;
    }

    public static Publication of(Path outputRoot, Edition edition) {
        return new Publication(outputRoot, edition.publicationFolder());
    }

    /** The published folder, {@code output/<edition>/}. */
    public Path folder() {
        return outputRoot.resolve(folderName);
    }

    public String folderName() {
        return folderName;
    }

    /** The staging folder of one run (a job instance, or any other key that a restart finds again). */
    public Path staging(String run) {
        return outputRoot.resolve(STAGING).resolve(folderName + RUN + run);
    }

    /**
     * Puts right what a killed run left behind: a published folder that was swapped out but not replaced is put
     * back, one that was replaced is deleted; {@code .part} files of unfinished PDFs are removed.
     */
    public void recover() {
        for (Path previous : list(outputRoot.resolve(PREVIOUS), folderName + RUN)) {
            if (Files.isDirectory(folder())) {
                deleteTree(previous);
            } else {
                move(previous, folder());
            }
        }
        for (Path staging : list(outputRoot.resolve(STAGING), folderName + RUN)) {
            try (Stream<Path> files = Files.walk(staging)) {
                for (Path part : files.filter(p -> p.getFileName().toString().endsWith(PART))
                        .toList()) {
                    Files.deleteIfExists(part);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clean up " + staging + ": " + e.getMessage(), e);
            }
        }
    }

    /** Removes staging folders of runs that will not be continued (the edition or its data changed since). */
    public void discardStagingExcept(String run) {
        for (Path staging : list(outputRoot.resolve(STAGING), folderName + RUN)) {
            if (!staging.equals(staging(run))) {
                deleteTree(staging);
            }
        }
    }

    /**
     * Writes one file of a run into its staging folder, through a {@code .part} file renamed when complete, and
     * returns its SHA-256. A failed write leaves nothing behind.
     */
    public String write(String run, String name, Consumer<OutputStream> content) {
        Path file = staging(run).resolve(relative(name));
        Path part = file.resolveSibling(file.getFileName() + PART);
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(part)) {
                content.accept(out);
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Sha256.of(file);
        } catch (IOException e) {
            deleteQuietly(part);
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(part);
            throw e;
        }
    }

    /** Whether a run's staged file is there and still has the hash recorded when it was written. */
    public boolean verified(String run, String name, String sha256) {
        Path file = staging(run).resolve(relative(name));
        return Files.isRegularFile(file) && Sha256.of(file).equals(sha256);
    }

    /** Whether the published folder holds this file with this hash (published by an earlier attempt of the run). */
    public boolean publishedWith(String name, String sha256) {
        Path file = folder().resolve(relative(name));
        return Files.isRegularFile(file) && Sha256.of(file).equals(sha256);
    }

    /**
     * Starts a run's staging folder from the published reports, except the ones the run renders again: a run for
     * one Kreis keeps the others (hard links where the file system allows, copies elsewhere).
     *
     * @return the reports carried over, with their manifest entries
     */
    public Map<String, Manifest.Entry> carryOver(String run, Set<String> renderedAgain) {
        Map<String, Manifest.Entry> carried = new java.util.TreeMap<>();
        published()
                .ifPresent(published -> published.reports().forEach((file, entry) -> {
                    String name = folderName + "/" + file;
                    if (renderedAgain.contains(name)) {
                        return;
                    }
                    Path source = folder().resolve(file);
                    if (!Files.isRegularFile(source)) {
                        return; // gone from the published folder: nothing to carry over
                    }
                    link(source, staging(run).resolve(file));
                    carried.put(file, entry);
                }));
        return carried;
    }

    /**
     * Makes sure a run's staging folder holds each of these files with its hash: a file staged before is kept, one
     * that an earlier publication of the same run already moved into the published folder is linked back (a run
     * restarted after it published part of its reports). Returns the names that are in neither place.
     */
    public List<String> assemble(String run, Map<String, String> sha256ByName) {
        List<String> missing = new ArrayList<>();
        sha256ByName.forEach((name, sha) -> {
            if (verified(run, name, sha)) {
                return;
            }
            if (publishedWith(name, sha)) {
                link(folder().resolve(relative(name)), staging(run).resolve(relative(name)));
            } else {
                missing.add(name);
            }
        });
        return missing;
    }

    private static void link(Path source, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            try {
                Files.createLink(target, source);
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the manifest into the staging folder and swaps the staging folder in for the published one, with exactly
     * the given files (names relative to the publication folder) and the manifest: anything else a run left in its
     * staging folder is removed first, so the manifest lists every file of the folder. The old
     * folder is moved aside, the new one moved in, the old one deleted. Each step is a rename, so a kill leaves
     * either the old or the new folder complete (or, between the two renames, the old one aside, which
     * {@link #recover} puts back).
     */
    public void publish(String run, java.util.Collection<String> files, String manifest) {
        prune(staging(run), files);
        write(run, folderName + "/" + Manifest.FILE_NAME, out -> {
            try {
                out.write(manifest.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Path previous = outputRoot.resolve(PREVIOUS).resolve(folderName + RUN + run);
        try {
            Files.createDirectories(previous.getParent());
            if (Files.isDirectory(folder())) {
                deleteTree(previous);
                move(folder(), previous);
            }
            move(staging(run), folder());
            deleteTree(previous);
            deleteIfEmpty(outputRoot.resolve(PREVIOUS));
            deleteIfEmpty(outputRoot.resolve(STAGING));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + folder() + ": " + e.getMessage(), e);
        }
    }

    /** What the published folder's manifest says, if there is one. */
    public Optional<Manifest.Published> published() {
        Path manifest = folder().resolve(Manifest.FILE_NAME);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        try {
            return Manifest.parse(Files.readString(manifest, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the published folder already holds these reports from these inputs: its manifest names the same
     * inputs' hash, lists every one of the files with no failures, and every file it lists (also the web pages and
     * data files) still has its recorded hash.
     */
    public boolean upToDate(String inputsSha256, Collection<String> names) {
        Optional<Manifest.Published> published = published();
        if (published.isEmpty()
                || !published.get().inputsSha256().equals(inputsSha256)
                || !published.get().failed().isEmpty()) {
            return false;
        }
        for (String name : names) {
            Manifest.Entry entry = published.get().reports().get(relative(name));
            Path file = folder().resolve(relative(name));
            if (entry == null || !Files.isRegularFile(file) || !Sha256.of(file).equals(entry.sha256())) {
                return false;
            }
        }
        // and every other file the manifest lists (the web pages and data files) is still there as published
        for (Map.Entry<String, Manifest.Entry> listed :
                published.get().reports().entrySet()) {
            Path file = folder().resolve(listed.getKey());
            if (!Files.isRegularFile(file)
                    || !Sha256.of(file).equals(listed.getValue().sha256())) {
                return false;
            }
        }
        return true;
    }

    /** A name relative to the output root, relative to the publication folder instead. */
    public String relative(String name) {
        String prefix = folderName + "/";
        if (!name.startsWith(prefix)) {
            throw new IllegalArgumentException(name + " does not lie in the edition's folder " + folderName);
        }
        return name.substring(prefix.length());
    }

    private static List<Path> list(Path folder, String prefix) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(prefix)) {
                    found.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        return found;
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root + ": " + e.getMessage(), e);
        }
    }

    private static void prune(Path staging, java.util.Collection<String> keep) {
        Set<Path> kept = new java.util.HashSet<>();
        keep.forEach(name -> kept.add(staging.resolve(name).normalize()));
        if (!Files.isDirectory(staging)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(staging)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (p.equals(staging) || kept.contains(p.normalize())) {
                    continue;
                }
                if (Files.isDirectory(p) && kept.stream().anyMatch(k -> k.startsWith(p))) {
                    continue;
                }
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + staging + ": " + e.getMessage(), e);
        }
    }

    private static void deleteIfEmpty(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            if (entries.findAny().isEmpty()) {
                Files.deleteIfExists(folder);
            }
        } catch (IOException e) {
            // a folder another run is using, or gone already: left as it is
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the .part file is removed by the next run's recovery
        }
    }
}
