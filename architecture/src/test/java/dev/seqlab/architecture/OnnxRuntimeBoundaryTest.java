package dev.seqlab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * ONNX Runtime (a native library of some hundred megabytes) is used only on the runtime side:
 * {@code dev.seqlab.onnx.runtime..}, the sentence encoders {@code dev.seqlab.sentences..}, and the
 * programs (cli, bench). The format module, rnn, attention, embeddings, generators and corpora build,
 * read and interpret graphs through the protobuf classes only, so their users never load it.
 */
@AnalyzeClasses(packages = "dev.seqlab", importOptions = ImportOption.DoNotIncludeTests.class)
class OnnxRuntimeBoundaryTest {

    @ArchTest
    static final ArchRule ONLY_THE_RUNTIME_SIDE_USES_ONNX_RUNTIME = noClasses()
            .that(DescribedPredicate.not(SeqlabModules.RUNTIME_SIDE))
            .should()
            .dependOnClassesThat()
            .resideInAPackage("ai.onnxruntime..")
            .because("only dev.seqlab.onnx.runtime, dev.seqlab.sentences, cli and bench may load the native runtime");
}
