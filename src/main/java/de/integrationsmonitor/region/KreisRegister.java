package de.integrationsmonitor.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
import java.util.TreeMap;

/**
 * The immutable register of every Kreis code that existed since 1995-01-01, the Länder, and the crosswalk from
 * dissolved Kreise to their successors; it answers which Kreise existed on a given day (the Gebietsstand).
 *
 * <p>The data live in three UTF-8, {@code ;}-separated classpath resources under {@code /region/}:
 * {@value #KREISE_FILE}, {@value #LAENDER_FILE} and {@value #NACHFOLGE_FILE}. A file that breaks the format fails
 * the load with the file name, the line number and what was expected, because a register that silently drops a
 * Kreis would shift every count and rank computed from it.
 */
public final class KreisRegister {

    public static final String KREISE_FILE = "kreise.csv";
    public static final String LAENDER_FILE = "laender.csv";
    public static final String NACHFOLGE_FILE = "kreis-nachfolge.csv";

    private static final String RESOURCE_DIR = "/region/";
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

    private final Map<String, Kreis> kreiseByAgs;
    private final List<Kreis> kreise;
    private final Map<String, Land> laenderByCode;
    private final List<Land> laender;
    private final Map<String, List<KreisSuccession>> successorsByOld;
    private final Map<String, List<KreisSuccession>> predecessorsByNew;
    private final String version;

    private KreisRegister(Map<String, Kreis> kreiseByAgs, Map<String, Land> laenderByCode,
                          List<KreisSuccession> successions, String version) {
        this.kreiseByAgs = Collections.unmodifiableMap(new TreeMap<>(kreiseByAgs));
        this.kreise = List.copyOf(this.kreiseByAgs.values());
        this.laenderByCode = Collections.unmodifiableMap(new TreeMap<>(laenderByCode));
        this.laender = List.copyOf(this.laenderByCode.values());
        Map<String, List<KreisSuccession>> byOld = new TreeMap<>();
        Map<String, List<KreisSuccession>> byNew = new TreeMap<>();
        for (KreisSuccession s : successions) {
            byOld.computeIfAbsent(s.oldAgs(), k -> new ArrayList<>()).add(s);
            byNew.computeIfAbsent(s.newAgs(), k -> new ArrayList<>()).add(s);
        }
        this.successorsByOld = freeze(byOld, Comparator.comparing(KreisSuccession::newAgs));
        this.predecessorsByNew = freeze(byNew,
                Comparator.comparing(KreisSuccession::effective).thenComparing(KreisSuccession::oldAgs));
        this.version = version;
    }

    private static Map<String, List<KreisSuccession>> freeze(Map<String, List<KreisSuccession>> map,
                                                             Comparator<KreisSuccession> order) {
        Map<String, List<KreisSuccession>> frozen = new TreeMap<>();
        map.forEach((k, v) -> frozen.put(k, v.stream().sorted(order).toList()));
        return Collections.unmodifiableMap(frozen);
    }

    // ------------------------------------------------------------------ loading

    /** Holder idiom: the classpath resources are read once, on first use, without locking afterwards. */
    private static final class DefaultHolder {
        private static final KreisRegister INSTANCE = parse(
                readResource(KREISE_FILE), readResource(LAENDER_FILE), readResource(NACHFOLGE_FILE));
    }

    /** The register shipped on the classpath under {@code /region/}; read once and shared. */
    public static KreisRegister loadDefault() {
        return DefaultHolder.INSTANCE;
    }

