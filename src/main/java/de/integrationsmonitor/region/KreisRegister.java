package de.integrationsmonitor.region;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The immutable register of every Kreis code that existed since 1995-01-01, the Länder, and the crosswalk from
 * dissolved Kreise to their successors; it answers which Kreise existed on a given day (the Gebietsstand).
 *
 * <p>The register is data that the statistics departments maintain: three UTF-8, {@code ;}-separated files in
 * {@code jobs/register/} ({@value #KREISE_FILE}, {@value #LAENDER_FILE}, {@value #NACHFOLGE_FILE}; lines starting
 * with {@code #} are comments). A Kreis whose territory changes while it keeps its code (the Main-Kinzig-Kreis when
 * Hanau left it on 1.1.2026) has one line per territory, a <em>version</em>, and the crosswalk leads from the old
 * version to the new one with the share that stayed. The files are checked when they are read: a register that
 * silently lost a Kreis or counted an area twice would shift every count and rank computed from it, so a wrong
 * line refuses the whole register with the file, the line and what was expected.
 */
public final class KreisRegister {

    public static final String KREISE_FILE = "kreise.csv";
    public static final String LAENDER_FILE = "laender.csv";
    public static final String NACHFOLGE_FILE = "kreis-nachfolge.csv";

    /** The first day the register describes: a Kreis valid from this day may have existed long before. */
    public static final LocalDate FIRST_DAY = LocalDate.of(1995, 1, 1);

    /**
     * The longest name of a Kreis or Land: a report version records the territory ("Kreis 15001 " and the name) in
     * at most 300 characters, and the longest real name has fewer than 60.
     */
    static final int NAME_LIMIT = 200;

    private static final String KREISE_HEADER = "ags;name;land;kind;valid_from;valid_to";
    private static final String LAENDER_HEADER = "land;name";
    private static final String NACHFOLGE_HEADER = "old_ags;new_ags;effective;share;note";

    /**
     * Classic (Werteabruf) CSVs list the city states only at Land level; at Kreis level they are these codes.
     * LinkedHashMap keeps a fixed order so the reverse lookup below is deterministic.
     */
    private static final Map<String, String> CITY_STATE_KREIS;

    static {
        Map<String, String> cityStates = new LinkedHashMap<>();
        cityStates.put("02", "02000");
        cityStates.put("11", "11000");
        CITY_STATE_KREIS = Collections.unmodifiableMap(cityStates);
    }

    private final Map<String, List<Kreis>> versionsByAgs;
    private final List<Kreis> kreise;
    private final Map<String, Land> laenderByCode;
    private final List<Land> laender;
    private final Map<String, List<KreisSuccession>> successorsByOld;
    private final Map<String, List<KreisSuccession>> predecessorsByNew;
    private final String version;

    private KreisRegister(
            Map<String, List<Kreis>> versionsByAgs,
            Map<String, Land> laenderByCode,
            List<KreisSuccession> successions,
            String version) {
        Map<String, List<Kreis>> versions = new TreeMap<>();
        versionsByAgs.forEach((ags, list) -> versions.put(
                ags,
                list.stream().sorted(Comparator.comparing(Kreis::validFrom)).toList()));
        this.versionsByAgs = Collections.unmodifiableMap(versions);
        this.kreise = versions.values().stream().flatMap(List::stream).toList();
        this.laenderByCode = Collections.unmodifiableMap(new TreeMap<>(laenderByCode));
        this.laender = List.copyOf(this.laenderByCode.values());
        Map<String, List<KreisSuccession>> byOld = new TreeMap<>();
        Map<String, List<KreisSuccession>> byNew = new TreeMap<>();
        for (KreisSuccession s : successions) {
            byOld.computeIfAbsent(s.oldAgs(), k -> new ArrayList<>()).add(s);
            byNew.computeIfAbsent(s.newAgs(), k -> new ArrayList<>()).add(s);
        }
        this.successorsByOld =
                freeze(byOld, Comparator.comparing(KreisSuccession::effective).thenComparing(KreisSuccession::newAgs));
        this.predecessorsByNew =
                freeze(byNew, Comparator.comparing(KreisSuccession::effective).thenComparing(KreisSuccession::oldAgs));
        this.version = version;
    }

    private static Map<String, List<KreisSuccession>> freeze(
            Map<String, List<KreisSuccession>> map, Comparator<KreisSuccession> order) {
        Map<String, List<KreisSuccession>> frozen = new TreeMap<>();
        map.forEach((k, v) -> frozen.put(k, v.stream().sorted(order).toList()));
        return Collections.unmodifiableMap(frozen);
    }

    // ------------------------------------------------------------------ loading

    /**
     * Reads and checks the register files of a folder ({@code jobs/register}).
     *
     * @throws RegisterException naming file, line and expectation when a file is missing, a line is malformed or
     *                           the files contradict each other
     */
    public static KreisRegister load(Path directory) {
        return parse(
                directory.toString(),
                read(directory, KREISE_FILE),
                read(directory, LAENDER_FILE),
                read(directory, NACHFOLGE_FILE));
    }

    /** Holder idiom: the shipped register is read once, on first use, without locking afterwards. */
    private static final class DefaultHolder {
        private static final KreisRegister INSTANCE = load(Path.of("jobs", "register"));
    }

    /**
     * The register shipped in {@code jobs/register} of the working directory (the project root when Maven or
     * {@code bin/imon} run), read once and shared; for tests and tools. The application reads the folder its
     * settings name.
     */
    public static KreisRegister loadDefault() {
        return DefaultHolder.INSTANCE;
    }

    private static byte[] read(Path directory, String file) {
        try {
            return Files.readAllBytes(directory.resolve(file));
        } catch (NoSuchFileException e) {
            throw new RegisterException(directory.resolve(file) + ": the Kreis register file is missing; expected "
                    + KREISE_FILE + ", " + LAENDER_FILE + " and " + NACHFOLGE_FILE + " in " + directory);
        } catch (IOException e) {
            throw new RegisterException(
                    "cannot read the Kreis register file " + directory.resolve(file) + ": " + e.getMessage());
        }
    }

    /** Builds a register from the bytes of the three files, named without a folder in messages. */
    public static KreisRegister parse(byte[] kreiseCsv, byte[] laenderCsv, byte[] nachfolgeCsv) {
        return parse("", kreiseCsv, laenderCsv, nachfolgeCsv);
    }

    /**
     * Builds a register from the bytes of the three files (UTF-8); public so that a test or a tool can check an
     * edited register before it is used.
     *
     * @param directory where the files are, for messages ({@code jobs/register}); may be empty
     * @throws RegisterException naming file, line and expectation
     */
    public static KreisRegister parse(String directory, byte[] kreiseCsv, byte[] laenderCsv, byte[] nachfolgeCsv) {
        Objects.requireNonNull(kreiseCsv, KREISE_FILE);
        Objects.requireNonNull(laenderCsv, LAENDER_FILE);
        Objects.requireNonNull(nachfolgeCsv, NACHFOLGE_FILE);
        String dir = directory.isEmpty() || directory.endsWith("/") ? directory : directory + "/";
        Map<String, Land> laender = parseLaender(lines(dir + LAENDER_FILE, laenderCsv, LAENDER_HEADER));
        Map<Kreis, Line> kreisLines = new LinkedHashMap<>();
        Map<String, List<Kreis>> kreise =
                parseKreise(lines(dir + KREISE_FILE, kreiseCsv, KREISE_HEADER), laender, kreisLines, dir);
        Map<KreisSuccession, Line> successionLines = new LinkedHashMap<>();
        List<KreisSuccession> successions = parseNachfolge(
                lines(dir + NACHFOLGE_FILE, nachfolgeCsv, NACHFOLGE_HEADER), kreise, kreisLines, successionLines, dir);
        checkEveryEndHasSuccessors(kreisLines, successions, dir);
        checkShares(successions, successionLines);
        return new KreisRegister(kreise, laender, successions, sha256Hex(kreiseCsv, laenderCsv, nachfolgeCsv));
    }

    /** A data line with its 1-based line number in the file, so that errors can point at it. */
    private record Line(String file, int number, String text) {

        RegisterException error(String message) {
            return new RegisterException(file + " line " + number + ": " + message + " (line was: '" + text + "')");
        }

        String[] fields(int expected, String header) {
            return fields(expected, header, false);
        }

        /** With {@code freeTextLast}, the last column (a note) may contain ';' itself. */
        String[] fields(int expected, String header, boolean freeTextLast) {
            String[] fields = text.split(";", freeTextLast ? expected : -1);
            if (fields.length != expected) {
                throw error(
                        "expected " + expected + " fields separated by ';' (" + header + "), found " + fields.length);
            }
            return fields;
        }
    }

    /** The data lines of a file: comment lines ({@code #}) and blank lines before the header are skipped. */
    private static List<Line> lines(String file, byte[] bytes, String header) {
        String text;
        try {
            // Strict decoding: a file saved as ISO-8859-1 by an editor must fail here, not turn "ß" into garbage.
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RegisterException(file + ": expected UTF-8 text, found bytes that are not UTF-8 (was the file"
                    + " saved as ISO-8859-1 or Windows-1252?)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] raw = text.split("\n", -1);
        List<Line> result = new ArrayList<>();
        boolean headerSeen = false;
        for (int i = 0; i < raw.length; i++) {
            String content = stripCr(raw[i]);
            if (content.startsWith("#") || (content.isBlank() && (!headerSeen || restIsBlank(raw, i)))) {
                continue; // comments, and blank lines around them or at the end of the file, are harmless
            }
            if (!headerSeen) {
                if (!content.equals(header)) {
                    throw new RegisterException(file + " line " + (i + 1) + ": expected the header '" + header
                            + "', found '" + content + "'");
                }
                headerSeen = true;
                continue;
            }
            Line line = new Line(file, i + 1, content);
            if (content.isBlank()) {
                throw line.error("expected a data line, found an empty line");
            }
            result.add(line);
        }
        if (!headerSeen) {
            throw new RegisterException(file + " line 1: expected the header '" + header + "', the file has none");
        }
        return result;
    }

    private static boolean restIsBlank(String[] raw, int from) {
        for (int i = from; i < raw.length; i++) {
            if (!stripCr(raw[i]).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static Map<String, Land> parseLaender(List<Line> lines) {
        Map<String, Land> laender = new TreeMap<>();
        for (Line line : lines) {
            String[] f = line.fields(2, LAENDER_HEADER);
            String code = f[0];
            if (!code.matches("\\d{2}")) {
                throw line.error("expected a two-digit Land code in column 'land', found '" + code + "'");
            }
            if (f[1].isBlank()) {
                throw line.error("expected a name in column 'name'");
            }
            if (f[1].length() > NAME_LIMIT) {
                throw line.error("the name in column 'name' has " + f[1].length() + " characters; at most " + NAME_LIMIT
                        + " are allowed");
            }
            if (laender.put(code, new Land(code, f[1])) != null) {
                throw line.error("Land " + code + " is listed twice");
            }
        }
        return laender;
    }

    private static Map<String, List<Kreis>> parseKreise(
            List<Line> lines, Map<String, Land> laender, Map<Kreis, Line> kreisLines, String dir) {
        Map<String, List<Kreis>> kreise = new TreeMap<>();
        for (Line line : lines) {
            String[] f = line.fields(6, KREISE_HEADER);
            String ags = f[0];
            if (!ags.matches("\\d{5}")) {
                throw line.error("expected a five-digit Kreis code in column 'ags', found '" + ags + "'");
            }
            if (f[1].isBlank()) {
                throw line.error("expected a name in column 'name'");
            }
            if (f[1].length() > NAME_LIMIT) {
                throw line.error("the name in column 'name' has " + f[1].length() + " characters; at most " + NAME_LIMIT
                        + " are allowed");
            }
            String land = f[2];
            if (!land.matches("\\d{2}") || !ags.startsWith(land)) {
                throw line.error("expected column 'land' to be the first two digits of " + ags + " ("
                        + ags.substring(0, 2) + "), found '" + land + "'");
            }
            if (!laender.containsKey(land)) {
                throw line.error("Land " + land + " is not in " + dir + LAENDER_FILE);
            }
            KreisKind kind;
            try {
                kind = KreisKind.valueOf(f[3]);
            } catch (IllegalArgumentException e) {
                throw line.error("expected column 'kind' to be KREISFREIE_STADT or LANDKREIS, found '" + f[3] + "'");
            }
            LocalDate from = date(line, "valid_from", f[4]);
            Optional<LocalDate> to = f[5].isEmpty() ? Optional.empty() : Optional.of(date(line, "valid_to", f[5]));
            if (to.isPresent() && to.get().isBefore(from)) {
                throw line.error("expected valid_to (last day) on or after valid_from " + from + ", found " + to.get());
            }
            Kreis kreis = new Kreis(ags, f[1], land, kind, from, to);
            for (Kreis earlier : kreise.getOrDefault(ags, List.of())) {
                boolean disjoint =
                        earlier.validTo().map(end -> end.isBefore(from)).orElse(false)
                                || to.map(end -> end.isBefore(earlier.validFrom()))
                                        .orElse(false);
                if (!disjoint) {
                    throw line.error("Kreis " + ags + " from " + from
                            + to.map(t -> " to " + t).orElse("")
                            + " overlaps its line " + kreisLines.get(earlier).number() + " (" + earlier.validFrom()
                            + earlier.validTo().map(t -> " to " + t).orElse(", open") + "); a code has one line per"
                            + " territory, the earlier one ending the day before the next begins");
                }
            }
            kreise.computeIfAbsent(ags, k -> new ArrayList<>()).add(kreis);
            kreisLines.put(kreis, line);
        }
        return kreise;
    }

    private static List<KreisSuccession> parseNachfolge(
            List<Line> lines,
            Map<String, List<Kreis>> kreise,
            Map<Kreis, Line> kreisLines,
            Map<KreisSuccession, Line> successionLines,
            String dir) {
        List<KreisSuccession> result = new ArrayList<>();
        for (Line line : lines) {
            String[] f = line.fields(5, NACHFOLGE_HEADER, true);
            List<Kreis> oldVersions = knownKreis(line, "old_ags", f[0], kreise, dir);
            List<Kreis> newVersions = knownKreis(line, "new_ags", f[1], kreise, dir);
            LocalDate effective = date(line, "effective", f[2]);
            LocalDate lastDay = effective.minusDays(1);
            if (oldVersions.stream()
                    .noneMatch(k -> k.validTo().map(lastDay::equals).orElse(false))) {
                throw line.error("expected a line of " + f[0] + " in " + dir + KREISE_FILE + " that ends on " + lastDay
                        + ", the day before 'effective'; its lines run " + runs(oldVersions));
            }
            Optional<Kreis> successor =
                    newVersions.stream().filter(k -> k.existsOn(effective)).findFirst();
            if (successor.isEmpty()) {
                throw line.error("expected successor " + f[1] + " to exist on " + effective + "; its lines in " + dir
                        + KREISE_FILE + " run " + runs(newVersions));
            }
            if (!successor.get().validFrom().equals(effective)) {
                throw line.error("on " + effective + " " + f[1] + " takes over territory of " + f[0] + ", but its"
                        + " line " + kreisLines.get(successor.get()).number() + " in " + dir + KREISE_FILE
                        + " runs on unchanged from " + successor.get().validFrom() + ": the Kreise of Land "
                        + f[1].substring(0, 2) + " would overlap from " + effective + ". A Kreis whose territory"
                        + " changes needs a new line from that day, the old one ending the day before, and a row "
                        + f[1] + ";" + f[1] + " here for the part that stays");
            }
            BigDecimal share;
            try {
                share = new BigDecimal(f[3]);
            } catch (NumberFormatException e) {
                throw line.error("expected column 'share' to be the share of " + f[0] + "'s population that went to "
                        + f[1] + ", a decimal number with '.' (1 for the whole Kreis, e.g. 0.25 for a part), found '"
                        + f[3] + "'");
            }
            if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
                throw line.error("expected share in (0, 1], found " + f[3]);
            }
            KreisSuccession succession = new KreisSuccession(f[0], f[1], effective, share, f[4]);
            result.add(succession);
            successionLines.put(succession, line);
        }
        return result;
    }

    private static String runs(List<Kreis> versions) {
        return versions.stream()
                .map(k -> k.validFrom() + k.validTo().map(t -> " to " + t).orElse(" (open)"))
                .toList()
                .toString();
    }

    /** The shares of one old Kreis at one date are shares of its population, so they add up to exactly 1. */
    private static void checkShares(List<KreisSuccession> successions, Map<KreisSuccession, Line> lines) {
        Map<String, List<KreisSuccession>> byOld = new TreeMap<>();
        successions.forEach(s -> byOld.computeIfAbsent(s.oldAgs() + "|" + s.effective(), k -> new ArrayList<>())
                .add(s));
        byOld.forEach((old, rows) -> {
            BigDecimal sum = rows.stream().map(KreisSuccession::share).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(BigDecimal.ONE) != 0) {
                throw lines.get(rows.get(0))
                        .error("expected the shares of " + rows.get(0).oldAgs() + " on "
                                + rows.get(0).effective() + " to add up to 1, they add up to " + sum.toPlainString()
                                + " (lines "
                                + rows.stream()
                                        .map(r -> String.valueOf(lines.get(r).number()))
                                        .toList() + ")");
            }
        });
    }

    private static void checkEveryEndHasSuccessors(
            Map<Kreis, Line> kreisLines, List<KreisSuccession> successions, String dir) {
        kreisLines.forEach((k, line) -> {
            if (k.isDissolved()) {
                LocalDate dayAfter = k.validTo().get().plusDays(1);
                if (successions.stream()
                        .noneMatch(
                                s -> s.oldAgs().equals(k.ags()) && s.effective().equals(dayAfter))) {
                    throw line.error(
                            "Kreis " + k.ags() + " ends on " + k.validTo().get() + ", but " + dir
                                    + NACHFOLGE_FILE + " names no successor for it from " + dayAfter + " (its territory"
                                    + " would belong to no Kreis)");
                }
            }
        });
    }

    private static List<Kreis> knownKreis(
            Line line, String column, String ags, Map<String, List<Kreis>> kreise, String dir) {
        if (!ags.matches("\\d{5}")) {
            throw line.error("expected a five-digit Kreis code in column '" + column + "', found '" + ags + "'");
        }
        List<Kreis> versions = kreise.get(ags);
        if (versions == null) {
            throw line.error("Kreis " + ags + " in column '" + column + "' is not in " + dir + KREISE_FILE);
        }
        return versions;
    }

    private static LocalDate date(Line line, String column, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw line.error("expected an ISO date (yyyy-mm-dd) in column '" + column + "', found '" + value + "'");
        }
    }

    /**
     * SHA-256 over the three files' bytes in the order kreise, laender, kreis-nachfolge, i.e. what
     * {@code cat kreise.csv laender.csv kreis-nachfolge.csv | sha256sum} prints, so an auditor can check it by hand.
     */
    private static String sha256Hex(byte[]... files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] file : files) {
                digest.update(file);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }

    // ------------------------------------------------------------------ queries

    /** Identifies the register's content: SHA-256 hex of kreise.csv, laender.csv and kreis-nachfolge.csv. */
    public String version() {
        return version;
    }

    /** The Kreis with that five-digit code in its latest territory, whether it still exists or not. */
    public Optional<Kreis> find(String ags) {
        List<Kreis> versions = ags == null ? null : versionsByAgs.get(ags);
        return versions == null ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** Every territory a code stood for, in time order; one for most Kreise. */
    public List<Kreis> versionsOf(String ags) {
        return ags == null ? List.of() : versionsByAgs.getOrDefault(ags, List.of());
    }

    /** The territory the code stood for on that day. */
    public Optional<Kreis> versionOn(String ags, LocalDate date) {
        return versionsOf(ags).stream().filter(k -> k.existsOn(date)).findFirst();
    }

    /** Every Kreis in the register, each of its territories once, sorted by code and time. */
    public List<Kreis> kreise() {
        return kreise;
    }

    /** The Kreise that existed on that day (the Gebietsstand of the date), sorted by code. */
    public List<Kreis> kreiseOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return kreise.stream().filter(k -> k.existsOn(date)).toList();
    }

    /** True if the code was a Kreis on that day; false for unknown codes. */
    public boolean existedOn(String ags, LocalDate date) {
        Objects.requireNonNull(date, "date");
        return versionOn(ags, date).isPresent();
    }

    /** The Land with that two-digit code. */
    public Optional<Land> land(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(laenderByCode.get(code));
    }

    /** The 16 Länder, sorted by code. */
    public List<Land> laender() {
        return laender;
    }

    /** The Kreise of one Land that existed on that day, sorted by code. */
    public List<Kreis> kreiseOfLandOn(String landCode, LocalDate date) {
        Objects.requireNonNull(landCode, "landCode");
        return kreiseOn(date).stream()
                .filter(k -> k.landCode().equals(landCode))
                .toList();
    }

    /**
     * The days on which the Kreise of a Land change, as first and last days of their territories: the candidate
     * Gebietsstände of the Land.
     */
    public SortedSet<LocalDate> changesOf(String landCode) {
        SortedSet<LocalDate> days = new TreeSet<>();
        for (Kreis k : kreise) {
            if (k.landCode().equals(landCode)) {
                days.add(k.validFrom());
                k.validTo().ifPresent(days::add);
            }
        }
        return days;
    }

    /** Where a code's territories went, sorted by date and successor code; empty for a Kreis never changed. */
    public List<KreisSuccession> successorsOf(String ags) {
        return ags == null ? List.of() : successorsByOld.getOrDefault(ags, List.of());
    }

    /** Which territories went (partly) into this code, sorted by date and code. */
    public List<KreisSuccession> predecessorsOf(String ags) {
        return ags == null ? List.of() : predecessorsByNew.getOrDefault(ags, List.of());
    }

    /** The rows of the crosswalk that made this territory of a Kreis: the ones effective on its first day. */
    public List<KreisSuccession> predecessorsOf(Kreis version) {
        return predecessorsOf(version.ags()).stream()
                .filter(s -> s.effective().equals(version.validFrom()))
                .toList();
    }

    /** The version of the old Kreis that a crosswalk row starts from: the one ending the day before. */
    public Kreis oldVersionOf(KreisSuccession succession) {
        LocalDate lastDay = succession.effective().minusDays(1);
        return versionOn(succession.oldAgs(), lastDay).orElseThrow();
    }

    /**
     * Kreis code of a city state given its Land code as classic CSVs write it: {@code 02} gives {@code 02000},
     * {@code 11} gives {@code 11000}; empty for every other Land.
     */
    public Optional<String> cityStateKreis(String landCode) {
        return landCode == null ? Optional.empty() : Optional.ofNullable(CITY_STATE_KREIS.get(landCode));
    }

    /** The reverse of {@link #cityStateKreis}: {@code 02000} gives {@code 02}, {@code 11000} gives {@code 11}. */
    public Optional<String> classicAliasOf(String ags) {
        return CITY_STATE_KREIS.entrySet().stream()
                .filter(e -> e.getValue().equals(ags))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
