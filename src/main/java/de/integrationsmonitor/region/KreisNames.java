package de.integrationsmonitor.region;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names under which offices print the Kreise, per Land and over time: the register's official name, the
 * variants derived from it ({@code Braunschweig, Stadt}, {@code Stadt Braunschweig}, {@code Landkreis Gifhorn},
 * {@code Gifhorn, Landkreis}, {@code LK Gifhorn}, {@code Gifhorn}, {@code Hannover, Region} / {@code Region
 * Hannover}, umlauts and {@code ß} written out) and the further variants of {@code kreis-namen.csv}. A name resolves
 * to the one Kreis of the Land that existed on the day and answers to it; a name that fits none or several is never
 * guessed: the answer says so and names the nearest names of the register.
 */
public final class KreisNames {

    /** The file of further names in the register folder. */
    public static final String NAMES_FILE = "kreis-namen.csv";

    /** What a printed name is. */
    public sealed interface Resolution {}

    /** The one Kreis the name stands for. */
    public record Found(Kreis kreis) implements Resolution {}

    /** A row of an aggregate (Land, Statistische Region, Regierungsbezirk) or below the Kreis: not a Kreis row. */
    public record NotAKreis(String reason) implements Resolution {}

    /** No Kreis, or several, answer to the name: quarantine the row. */
    public record Unresolved(String reason, List<String> nearest) implements Resolution {}

    private record Entry(Kreis kreis, String base, Optional<KreisKind> kind) {}

    private static final Pattern BELOW =
            Pattern.compile("^(dav\\.|davon|darunter|dar\\.)\\s.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern AGGREGATE = Pattern.compile(
            "^(stat\\.|statistische)\\s+region\\b.*|^(reg\\.-?\\s*bez\\.|regierungsbezirk|ehem\\.\\s*reg\\.-?bez\\.)"
                    + ".*|^(deutschland|bundesgebiet|früheres bundesgebiet|neue länder)\\b.*",
            Pattern.CASE_INSENSITIVE);

    private final KreisRegister register;
    private final List<Entry> entries;

    private KreisNames(KreisRegister register, List<Entry> entries) {
        this.register = register;
        this.entries = List.copyOf(entries);
    }

    /** The names of the register alone. */
    public static KreisNames of(KreisRegister register) {
        return new KreisNames(register, official(register));
    }

