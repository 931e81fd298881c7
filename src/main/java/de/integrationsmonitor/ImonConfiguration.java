package de.integrationsmonitor;

import de.integrationsmonitor.ingest.IngestLimits;
import de.integrationsmonitor.region.KreisRegister;
import java.time.Clock;
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

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
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
