package de.integrationsmonitor.testing;

import java.util.Arrays;
import java.util.Optional;

/**
 * The services a CI run is meant to have: with {@code CI=true}, {@code IMON_CI_SERVICES} (set by {@code .ci/run},
 * e.g. {@code postgresql rabbitmq}) names them, and a test that needs one of them fails when it does not answer,
 * instead of skipping; so a green CI has run every test. On a developer's machine (no {@code CI}) such a test is
 * skipped with the reason, as before.
 */
public final class CiServices {

    private CiServices() {}

    /** Whether this run is meant to have {@code service} ({@code postgresql}, {@code rabbitmq}). */
    public static boolean expected(String service) {
        return "true".equalsIgnoreCase(System.getenv("CI"))
                && Arrays.asList(Optional.ofNullable(System.getenv("IMON_CI_SERVICES"))
                                .orElse("")
                                .toLowerCase()
                                .split("[\\s,]+"))
                        .contains(service);
    }

    /**
     * {@code answers}, unless the run is meant to have {@code service} and it does not answer: then the test fails,
     * naming what is missing.
     */
    public static boolean answers(String service, boolean answers, String where) {
        if (!answers && expected(service)) {
            throw new AssertionError("CI=true and IMON_CI_SERVICES names " + service + ", but nothing answers on "
                    + where + ": the tests that need it would be skipped");
        }
        return answers;
    }
}
