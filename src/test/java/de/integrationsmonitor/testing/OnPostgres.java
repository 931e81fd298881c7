package de.integrationsmonitor.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ActiveProfiles;

/**
 * Runs a Spring test class on the PostgreSQL of this machine (127.0.0.1:5432, database test) with the shipped
 * {@code postgres} profile, in a schema of its own: {@link #value()} plus a unique suffix, set through IMON_DB_URL
 * (and Flyway's schema) by {@link OnPostgresContextCustomizerFactory} and dropped after the class by
 * {@link OnPostgresExtension}. The class is skipped, with the reason {@value #NO_POSTGRES}, when nothing answers
 * there. A test that needs the schema's name (a child process, say) asks {@link PostgresSchema#of(Class)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ActiveProfiles("postgres")
@ExtendWith(OnPostgresExtension.class)
@Tag("slow")
public @interface OnPostgres {

    /** The reason a class is skipped with. */
    String NO_POSTGRES = "no PostgreSQL answers on 127.0.0.1:5432";

    /** The prefix of the schema's name, e.g. {@code imon_nightly}. */
    String value();
}
