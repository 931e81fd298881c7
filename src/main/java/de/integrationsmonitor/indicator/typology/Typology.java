package de.integrationsmonitor.indicator.typology;

import de.integrationsmonitor.indicator.Direction;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Cluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.clustering.MultiKMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.clustering.evaluation.ClusterEvaluator;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Groups Kreise into the Teilhabe typology ("similar Kreise", DOMAIN.md §6) reproducibly: z-scores, k-means++
 * with a fixed seed, urban and rural Kreise separately, clusters numbered from best to worst participation chances.
 *
 * <p>The steps, in order:
 * <ol>
 *   <li>A Kreis without a value for any of the spec's indicators is left out, with the reason.</li>
 *   <li>Each indicator is z-standardised over all included Kreise, urban and rural together, with the
 *       <em>population</em> standard deviation (divisor n): the Kreise are the whole population, not a sample.
 *       An indicator with no spread gets z = 0 everywhere. z-scores are rounded to {@value #Z_SCALE} decimals so
 *       that floating-point noise in the last bits cannot move a Kreis to another cluster.</li>
 *   <li>Urban and rural Kreise are clustered separately with k-means++ (Euclidean distance on the z-scores), each
 *       group with a fresh {@link Well19937c} generator seeded with the spec's seed; of the spec's trials the one
 *       with the smallest sum of squared errors is kept (the first on a tie). Kreise enter sorted by AGS, so the
 *       same data give the same clusters whatever order the caller passes them in.</li>
 *   <li>A group with fewer Kreise (or fewer distinct value vectors) than clusters gets that many clusters instead;
 *       the profiles say so.</li>
 *   <li>Clusters are numbered by their mean participation score, the sum over the indicators of z × (+1 if higher
 *       is better, −1 if higher is worse, 0 if neutral), best first; on equal scores the cluster with the lowest
 *       AGS comes first. Urban clusters are numbered from 1, rural ones from {@code urbanClusters + 1} (so 4 is
 *       always the best-off rural cluster with the default spec, even if the urban group had to be reduced).</li>
 * </ol>
 */
public final class Typology {

    /** Decimals z-scores (and mean scores) are rounded to before they are compared. */
    public static final int Z_SCALE = 12;

    /** A cluster mean at least this many standard deviations from the overall mean is "weit" above or below. */
    static final double FAR = 1.0;
    /** Below this many standard deviations from the overall mean, a cluster mean counts as average. */
    static final double NOTICEABLE = 0.25;

    // Sixteen significant digits: more than any Kreis statistic carries, and a limit for means like x/3.
    private static final MathContext MEAN_CONTEXT = MathContext.DECIMAL64;

    private final TypologySpec spec;

    public Typology(TypologySpec spec) {
        this.spec = spec;
    }

    /** Computes the typology of the given Kreise; the order of {@code inputs} does not matter. */
    public TypologyResult compute(Collection<TypologyInput> inputs) {
        List<TypologyInput> sorted =
                inputs.stream().sorted(Comparator.comparing(TypologyInput::ags)).toList();
        Map<String, String> excluded = new TreeMap<>();
        List<TypologyInput> included = new ArrayList<>();
        String previous = null;
        for (TypologyInput input : sorted) {
            if (input.ags().equals(previous)) {
                throw new IllegalArgumentException(
                        "Kreis " + input.ags() + " is given twice; the typology needs " + "one row per Kreis");
            }
            previous = input.ags();
            List<String> missing = spec.indicatorIds().stream()
                    .filter(id -> !input.values().containsKey(id))
                    .toList();
            if (missing.isEmpty()) {
                included.add(input);
            } else {
                excluded.put(input.ags(), "no value for " + String.join(", ", missing));
            }
        }

        Map<String, Spread> spreads = spreads(included);
        List<KreisPoint> urbanPoints = new ArrayList<>();
        List<KreisPoint> ruralPoints = new ArrayList<>();
        for (TypologyInput input : included) {
            (input.urban() ? urbanPoints : ruralPoints).add(point(input, spreads));
        }
        Map<String, TypologyInput> byAgs = included.stream()
                .collect(Collectors.toMap(TypologyInput::ags, i -> i, (a, b) -> a, LinkedHashMap::new));

        List<ClusterProfile> profiles = new ArrayList<>();
        Group urban = cluster(urbanPoints, spec.urbanClusters(), spec.urbanGroup());
        Group rural = cluster(ruralPoints, spec.ruralClusters(), spec.ruralGroup());
        profiles.addAll(profiles(urban, true, 1, byAgs, spreads));
        profiles.addAll(profiles(rural, false, spec.urbanClusters() + 1, byAgs, spreads));

        Map<String, Integer> clusterOf = new TreeMap<>();
        for (ClusterProfile profile : profiles) {
            profile.members().forEach(ags -> clusterOf.put(ags, profile.number()));
        }
        return new TypologyResult(
                clusterOf, profiles, excluded, method(included.size(), excluded.size(), urban, rural));
    }

    /** Mean and population standard deviation of one indicator over the included Kreise. */
    private record Spread(BigDecimal mean, double meanAsDouble, double sd) {}

    private Map<String, Spread> spreads(List<TypologyInput> included) {
        Map<String, Spread> spreads = new LinkedHashMap<>();
        for (String id : spec.indicatorIds()) {
            double[] values = included.stream()
                    .mapToDouble(i -> i.values().get(id).doubleValue())
                    .toArray();
            BigDecimal exactMean = included.isEmpty()
                    ? BigDecimal.ZERO
                    : mean(included.stream().map(i -> i.values().get(id)).toList());
            double mean = values.length == 0 ? 0 : new Mean().evaluate(values);
            double sd = values.length == 0 ? 0 : new StandardDeviation(false).evaluate(values);
            spreads.put(id, new Spread(exactMean, mean, sd));
        }
        return spreads;
    }

    private KreisPoint point(TypologyInput input, Map<String, Spread> spreads) {
        double[] z = new double[spec.indicatorIds().size()];
        double score = 0;
        for (int j = 0; j < z.length; j++) {
            String id = spec.indicatorIds().get(j);
            Spread spread = spreads.get(id);
            double raw =
                    spread.sd() == 0 ? 0 : (input.values().get(id).doubleValue() - spread.meanAsDouble()) / spread.sd();
            z[j] = round(raw);
            score += sign(spec.directions().get(id)) * z[j];
        }
        return new KreisPoint(input.ags(), z, score);
    }

    private static int sign(Direction direction) {
        return switch (direction) {
            case HIGHER_IS_BETTER -> 1;
            case HIGHER_IS_WORSE -> -1;
            case NEUTRAL -> 0;
        };
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value)
                .setScale(Z_SCALE, RoundingMode.HALF_EVEN)
                .doubleValue();
    }

    /** One Kreis in z-space; the clusterer sees only {@link #getPoint()}. */
    private record KreisPoint(String ags, double[] z, double score) implements Clusterable {
        @Override
        public double[] getPoint() {
            return z;
        }
    }

    /** The clusters of one group (members sorted by AGS, best-off first) and why k was reduced, if it was. */
    private record Group(String name, int size, int requestedK, int k, List<List<KreisPoint>> clusters, String note) {}

    private Group cluster(List<KreisPoint> points, int requestedK, String name) {
        if (points.isEmpty()) {
            return new Group(name, 0, requestedK, 0, List.of(), "");
        }
        // k-means++ cannot place more centres than there are distinct points; cap k rather than fail.
        Set<List<Double>> distinct = new HashSet<>();
        points.forEach(p -> distinct.add(Arrays.stream(p.z()).boxed().toList()));
        int k = Math.min(requestedK, distinct.size());
        String note = "";
        if (k < requestedK) {
            note = distinct.size() < points.size()
                    ? "Nur " + distinct.size() + " verschiedene Wertekombinationen unter " + points.size() + " " + name
                            + ": " + k + " statt " + requestedK + " Cluster."
                    : "Nur " + points.size() + " " + name + ": " + k + " statt " + requestedK + " Cluster.";
        }

        List<CentroidCluster<KreisPoint>> found;
        try {
            KMeansPlusPlusClusterer<KreisPoint> kMeans = new KMeansPlusPlusClusterer<>(
                    k, spec.maxIterations(), new EuclideanDistance(), new Well19937c(spec.seed()));
            found = new MultiKMeansPlusPlusClusterer<>(kMeans, spec.trials(), new SumOfSquaredErrors()).cluster(points);
        } catch (MathIllegalStateException e) {
            throw new IllegalStateException(
                    "k-means++ failed for the " + points.size() + " " + name + " with k = " + k + ": " + e.getMessage(),
                    e);
        }

        List<List<KreisPoint>> clusters = new ArrayList<>();
        for (CentroidCluster<KreisPoint> cluster : found) {
            if (!cluster.getPoints().isEmpty()) {
                clusters.add(cluster.getPoints().stream()
                        .sorted(Comparator.comparing(KreisPoint::ags))
                        .toList());
            }
        }
        clusters.sort(Comparator.comparingDouble((List<KreisPoint> c) -> -meanScore(c))
                .thenComparing(c -> c.get(0).ags()));
        return new Group(name, points.size(), requestedK, clusters.size(), clusters, note);
    }

    private static double meanScore(List<KreisPoint> members) {
        double sum = 0;
        for (KreisPoint member : members) {
            sum += member.score();
        }
        return round(sum / members.size());
    }

    /** The k-means objective itself, so "best trial" means what the method text says. */
    private static final class SumOfSquaredErrors extends ClusterEvaluator<KreisPoint> {
        @Override
        public double score(List<? extends Cluster<KreisPoint>> clusters) {
            double sse = 0;
            for (Cluster<KreisPoint> cluster : clusters) {
                if (cluster.getPoints().isEmpty()) {
                    continue;
                }
                Clusterable centre = centroidOf(cluster);
                for (KreisPoint point : cluster.getPoints()) {
                    double d = distance(point, centre);
                    sse += d * d;
                }
            }
            return sse;
        }
    }

    private List<ClusterProfile> profiles(
            Group group,
            boolean urban,
            int firstNumber,
            Map<String, TypologyInput> byAgs,
            Map<String, Spread> spreads) {
        List<ClusterProfile> profiles = new ArrayList<>();
        for (int c = 0; c < group.clusters().size(); c++) {
            List<KreisPoint> members = group.clusters().get(c);
            Map<String, BigDecimal> means = new LinkedHashMap<>();
            for (String id : spec.indicatorIds()) {
                means.put(
                        id,
                        mean(members.stream()
                                .map(m -> byAgs.get(m.ags()).values().get(id))
                                .toList()));
            }
            profiles.add(new ClusterProfile(
                    firstNumber + c,
                    urban,
                    members.size(),
                    members.stream().map(KreisPoint::ags).toList(),
                    means,
                    meanScore(members),
                    describe(means, spreads),
                    group.note()));
        }
        return profiles;
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(values.size()), MEAN_CONTEXT);
    }

    /**
     * Names each indicator whose cluster mean lies noticeably above or below the mean over all included Kreise,
     * in standard deviations; predicative adjectives so that any label reads correctly whatever its gender.
     */
    private String describe(Map<String, BigDecimal> means, Map<String, Spread> spreads) {
        List<String> parts = new ArrayList<>();
        for (String id : spec.indicatorIds()) {
            Spread spread = spreads.get(id);
            if (spread.sd() == 0) {
                continue;
            }
            double distance = means.get(id).subtract(spread.mean()).doubleValue() / spread.sd();
            String level;
            if (distance >= FAR) {
                level = "weit überdurchschnittlich";
            } else if (distance >= NOTICEABLE) {
                level = "überdurchschnittlich";
            } else if (distance <= -FAR) {
                level = "weit unterdurchschnittlich";
            } else if (distance <= -NOTICEABLE) {
                level = "unterdurchschnittlich";
            } else {
                continue;
            }
            parts.add(spec.labels().get(id) + " " + level);
        }
        return parts.isEmpty() ? "In allen Indikatoren nahe dem Durchschnitt" : String.join(", ", parts);
    }

    private String method(int includedCount, int excludedCount, Group urban, Group rural) {
        StringBuilder text = new StringBuilder(method(
                spec,
                excludedCount,
                new GroupSize(urban.size(), urban.size() == 0 ? urban.requestedK() : urban.k()),
                new GroupSize(rural.size(), rural.size() == 0 ? rural.requestedK() : rural.k())));
        for (Group group : List.of(urban, rural)) {
            if (!group.note().isEmpty()) {
                text.append(' ').append(group.note());
            }
        }
        return text.toString();
    }

    /** How many Kreise a group of the typology holds and into how many clusters they were divided. */
    public record GroupSize(int kreise, int clusters) {}

    /**
     * The German method paragraph of a typology, written from its spec (indicators, directions, seed, starts,
     * clusters per group, iterations) and the sizes of the two groups: what the report's methods annex prints, so
     * that it always says what was computed.
     */
    public static String method(TypologySpec spec, int excludedCount, GroupSize urban, GroupSize rural) {
        List<String> better = labelsWith(spec, Direction.HIGHER_IS_BETTER);
        List<String> worse = labelsWith(spec, Direction.HIGHER_IS_WORSE);
        List<String> neutral = labelsWith(spec, Direction.NEUTRAL);
        int includedCount = urban.kreise() + rural.kreise();
        StringBuilder text = new StringBuilder();
        text.append("Die Typisierung ähnlicher Kreise lehnt sich an die Teilhabe-Typologie des Berlin-Instituts "
                        + "(„Alle sollen teilhaben“, 2023) an; da dessen Verfahren nicht veröffentlicht ist, wird ein "
                        + "eigenes, reproduzierbares Verfahren verwendet. Eingang finden die Indikatoren ")
                .append(germanList(
                        spec.indicatorIds().stream().map(spec.labels()::get).toList()))
                .append("; ");
        if (includedCount == 0) {
            // nothing was computed: the paragraph says so instead of describing a standardisation over no Kreis
            return text.append("für keinen Kreis liegt ein Wert jedes dieser Indikatoren vor")
                    .append(
                            excludedCount > 0
                                    ? " (" + excludedCount + (excludedCount == 1 ? " Kreis" : " Kreise")
                                            + " ohne Wert für mindestens einen)"
                                    : "")
                    .append(". Deshalb wurde keine Typisierung berechnet, und kein Kreis ist einem Cluster"
                            + " zugeordnet.")
                    .toString();
        }
        text.append(
                excludedCount == 0
                        ? "alle Kreise haben für jeden dieser Indikatoren einen Wert. "
                        : excludedCount
                                + (excludedCount == 1
                                        ? " Kreis ohne Wert für mindestens einen dieser Indikatoren " + "wird"
                                        : " Kreise ohne Wert für mindestens einen dieser Indikatoren werden")
                                + " nicht typisiert. ");
        text.append("Jeder Indikator wird über alle ")
                .append(includedCount)
                .append(" einbezogenen Kreise "
                        + "z-standardisiert (Abweichung vom arithmetischen Mittel, geteilt durch die Standardabweichung der "
                        + "Grundgesamtheit mit Divisor n); die z-Werte werden auf ")
                .append(Z_SCALE)
                .append(" Nachkommastellen gerundet. ");
        text.append("Zwei Gruppen werden getrennt gebildet: ")
                .append(spec.urbanGroup())
                .append(" (")
                .append(urban.kreise())
                .append(" Kreise) und ")
                .append(spec.ruralGroup())
                .append(" (")
                .append(rural.kreise())
                .append(" Kreise). Jede Gruppe wird mit dem k-Means++-Verfahren "
                        + "(euklidische Distanz der z-Werte, höchstens ")
                .append(spec.maxIterations())
                .append(" Iterationen) in ")
                .append(clusterCounts(urban, rural))
                .append(" Cluster geteilt; der Zufallsgenerator (Well19937c) wird für "
                        + "jede Gruppe mit dem festen Startwert ")
                .append(spec.seed())
                .append(" initialisiert, es " + "werden ")
                .append(spec.trials())
                .append(" Startkonfigurationen gerechnet und die mit der "
                        + "kleinsten Summe der quadrierten Abstände zum Clusterzentrum behalten. Die Kreise gehen "
                        + "nach amtlichem Gemeindeschlüssel sortiert ein, sodass dieselben Daten stets dieselben "
                        + "Cluster ergeben. ");
        text.append("Nummeriert werden die Cluster nach ihrem mittleren Teilhabe-Score, der Summe der z-Werte ");
        if (!better.isEmpty()) {
            text.append("mit positivem Vorzeichen für Indikatoren, bei denen ein höherer Wert bessere "
                            + "Teilhabechancen bedeutet (")
                    .append(germanList(better))
                    .append(")");
        }
        if (!better.isEmpty() && !worse.isEmpty()) {
            text.append(", und ");
        }
        if (!worse.isEmpty()) {
            text.append("mit negativem Vorzeichen für Indikatoren, bei denen ein höherer Wert schlechtere "
                            + "Teilhabechancen bedeutet (")
                    .append(germanList(worse))
                    .append(")");
        }
        if (!neutral.isEmpty()) {
            text.append("; ")
                    .append(germanList(neutral))
                    .append(neutral.size() == 1 ? " prägt" : " prägen")
                    .append(" die Cluster mit, ")
                    .append(neutral.size() == 1 ? "geht" : "gehen")
                    .append(" aber nicht in den Score ein");
        }
        text.append(". ")
                .append(capitalised(numbering(spec.urbanGroup(), urban, 1)))
                .append(", ")
                .append(numbering(spec.ruralGroup(), rural, spec.urbanClusters() + 1))
                .append(", jeweils von den besten zu den schlechtesten Teilhabechancen; bei gleichem Score steht "
                        + "das Cluster mit dem kleinsten Gemeindeschlüssel vorn.");
        return text.toString();
    }

    private static List<String> labelsWith(TypologySpec spec, Direction direction) {
        return spec.indicatorIds().stream()
                .filter(id -> spec.directions().get(id) == direction)
                .map(spec.labels()::get)
                .toList();
    }

    private static String clusterCounts(GroupSize urban, GroupSize rural) {
        return urban.clusters() == rural.clusters()
                ? "je " + urban.clusters()
                : urban.clusters() + " bzw. " + rural.clusters();
    }

    private static String numbering(String name, GroupSize group, int first) {
        if (group.kreise() == 0) {
            return name + " sind nicht vertreten";
        }
        int last = first + group.clusters() - 1;
        String numbers = last == first
                ? "die Nummer " + first
                : last == first + 1 ? "die Nummern " + first + " und " + last : "die Nummern " + first + " bis " + last;
        return name + " erhalten " + numbers;
    }

    private static String germanList(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " und " + items.get(items.size() - 1);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
