package dev.seqlab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Jetty, the explorer's HTTP server, is used by {@code dev.seqlab.explorer.server} alone: the
 * rest of the explorer (its API, t-SNE) and every other module stay free of it, and the command
 * line loads its classes only when {@code seqlab embeddings serve} starts a server.
 */
@AnalyzeClasses(packages = "dev.seqlab", importOptions = ImportOption.DoNotIncludeTests.class)
class JettyBoundaryTest {

    @ArchTest
    static final ArchRule ONLY_THE_EXPLORERS_SERVER_USES_JETTY = noClasses()
            .that()
            .resideOutsideOfPackage("dev.seqlab.explorer.server..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.eclipse.jetty..")
            .because("only dev.seqlab.explorer.server may use the HTTP server, so that other commands never load it");
}
