package dev.seqlab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module table of DESIGN.md ("depends on"), checked on the code rather than on the poms: each
 * module may use only the modules below it. Maven already refuses a dependency cycle between
 * modules; these rules catch what Maven cannot see — a package moved into the wrong module, or a
 * module using one it does not declare through another's transitive dependency (generators reaching
 * embeddings through cli's classpath, rnn reaching the ONNX runtime through the onnx module).
 */
@AnalyzeClasses(packages = "dev.seqlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleLayeringTest {

    /**
     * core at the bottom; the ONNX format module on core only; the runtime module on the format;
     * sentence encoders on the runtime; corpora on core; embeddings on core and corpora; rnn on
     * core, corpora and the ONNX format; attention adds rnn; generators add attention (not
     * embeddings); classify on embeddings and rnn; the explorer (a web page over word vectors) on
     * embeddings and sentences, reaching ONNX Runtime only through the sentence encoder; the Spark
     * jobs on embeddings and sentences, used by nothing but bench (the CLI jar must not need Spark);
     * cli on everything but spark and bench; nothing on cli or bench.
     */
    @ArchTest
    static final ArchRule MODULES_USE_ONLY_THE_MODULES_BELOW_THEM = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("core")
            .definedBy(SeqlabModules.CORE)
            .layer("onnx")
            .definedBy(SeqlabModules.ONNX_FORMAT)
            .layer("onnx-runtime")
            .definedBy(SeqlabModules.ONNX_RUNTIME)
            .layer("sentences")
            .definedBy("dev.seqlab.sentences..")
            .layer("corpora")
            .definedBy("dev.seqlab.corpora..")
            .layer("embeddings")
            .definedBy("dev.seqlab.embeddings..")
            .layer("rnn")
            .definedBy("dev.seqlab.rnn..")
            .layer("attention")
            .definedBy("dev.seqlab.attention..")
            .layer("generators")
            .definedBy("dev.seqlab.generators..")
            .layer("classify")
            .definedBy("dev.seqlab.classify..")
            .layer("explorer")
            .definedBy("dev.seqlab.explorer..")
            .layer("spark")
            .definedBy("dev.seqlab.spark..")
            .layer("cli")
            .definedBy("dev.seqlab.cli..")
            .optionalLayer("bench")
            .definedBy("dev.seqlab.bench..")
            .whereLayer("core")
            .mayNotAccessAnyLayer()
            .whereLayer("onnx")
            .mayOnlyAccessLayers("core")
            .whereLayer("onnx-runtime")
            .mayOnlyAccessLayers("onnx", "core")
            .whereLayer("sentences")
            .mayOnlyAccessLayers("onnx-runtime", "onnx", "core")
            .whereLayer("corpora")
            .mayOnlyAccessLayers("core")
            .whereLayer("embeddings")
            .mayOnlyAccessLayers("corpora", "core")
            .whereLayer("rnn")
            .mayOnlyAccessLayers("onnx", "corpora", "core")
            .whereLayer("attention")
            .mayOnlyAccessLayers("rnn", "onnx", "corpora", "core")
            .whereLayer("generators")
            .mayOnlyAccessLayers("attention", "rnn", "onnx", "corpora", "core")
            .whereLayer("classify")
            .mayOnlyAccessLayers("embeddings", "rnn", "onnx", "corpora", "core")
            .whereLayer("explorer")
            .mayOnlyAccessLayers("sentences", "embeddings", "corpora", "core")
            .whereLayer("spark")
            .mayOnlyAccessLayers("sentences", "onnx-runtime", "onnx", "embeddings", "corpora", "core")
            .whereLayer("spark")
            .mayOnlyBeAccessedByLayers("bench")
            .whereLayer("cli")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("bench")
            .mayNotBeAccessedByAnyLayer();

    /** The programs sit on top: no library class may reach into the command line or the benchmarks. */
    @ArchTest
    static final ArchRule NOTHING_DEPENDS_ON_CLI_OR_BENCH = noClasses()
            .that()
            .resideOutsideOfPackages("dev.seqlab.cli..", "dev.seqlab.bench..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.seqlab.cli..", "dev.seqlab.bench..");

    /** The generators are models, not word vectors: issue 14 found the dependency declared and unused. */
    @ArchTest
    static final ArchRule GENERATORS_DO_NOT_USE_EMBEDDINGS = noClasses()
            .that()
            .resideInAPackage("dev.seqlab.generators..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.seqlab.embeddings..");
}