    private static byte[] readResource(String file) {
        String path = RESOURCE_DIR + file;
        try (InputStream in = KreisRegister.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Kreis register resource " + path + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Kreis register resource " + path, e);
        }
    }

    /**
     * Builds a register from the bytes of the three files (UTF-8, as shipped). Used by {@link #loadDefault()};
     * public so that a test or a tool can check an edited register before it is shipped.
     *
     * @throws IllegalArgumentException naming file, line and expectation when a line is malformed or the files
     *                                  contradict each other
     */
    public static KreisRegister parse(byte[] kreiseCsv, byte[] laenderCsv, byte[] nachfolgeCsv) {
        Objects.requireNonNull(kreiseCsv, KREISE_FILE);
        Objects.requireNonNull(laenderCsv, LAENDER_FILE);
        Objects.requireNonNull(nachfolgeCsv, NACHFOLGE_FILE);
        Map<String, Land> laender = parseLaender(lines(LAENDER_FILE, laenderCsv, LAENDER_HEADER));
        Map<String, Integer> kreisLine = new TreeMap<>();
        Map<String, Kreis> kreise = parseKreise(lines(KREISE_FILE, kreiseCsv, KREISE_HEADER), laender, kreisLine);
        List<KreisSuccession> successions =
                parseNachfolge(lines(NACHFOLGE_FILE, nachfolgeCsv, NACHFOLGE_HEADER), kreise);
        checkEveryDissolvedKreisHasSuccessors(kreise, kreisLine, successions);
        return new KreisRegister(kreise, laender, successions, sha256Hex(kreiseCsv, laenderCsv, nachfolgeCsv));
    }

    /** A data line with its 1-based line number in the file, so that errors can point at it. */
    private record Line(String file, int number, String text) {

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException(file + " line " + number + ": " + message + " (line was: '"
                    + text + "')");
        }

        String[] fields(int expected, String header) {
            String[] fields = text.split(";", -1);
            if (fields.length != expected) {
                throw error("expected " + expected + " fields separated by ';' (" + header + "), found "
                        + fields.length);
            }
            return fields;
        }
    }

    private static List<Line> lines(String file, byte[] bytes, String header) {
        String text;
        try {
            // Strict decoding: a file saved as ISO-8859-1 by an editor must fail here, not turn "ß" into garbage.
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": expected UTF-8 text, found bytes that are not UTF-8", e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] raw = text.split("\n", -1);
        int last = raw.length;
        while (last > 0 && stripCr(raw[last - 1]).isEmpty()) {
            last--; // trailing newline(s) at the end of the file are harmless
        }
        if (last == 0) {
            throw new IllegalArgumentException(file + " line 1: expected header '" + header + "', file is empty");
        }
        String first = stripCr(raw[0]);
        if (!first.equals(header)) {
            throw new IllegalArgumentException(file + " line 1: expected header '" + header + "', found '"
                    + first + "'");
        }
        List<Line> result = new ArrayList<>();
        for (int i = 1; i < last; i++) {
            Line line = new Line(file, i + 1, stripCr(raw[i]));
            if (line.text().isBlank()) {
                throw line.error("expected a data line, found an empty line");
            }
            result.add(line);
        }
        return result;
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
            if (laender.put(code, new Land(code, f[1])) != null) {
                throw line.error("Land " + code + " is listed twice");
            }
        }
        return laender;
    }

    private static Map<String, Kreis> parseKreise(List<Line> lines, Map<String, Land> laender,
                                                  Map<String, Integer> kreisLine) {
        Map<String, Kreis> kreise = new TreeMap<>();
        for (Line line : lines) {
            String[] f = line.fields(6, KREISE_HEADER);
            String ags = f[0];
            if (!ags.matches("\\d{5}")) {
                throw line.error("expected a five-digit Kreis code in column 'ags', found '" + ags + "'");
            }
            if (f[1].isBlank()) {
                throw line.error("expected a name in column 'name'");
            }
            String land = f[2];
            if (!land.matches("\\d{2}") || !ags.startsWith(land)) {
                throw line.error("expected column 'land' to be the first two digits of " + ags + " ("
                        + ags.substring(0, 2) + "), found '" + land + "'");
            }
            if (!laender.containsKey(land)) {
                throw line.error("Land " + land + " is not in " + LAENDER_FILE);
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
                throw line.error("expected valid_to (last day) on or after valid_from " + from + ", found "
                        + to.get());
            }
            if (kreise.put(ags, new Kreis(ags, f[1], land, kind, from, to)) != null) {
                throw line.error("Kreis " + ags + " is listed twice (first on line " + kreisLine.get(ags) + ")");
            }
            kreisLine.put(ags, line.number());
        }
        return kreise;
    }

    private static List<KreisSuccession> parseNachfolge(List<Line> lines, Map<String, Kreis> kreise) {
        List<KreisSuccession> result = new ArrayList<>();
        Map<String, List<Line>> linesByOld = new TreeMap<>();
        for (Line line : lines) {
            String[] f = line.fields(5, NACHFOLGE_HEADER);
            Kreis oldKreis = knownKreis(line, "old_ags", f[0], kreise);
            Kreis newKreis = knownKreis(line, "new_ags", f[1], kreise);
            LocalDate effective = date(line, "effective", f[2]);
            if (oldKreis.validTo().isEmpty()) {
                throw line.error("expected old_ags to be a dissolved Kreis, but " + oldKreis.ags()
                        + " has no valid_to in " + KREISE_FILE);
            }
            LocalDate dayAfterEnd = oldKreis.validTo().get().plusDays(1);
            if (!effective.equals(dayAfterEnd)) {
                throw line.error("expected effective to be the day after " + oldKreis.ags() + "'s last day ("
                        + dayAfterEnd + "), found " + effective);
            }
            if (!newKreis.existsOn(effective)) {
                throw line.error("expected successor " + newKreis.ags() + " to exist on " + effective);
            }
            Optional<BigDecimal> share = Optional.empty();
            if (!f[3].isEmpty()) {
                BigDecimal value;
                try {
                    value = new BigDecimal(f[3]);
                } catch (NumberFormatException e) {
                    throw line.error("expected column 'share' to be empty or a decimal number with '.' (e.g. 0.25), "
                            + "found '" + f[3] + "'");
                }
                if (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) > 0) {
                    throw line.error("expected share in (0, 1], found " + f[3]);
                }
                share = Optional.of(value);
            }
            result.add(new KreisSuccession(oldKreis.ags(), newKreis.ags(), effective, share, f[4]));
            linesByOld.computeIfAbsent(oldKreis.ags(), k -> new ArrayList<>()).add(line);
        }
        checkShares(result, linesByOld);
        return result;
    }

    /** Shares are population shares of one old Kreis, so when all are given they must add up to exactly 1. */
    private static void checkShares(List<KreisSuccession> successions, Map<String, List<Line>> linesByOld) {
        Map<String, List<KreisSuccession>> byOld = new TreeMap<>();
        successions.forEach(s -> byOld.computeIfAbsent(s.oldAgs(), k -> new ArrayList<>()).add(s));
        byOld.forEach((old, rows) -> {
            if (rows.stream().allMatch(s -> s.share().isPresent())) {
                BigDecimal sum = rows.stream().map(s -> s.share().get()).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (sum.compareTo(BigDecimal.ONE) != 0) {
                    throw linesByOld.get(old).get(0).error("expected the shares of " + old
                            + " to add up to 1, they add up to " + sum.toPlainString());
                }
            }
        });
    }

    private static void checkEveryDissolvedKreisHasSuccessors(Map<String, Kreis> kreise,
                                                              Map<String, Integer> kreisLine,
                                                              List<KreisSuccession> successions) {
        for (Kreis k : kreise.values()) {
            if (k.isDissolved() && successions.stream().noneMatch(s -> s.oldAgs().equals(k.ags()))) {
                throw new IllegalArgumentException(KREISE_FILE + " line " + kreisLine.get(k.ags()) + ": Kreis "
                        + k.ags() + " ends on " + k.validTo().get() + ", but " + NACHFOLGE_FILE
                        + " names no successor for it");
            }
        }
    }

    private static Kreis knownKreis(Line line, String column, String ags, Map<String, Kreis> kreise) {
        if (!ags.matches("\\d{5}")) {
            throw line.error("expected a five-digit Kreis code in column '" + column + "', found '" + ags + "'");
        }
        Kreis kreis = kreise.get(ags);
        if (kreis == null) {
            throw line.error("Kreis " + ags + " in column '" + column + "' is not in " + KREISE_FILE);
        }
        return kreis;
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

    /** The Kreis with that five-digit code, whether it still exists or not. */
    public Optional<Kreis> find(String ags) {
        return ags == null ? Optional.empty() : Optional.ofNullable(kreiseByAgs.get(ags));
    }

    /** Every Kreis code in the register, sorted by code. */
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
        return find(ags).map(k -> k.existsOn(date)).orElse(false);
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
        return kreiseOn(date).stream().filter(k -> k.landCode().equals(landCode)).toList();
    }

    /** Where a dissolved Kreis went, sorted by successor code; empty for a Kreis that still exists. */
    public List<KreisSuccession> successorsOf(String ags) {
        return ags == null ? List.of() : successorsByOld.getOrDefault(ags, List.of());
    }

    /** Which dissolved Kreise went (partly) into this one, sorted by date and code. */
    public List<KreisSuccession> predecessorsOf(String ags) {
        return ags == null ? List.of() : predecessorsByNew.getOrDefault(ags, List.of());
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
