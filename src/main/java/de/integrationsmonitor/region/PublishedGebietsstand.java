package de.integrationsmonitor.region;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which Gebietsstand the office used for the Kreise of a Land it reports for a period. The Kreise a table reports
 * are the office's choice: mostly those of the end of the period, but a school year or an annual average is
 * published for the Kreise that existed during it (the old Kreise of Mecklenburg-Vorpommern for the school year
 * 2010/11, Göttingen 03152 for the annual average 2016), and some tables give back-calculated values for Kreise
 * formed later beside the old ones (Sachsen's Kreise of 2008 for 1995 to 2007).
 *
 * <p>The reported Kreise are assigned to Gebietsstände one group at a time: the day, among the days on which the
 * Land's Kreise change and the end of the period, whose Kreise cover most of the reported Kreise not yet assigned;
 * on a tie a day within the period (the latest), then a later one (the earliest), then an earlier one. Each group
 * is one set of Kreise that existed together, so that ranks and sums never mix territories.
 */
public final class PublishedGebietsstand {

    private final KreisRegister register;
    /** The Kreise of each Land on the days its Kreise change: the candidate Gebietsstände. */
    private final Map<String, Map<LocalDate, Set<String>>> kreiseByLandAndDay = new HashMap<>();
    /** The Kreise of a Land on any other day asked for (the ends of periods). */
    private final Map<String, Set<String>> kreiseOnOtherDays = new HashMap<>();

    public PublishedGebietsstand(KreisRegister register) {
        this.register = register;
    }

    /**
     * The Gebietsstand of each reported Kreis of one Land.
     *
     * @param reported the Kreis codes of the Land the office reports for the period
     * @return each reported code with the day whose Kreise its group are; a code the register does not know
     *         stands at the end of the period
     */
    public Map<String, LocalDate> of(String landCode, LocalDate start, LocalDate end, Set<String> reported) {
        Map<LocalDate, Set<String>> byDay = kreiseByDay(landCode);
        SortedSet<LocalDate> candidates = new TreeSet<>(byDay.keySet());
        candidates.add(end);
        List<LocalDate> preferred =
                candidates.stream().sorted(preference(start, end)).toList();
        Set<String> remaining = new TreeSet<>(reported);
        Map<String, LocalDate> result = new LinkedHashMap<>();
        while (!remaining.isEmpty()) {
            LocalDate best = null;
            int bestCount = 0;
            for (LocalDate day : preferred) {
                Set<String> kreise = kreiseOn(landCode, day);
                int count = (int) kreise.stream().filter(remaining::contains).count();
                if (count > bestCount) {
                    best = day;
                    bestCount = count;
                }
            }
            if (best == null) {
                break;
            }
            Set<String> group = kreiseOn(landCode, best);
            for (String ags : List.copyOf(remaining)) {
                if (group.contains(ags)) {
                    result.put(ags, best);
                    remaining.remove(ags);
                }
            }
        }
        remaining.forEach(ags -> result.put(ags, end));
        return result;
    }

    /** Whether the group of that day is the whole Land as it was on that day. */
    public boolean complete(String landCode, LocalDate day, Set<String> members) {
        return kreiseOn(landCode, day).equals(members);
    }

    private Set<String> kreiseOn(String landCode, LocalDate day) {
        Set<String> atChange = kreiseByDay(landCode).get(day);
        return atChange != null
                ? atChange
                : kreiseOnOtherDays.computeIfAbsent(landCode + "|" + day, k -> codesOn(landCode, day));
    }

    private Map<LocalDate, Set<String>> kreiseByDay(String landCode) {
        return kreiseByLandAndDay.computeIfAbsent(landCode, land -> {
            Map<LocalDate, Set<String>> byDay = new TreeMap<>();
            for (LocalDate day : register.changesOf(land)) {
                byDay.put(day, codesOn(land, day));
            }
            return byDay;
        });
    }

    private Set<String> codesOn(String landCode, LocalDate day) {
        Set<String> codes = new TreeSet<>();
        register.kreiseOfLandOn(landCode, day).forEach(k -> codes.add(k.ags()));
        return codes;
    }

    /** Within the period from its end backwards, then later days from the nearest, then earlier ones. */
    private static Comparator<LocalDate> preference(LocalDate start, LocalDate end) {
        return Comparator.comparingInt((LocalDate d) -> d.isAfter(end) ? 1 : d.isBefore(start) ? 2 : 0)
                .thenComparingLong(d -> d.isAfter(end) ? d.toEpochDay() : -d.toEpochDay());
    }
}