    /** The names of the register and of {@code kreis-namen.csv} in the folder, if there is one. */
    public static KreisNames load(KreisRegister register, Path registerFolder) {
        List<Entry> all = new ArrayList<>(official(register));
        Path file = registerFolder.resolve(NAMES_FILE);
        if (Files.isRegularFile(file)) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new RegisterException(file + ": cannot be read: " + e.getMessage());
            }
            int number = 0;
            boolean header = true;
            for (String line : lines) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(";", -1);
                if (f.length != 2 || !f[0].strip().matches("\\d{5}") || f[1].isBlank()) {
                    throw new RegisterException(file + ", line " + number + ": expected 'ags;name' (five-digit"
                            + " Kreis code, the name as an office prints it), found '" + line + "'");
                }
                List<Kreis> versions = register.versionsOf(f[0].strip());
                if (versions.isEmpty()) {
                    throw new RegisterException(
                            file + ", line " + number + ": Kreis " + f[0].strip() + " is not in the Kreis register");
                }
                for (Kreis k : versions) {
                    Parsed p = parse(f[1]);
                    all.add(new Entry(k, p.base, p.kind));
                }
            }
        }
        return new KreisNames(register, all);
    }

    private static List<Entry> official(KreisRegister register) {
        List<Entry> entries = new ArrayList<>();
        for (Kreis k : register.kreise()) {
            Parsed p = parse(k.name());
            entries.add(new Entry(k, p.base, Optional.of(k.kind())));
            // "Hannover, Landeshauptstadt, kreisfreie Stadt": also "Hannover"
            int comma = k.name().indexOf(',');
            if (comma > 0) {
                entries.add(new Entry(k, normalise(k.name().substring(0, comma)), Optional.of(k.kind())));
            }
        }
        return entries;
    }

    /**
     * The Kreis of the Land that a printed name stands for on the day, or why there is none.
     *
     * @param landCode the Land of the file (two digits)
     */
    public Resolution resolve(String printed, String landCode, LocalDate date) {
        String name = printed.strip().replaceAll("\\s+", " ");
        if (BELOW.matcher(name).matches()) {
            return new NotAKreis("'" + name + "' is a part of a Kreis (below the Kreis level, not read until that"
                    + " level is built)");
        }
        if (AGGREGATE.matcher(name).matches()) {
            return new NotAKreis("'" + name + "' is an aggregate of Kreise, not a Kreis");
        }
        Optional<Land> land = register.land(landCode);
        if (land.isPresent() && normalise(land.get().name()).equals(normalise(name))) {
            return new NotAKreis("'" + name + "' is the Land, not a Kreis");
        }
        Parsed wanted = parse(name);
        Set<Kreis> matches = new LinkedHashSet<>();
        for (Entry e : entries) {
            if (!e.kreis.landCode().equals(landCode) || !e.kreis.existsThroughout(date, date)) {
                continue;
            }
            if (e.base.equals(wanted.base)
                    && (wanted.kind.isEmpty() || e.kind.isEmpty() || e.kind.equals(wanted.kind))) {
                matches.add(e.kreis);
            }
        }
        if (matches.size() == 1) {
            return new Found(matches.iterator().next());
        }
        if (matches.size() > 1) {
            return new Unresolved(
                    "the name '" + name + "' is ambiguous in Land " + landCode + " on "
                            + german(date) + ": it answers to "
                            + matches.stream()
                                    .map(k -> k.ags() + " " + k.name())
                                    .toList() + "; the file must say which (e.g. 'Stadt' or 'Landkreis')",
                    matches.stream().map(k -> k.ags() + " " + k.name()).toList());
        }
        List<String> nearest = entries.stream()
                .filter(e -> e.kreis.landCode().equals(landCode) && e.kreis.existsThroughout(date, date))
                .sorted(Comparator.comparingInt((Entry e) -> distance(e.base, wanted.base))
                        .thenComparing(e -> e.kreis.ags()))
                .map(e -> e.kreis.ags() + " " + e.kreis.name())
                .distinct()
                .limit(3)
                .toList();
        return new Unresolved(
                "no Kreis of Land " + landCode + " on " + german(date) + " is called '" + name
                        + "'; nearest names of the Kreis register: " + nearest,
                nearest);
    }

    private record Parsed(String base, Optional<KreisKind> kind) {}

    /** The words that say what kind of Kreis a name is; taken out of the name before it is compared. */
    private static final List<String[]> KIND_WORDS = List.of(
            new String[] {"kreisfreie stadt", "STADT"},
            new String[] {"krfr. stadt", "STADT"},
            new String[] {"krfr. st.", "STADT"},
            new String[] {"stadtkreis", "STADT"},
            new String[] {"landeshauptstadt", "STADT"},
            new String[] {"lhst.", "STADT"},
            new String[] {"stadt", "STADT"},
            new String[] {"landkreis", "LANDKREIS"},
            new String[] {"lk", "LANDKREIS"},
            new String[] {"kreis", "LANDKREIS"},
            new String[] {"region", "LANDKREIS"});

    private static Parsed parse(String printed) {
        String s = " "
                + printed.toLowerCase(Locale.ROOT)
                        .replace(',', ' ')
                        .replaceAll("\\s+", " ")
                        .strip() + " ";
        Optional<KreisKind> kind = Optional.empty();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String[] word : KIND_WORDS) {
                String w = " " + word[0] + " ";
                int at = s.indexOf(w);
                if (at >= 0) {
                    KreisKind k = word[1].equals("STADT") ? KreisKind.KREISFREIE_STADT : KreisKind.LANDKREIS;
                    if (kind.isEmpty()) {
                        kind = Optional.of(k);
                    }
                    s = s.substring(0, at) + " " + s.substring(at + w.length());
                    s = " " + s.strip() + " ";
                    changed = true;
                }
            }
        }
        return new Parsed(normalise(s), kind);
    }

    /** Lower case, umlauts and ß written out, accents dropped, punctuation other than brackets and '-' a space. */
    static String normalise(String name) {
        String s = name.toLowerCase(Locale.ROOT)
                .replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue")
                .replace("ß", "ss");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.replaceAll("[^a-z0-9()\\- ]", " ").replace("(", " (").replace(")", ") ");
        return s.replaceAll("\\s+", " ").strip();
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    private static String german(LocalDate date) {
        return String.format("%02d.%02d.%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }
}
