package dev.seqlab.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * No package cycles: every package of every module is one slice ({@code dev.seqlab.(**)}), and the
 * graph of their dependencies has no cycle, so each package can be read, tested and moved after the
 * ones it uses. (Cycles between modules are already impossible: Maven refuses them.)
 */
@AnalyzeClasses(packages = "dev.seqlab", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    /**
     * The composition root of the command line: {@code CommandRegistry} names every top-level command
     * (the point of a registry), while every command extends the base classes beside it in
     * {@code dev.seqlab.cli}. Its dependencies are the only ones ignored for good.
     */
    static final Set<String> COMPOSITION_ROOTS = Set.of("dev.seqlab.cli.CommandRegistry");

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.seqlab.(**)")
            .should()
            .beFreeOfCycles()
            .ignoreDependency(SeqlabModules.allowListed(COMPOSITION_ROOTS), DescribedPredicate.alwaysTrue());
}
