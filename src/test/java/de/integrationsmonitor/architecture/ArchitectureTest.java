package de.integrationsmonitor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Arrays;
import java.util.List;

/**
 * The layering of the product, as STYLE.md describes it, in the order the data travel: the shared kernel at the
 * bottom; the observations and the Kreis register; the rules; reading extracts (ingest), then fetching them; the
 * indicators; the reports; the audit. Above the domain, {@code store/} implements the interfaces the domain declares,
 * {@code batch/} only wires steps to domain services, the benchmark measures them, {@code cli/} parses, calls and
 * prints, and the main class starts it all. A layer may use only the layers below it. Spring's stereotype and
 * transaction annotations are allowed in domain services; Spring Batch and JDBC are not.
 */
@AnalyzeClasses(packages = "de.integrationsmonitor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "de.integrationsmonitor";

    /** Each layer with its packages, from the bottom up: a layer may use only those before it. */
    private static final List<String[]> LAYERS = List.of(
            new String[] {"Kernel", ROOT + ".kernel..", ROOT + ".yaml.."},
            new String[] {"Register", ROOT + ".region.."},
            new String[] {"Observations", ROOT + ".observation.."},
            new String[] {"Source descriptions", ROOT + ".datenquellen.."},
            new String[] {"Rules", ROOT + ".validate.."},
            new String[] {"Ingest", ROOT + ".ingest.."},
            new String[] {"Fetch", ROOT + ".fetch.."},
            new String[] {"Indicators", ROOT + ".indicator.."},
            new String[] {"Goals and measures", ROOT + ".goal.."},
            new String[] {"Disclosure control", ROOT + ".disclosure.."},
            new String[] {"Report edition", ROOT + ".report.edition.."},
            new String[] {"Report maps", ROOT + ".report.map.."},
            new String[] {"Report filling", ROOT + ".report.fill.."},
            new String[] {"Report PDF", ROOT + ".report.pdf.."},
            new String[] {"Report publishing", ROOT + ".report.publish.."},
            new String[] {"Report", ROOT + ".report"},
            new String[] {"Audit", ROOT + ".audit.."},
            new String[] {"Store", ROOT + ".store.."},
            new String[] {"Batch", ROOT + ".batch.."},
            new String[] {"Benchmark", ROOT + ".benchmark.."},
            new String[] {"Command line", ROOT + ".cli.."},
            new String[] {"Main", ROOT});

    static final String[] DOMAIN = {
        "..kernel..",
        "..yaml..",
        "..observation..",
        "..datenquellen..",
        "..fetch..",
        "..ingest..",
        "..region..",
        "..validate..",
        "..indicator..",
        "..goal..",
        "..disclosure..",
        "..report..",
        "..audit.."
    };

    @ArchTest
    static final ArchRule layersInTheOrderTheDataTravel = layers();

    private static LayeredArchitecture layers() {
        LayeredArchitecture layered = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String[] layer : LAYERS) {
            layered = layered.layer(layer[0]).definedBy(Arrays.copyOfRange(layer, 1, layer.length));
        }
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            String[] above =
                    LAYERS.subList(i + 1, LAYERS.size()).stream().map(l -> l[0]).toArray(String[]::new);
            layered = layered.whereLayer(LAYERS.get(i)[0]).mayOnlyBeAccessedByLayers(above);
        }
        return layered.whereLayer("Main").mayNotBeAccessedByAnyLayer();
    }

    /**
     * Every capability in a slice of its own, the root package (the main class) and the kernel too, so that a cycle
     * through the root is seen. The report's sub-packages are ordered by the layers above; inside {@code indicator/}
     * the typology still shares {@code Direction} with the catalogue, so its sub-packages count with it.
     */
    @ArchTest
    static final ArchRule noPackageCycles = slices().assignedFrom(new SliceAssignment() {
                @Override
                public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                    String name = javaClass.getPackageName();
                    if (name.equals(ROOT)) {
                        return SliceIdentifier.of("(root)");
                    }
                    return name.startsWith(ROOT + ".")
                            ? SliceIdentifier.of(
                                    name.substring(ROOT.length() + 1).split("\\.")[0])
                            : SliceIdentifier.ignore();
                }

                @Override
                public String getDescription() {
                    return "every package of " + ROOT + ", the root included";
                }
            })
            .should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule theRootHoldsOnlyTheMainClass = classes()
            .that()
            .resideInAPackage(ROOT)
            .and()
            .areTopLevelClasses()
            .should()
            .haveSimpleName("Integrationsmonitor")
            .because("what every stage uses lives in kernel/; the root package is the main class only");

    @ArchTest
    static final ArchRule domainKnowsNeitherStoreNorBatchNorCommandLine = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..store..", "..batch..", "..cli..", "..benchmark..")
            .because("the domain declares what it needs; store/ implements it and batch/ wires it");

    @ArchTest
    static final ArchRule commandLineDoesNotReachIntoTheStore = noClasses()
            .that()
            .resideInAPackage("..cli..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..store..")
            .because("a command calls domain services and the interfaces the domain declares, not repositories");

    @ArchTest
    static final ArchRule springBatchOnlyInBatch = noClasses()
            .that()
            .resideOutsideOfPackage("..batch..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.batch..")
            .because("jobs and steps are wiring; the work lives in plain domain classes");

    @ArchTest
    static final ArchRule messagingOnlyInBatch = noClasses()
            .that()
            .resideOutsideOfPackage("..batch..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.amqp..", "org.springframework.integration..", "com.rabbitmq..")
            .because("the broker carries partitions of steps: remote partitioning is batch wiring");

    @ArchTest
    static final ArchRule jdbcOnlyInStore = noClasses()
            .that()
            .resideOutsideOfPackage("..store..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "java.sql..",
                    "javax.sql..",
                    "org.springframework.jdbc..",
                    "com.zaxxer.hikari..",
                    "org.flywaydb..",
                    "org.h2..",
                    "org.postgresql..")
            .because("SQL belongs to store/, behind the interfaces the domain declares; the benchmark's throw-away"
                    + " database is store/ScratchDatabase");

    @ArchTest
    static final ArchRule storeDoesNotReachUp = noClasses()
            .that()
            .resideInAPackage("..store..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..batch..", "..cli..", "..benchmark..");

    @ArchTest
    static final ArchRule batchDoesNotKnowTheCommandLine = noClasses()
            .that()
            .resideInAPackage("..batch..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..cli..");
}
