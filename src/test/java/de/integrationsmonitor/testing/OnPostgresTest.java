package de.integrationsmonitor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.cache.DefaultCacheAwareContextLoaderDelegate;
import org.springframework.test.context.support.DefaultBootstrapContext;
import org.springframework.test.context.support.DefaultTestContextBootstrapper;

/**
 * {@link OnPostgres} without a PostgreSQL: the skip and its reason, the profile (as a meta-annotation it adds
 * {@code postgres} to the profiles a superclass declares, as {@code @ActiveProfiles("postgres")} on the class did),
 * one schema and one context per class.
 */
class OnPostgresTest {

    @Test
    void aClassIsSkippedWithTheReasonWhenNothingAnswers() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }

        ConditionEvaluationResult result = OnPostgresExtension.evaluate("127.0.0.1", port);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).contains("no PostgreSQL answers on 127.0.0.1:5432");
    }

    @Test
    void aClassRunsWhenSomethingAnswers() throws IOException {
        try (ServerSocket open = new ServerSocket(0)) {
            assertThat(OnPostgresExtension.evaluate("127.0.0.1", open.getLocalPort())
                            .isDisabled())
                    .isFalse();
        }
    }

    @Test
    void thePostgresProfileIsActiveAlsoOnASubclassOfAnH2ClassWithItsOwnAnnotations() {
        assertThat(activeProfiles(Twin.class)).containsExactly("h2", "postgres");
        assertThat(activeProfiles(PlainTwin.class)).containsExactly("postgres");
    }

    /** The profiles Spring's test context resolves for TEST_CLASS (its context cache key's). */
    static String[] activeProfiles(Class<?> testClass) {
        DefaultTestContextBootstrapper bootstrapper = new DefaultTestContextBootstrapper();
        bootstrapper.setBootstrapContext(
                new DefaultBootstrapContext(testClass, new DefaultCacheAwareContextLoaderDelegate()));
        return bootstrapper.buildMergedContextConfiguration().getActiveProfiles();
    }

    @Test
    void eachClassHasASchemaOfItsOwnAndAContextOfItsOwn() {
        OnPostgresContextCustomizerFactory factory = new OnPostgresContextCustomizerFactory();
        ContextCustomizer twin = factory.createContextCustomizer(Twin.class, List.of());
        ContextCustomizer other = factory.createContextCustomizer(OtherTwin.class, List.of());

        assertThat(PostgresSchema.of(Twin.class)).startsWith("imon_twin_").isEqualTo(PostgresSchema.of(Twin.class));
        assertThat(PostgresSchema.of(OtherTwin.class))
                .startsWith("imon_twin_")
                .isNotEqualTo(PostgresSchema.of(Twin.class));
        assertThat(twin)
                .isEqualTo(factory.createContextCustomizer(Twin.class, List.of()))
                .hasSameHashCodeAs(factory.createContextCustomizer(Twin.class, List.of()))
                .isNotEqualTo(other);
        assertThat(factory.createContextCustomizer(H2.class, List.of())).isNull();
        assertThat(PostgresSchema.properties(PostgresSchema.of(Twin.class)))
                .containsEntry("spring.flyway.default-schema", PostgresSchema.of(Twin.class))
                .containsEntry("spring.flyway.schemas", PostgresSchema.of(Twin.class))
                .containsEntry("IMON_DB_URL", PostgresSchema.URL + "?currentSchema=" + PostgresSchema.of(Twin.class))
                .containsEntry("IMON_DB_USER", PostgresSchema.USER);
    }

    @ActiveProfiles("h2")
    static class H2 {}

    @OnPostgres("imon_twin")
    static class Twin extends H2 {}

    @OnPostgres("imon_twin")
    static class OtherTwin extends H2 {}

    @OnPostgres("imon_twin")
    static class PlainTwin {}
}
