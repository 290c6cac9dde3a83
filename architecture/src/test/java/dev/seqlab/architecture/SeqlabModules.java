package dev.seqlab.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Set;

/**
 * The modules of DESIGN.md as class predicates, and the allow-list predicate the rules share.
 * A module is its packages: the ONNX format module is {@code dev.seqlab.onnx..} without
 * {@code dev.seqlab.onnx.runtime..}, the runtime side's own module.
 */
final class SeqlabModules {
    /** The packages that may use ONNX Runtime (the runtime module, sentence encoders, and the programs). */
    static final String[] ONNX_RUNTIME_SIDE = {
        "dev.seqlab.onnx.runtime..", "dev.seqlab.sentences..", "dev.seqlab.cli..", "dev.seqlab.bench.."
    };

    static final DescribedPredicate<JavaClass> CORE =
            resideInAPackage("dev.seqlab.core..").as("core");
    static final DescribedPredicate<JavaClass> ONNX_RUNTIME =
            resideInAPackage("dev.seqlab.onnx.runtime..").as("onnx runtime");
    static final DescribedPredicate<JavaClass> ONNX_FORMAT = resideInAPackage("dev.seqlab.onnx..")
            .and(DescribedPredicate.not(ONNX_RUNTIME))
            .as("onnx format");
    static final DescribedPredicate<JavaClass> RUNTIME_SIDE =
            resideInAnyPackage(ONNX_RUNTIME_SIDE).as("the ONNX Runtime side");

    private SeqlabModules() {}

    /**
     * The classes named in {@code allowList} (fully qualified) and their nested classes: the
     * known violations a rule tolerates until the change that removes them lands.
     */
    static DescribedPredicate<JavaClass> allowListed(Set<String> allowList) {
        return DescribedPredicate.describe("allow-listed " + allowList, c -> {
            String name = c.getName();
            int nested = name.indexOf('$');
            return allowList.contains(nested < 0 ? name : name.substring(0, nested));
        });
    }
}
