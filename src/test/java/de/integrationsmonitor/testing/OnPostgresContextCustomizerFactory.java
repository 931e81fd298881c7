package de.integrationsmonitor.testing;

import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * The Spring side of {@link OnPostgres} (registered in META-INF/spring.factories): points the context of an
 * annotated test class at the class's schema. The customizer is part of the context cache key and equal only for
 * the same schema, so two classes never share a context on different schemas.
 */
public class OnPostgresContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        if (TestContextAnnotationUtils.findMergedAnnotation(testClass, OnPostgres.class) == null) {
            return null;
        }
        return new SchemaCustomizer(PostgresSchema.of(testClass));
    }

    /** Adds IMON_DB_URL, IMON_DB_USER and Flyway's schema for SCHEMA, ahead of the other property sources. */
    record SchemaCustomizer(String schema) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("onPostgres " + schema, PostgresSchema.properties(schema)));
        }
    }
}
