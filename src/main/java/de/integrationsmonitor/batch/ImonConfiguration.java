package de.integrationsmonitor.batch;

import de.integrationsmonitor.ingest.IngestLimits;
import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.region.KreisRegister;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The plain domain objects the services share. */
@Configuration
@EnableConfigurationProperties({ImonSettings.class, IngestLimits.class})
public class ImonConfiguration {

    /**
     * The clock of computations and of a report version's render time; {@code imon.clock.fixed} (an ISO instant,
     * environment IMON_CLOCK_FIXED) fixes it, so that separate runs that must give the same bytes can.
     */
    @Bean
    Clock clock(@Value("${imon.clock.fixed:${IMON_CLOCK_FIXED:}}") String fixed) {
        if (fixed == null || fixed.isBlank()) {
            return Clock.systemDefaultZone();
        }
        try {
            return Clock.fixed(Instant.parse(fixed.strip()), ZoneId.systemDefault());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "imon.clock.fixed (IMON_CLOCK_FIXED) '" + fixed + "' is not an instant like 2026-12-01T02:30:00Z",
                    e);
        }
    }

    /** The register of jobs/register, checked when it is read: a wrong file refuses every command (exit 2). */
    @Bean
    KreisRegister kreisRegister(ImonSettings settings) {
        return KreisRegister.load(settings.register());
    }

    /** One file, one transaction of its own, whatever the caller runs in: a file is stored whole or not at all. */
    @Bean
    TransactionTemplate fileTransaction(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }
}
