package de.integrationsmonitor.testing;

import java.util.List;
import java.util.Random;

/**
 * Seeded random cases for plain JUnit tests: a fixed number of cases drawn from one seed, each case named with the seed
 * and its number, so that a failure can be reproduced exactly by running the test again with
 * {@code -Dimon.test.seed=<seed>} (and narrowed to the failing case with {@code -Dimon.test.case=<n>}).
 *
 * <pre>
 * SeededCases.of("mutated extract", 150).forEach(random -&gt; { ... assertions ... });
 * </pre>
 * Each case gets its own {@link Random}, derived from the seed and the case number, so that the cases do not depend on
 * how many numbers an earlier case drew.
 */
public final class SeededCases {

    /** The system property that overrides the seed, to reproduce a failure. */
    public static final String SEED_PROPERTY = "imon.test.seed";
    /** The system property that runs only one case of the seed. */
    public static final String CASE_PROPERTY = "imon.test.case";

    private final String name;
    private final int count;
    private final long seed;

    private SeededCases(String name, int count, long seed) {
        this.name = name;
        this.count = count;
        this.seed = seed;
    }

    /** {@code count} cases of a fresh seed (or of {@code -Dimon.test.seed} when set). */
    public static SeededCases of(String name, int count) {
        String given = System.getProperty(SEED_PROPERTY);
        long seed = given == null || given.isBlank() ? new Random().nextLong() : Long.parseLong(given.trim());
        return new SeededCases(name, count, seed);
    }

    /** {@code count} cases of a fixed seed (the system property still overrides it). */
    public static SeededCases of(String name, int count, long seed) {
        String given = System.getProperty(SEED_PROPERTY);
        return new SeededCases(name, count, given == null || given.isBlank() ? seed : Long.parseLong(given.trim()));
    }

    public long seed() {
        return seed;
    }

    /** How to reproduce case {@code number}: the text every failure carries. */
    public String reproduction(int number) {
        return name + ", case " + number + " of " + count + " (reproduce with -D" + SEED_PROPERTY + "=" + seed + " -D"
                + CASE_PROPERTY + "=" + number + ")";
    }

    /** The random source of case {@code number}: the same for the same seed and number. */
    public Random random(int number) {
        return new Random(seed * 31 + number * 0x9E3779B97F4A7C15L);
    }

    /** Runs every case; a failing case fails with the seed and case number in front of its message. */
    public void forEach(Case body) {
        String only = System.getProperty(CASE_PROPERTY);
        for (int number = 1; number <= count; number++) {
            if (only != null && !only.isBlank() && Integer.parseInt(only.trim()) != number) {
                continue;
            }
            try {
                body.run(random(number));
            } catch (AssertionError failure) {
                throw new AssertionError(reproduction(number) + ": " + failure.getMessage(), failure);
            } catch (Exception | StackOverflowError | OutOfMemoryError thrown) {
                throw new AssertionError(reproduction(number) + ": threw " + thrown, thrown);
            }
        }
    }

    /** Draws one of the given values. */
    @SafeVarargs
    public static <T> T oneOf(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    /** Draws one element of a non-empty list. */
    public static <T> T oneOf(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The body of one case; it may throw. */
    @FunctionalInterface
    public interface Case {
        void run(Random random) throws Exception;
    }
}
