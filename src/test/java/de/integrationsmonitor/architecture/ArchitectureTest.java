package de.integrationsmonitor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of the product, as STYLE.md describes it: the domain packages (in the order data travel) know
 * nothing of the store, of Spring Batch or of the command line; {@code store/} implements the interfaces the domain
 * declares; {@code batch/} only wires steps to domain services; {@code cli/} parses, calls and prints. Spring's
 * stereotype and transaction annotations are allowed in domain services; Spring Batch and JDBC are not.
 */
@AnalyzeClasses(packages = "de.integrationsmonitor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] DOMAIN = {"..observation..", "..fetch..", "..ingest..", "..region..", "..validate..",
            "..indicator..", "..report..", "..audit..", "..disclosure.."};

    @ArchTest
    static final ArchRule noPackageCyclesBetweenCapabilities = slices().matching("de.integrationsmonitor.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domainKnowsNeitherStoreNorBatchNorCommandLine = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("..store..", "..batch..", "..cli..", "..benchmark..")
            .because("the domain declares what it needs; store/ implements it and batch/ wires it");

    @ArchTest
    static final ArchRule springBatchOnlyInBatch = noClasses()
            .that().resideOutsideOfPackage("..batch..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.batch..")
            .because("jobs and steps are wiring; the work lives in plain domain classes");

    @ArchTest
    static final ArchRule messagingOnlyInBatch = noClasses()
            .that().resideOutsideOfPackage("..batch..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.amqp..",
                    "org.springframework.integration..", "com.rabbitmq..")
            .because("the broker carries partitions of steps: remote partitioning is batch wiring");

    @ArchTest
    static final ArchRule jdbcOnlyInStore = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..",
                    "org.springframework.jdbc..")
            .because("SQL belongs to store/, behind the interfaces the domain declares");

    @ArchTest
    static final ArchRule storeDoesNotReachUp = noClasses()
            .that().resideInAPackage("..store..")
            .should().dependOnClassesThat().resideInAnyPackage("..batch..", "..cli..");

    @ArchTest
    static final ArchRule batchDoesNotKnowTheCommandLine = noClasses()
            .that().resideInAPackage("..batch..")
            .should().dependOnClassesThat().resideInAPackage("..cli..");
}
