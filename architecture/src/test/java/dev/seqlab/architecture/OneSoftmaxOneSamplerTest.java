package dev.seqlab.architecture;

import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One softmax and one sampling chain, in core. Issue 14 found softmax written six times beside
 * core's SIMD kernel; these rules keep it at one. They are about code shape, so they are precise
 * rather than clever:
 * <ol>
 *   <li>no call to {@code Math.exp} or {@code StrictMath.exp} outside {@code dev.seqlab.core} — every
 *       softmax, log-sum-exp and sigmoid goes through core's kernels ({@code Softmax},
 *       {@code Activations}); an exponential elsewhere is almost always a softmax written again;</li>
 *   <li>no method named {@code softmax…} or {@code logSoftmax…} (any case) declared outside core (an
 *       option such as word2vec's {@code hierarchicalSoftmax()} is not matched; bench, which
 *       measures core's kernels by name, is not imported here);</li>
 *   <li>no method outside core named for a step of the sampling chain — {@code draw},
 *       {@code categorical}, {@code topK}, {@code topP}, {@code nucleus} (any case, any suffix) —
 *       that takes a {@code float[]} or {@code double[]} (logits or probabilities): temperature →
 *       top-k → top-p → categorical lives once in core. A piano roll's {@code draw(Graphics2D, …)}
 *       is not a sampler and is not matched.</li>
 * </ol>
 */
@AnalyzeClasses(packages = "dev.seqlab", importOptions = ImportOption.DoNotIncludeTests.class)
class OneSoftmaxOneSamplerTest {

    /**
     * Exponentials that are not a softmax and stay: word2vec's precomputed logistic table (the
     * original C tool's EXP_TABLE, read millions of times per second in the training loop).
     */
    static final Set<String> NOT_A_SOFTMAX = Set.of("dev.seqlab.embeddings.word2vec.SigmoidTable");

    private static final DescribedPredicate<JavaClass> EXEMPT =
            SeqlabModules.CORE.or(SeqlabModules.allowListed(NOT_A_SOFTMAX));

    private static final Pattern SAMPLING_STEP = Pattern.compile("(?i)(draw|categorical|top_?k|top_?p|nucleus).*");

    private static final DescribedPredicate<JavaMethod> SAMPLING_STEP_OVER_AN_ARRAY = DescribedPredicate.describe(
            "named draw/categorical/topK/topP/nucleus… with a float[] or double[] parameter",
            m -> SAMPLING_STEP.matcher(m.getName()).matches()
                    && m.getRawParameterTypes().stream()
                            .anyMatch(
                                    t -> t.getName().equals("[F") || t.getName().equals("[D")));

    @ArchTest
    static final ArchRule NO_EXPONENTIAL_OUTSIDE_CORE = noClasses()
            .that(DescribedPredicate.not(EXEMPT))
            .should()
            .callMethod(Math.class, "exp", double.class)
            .orShould()
            .callMethod(StrictMath.class, "exp", double.class)
            .because("softmax, log-sum-exp and sigmoid are core kernels (dev.seqlab.core.kernel)");

    @ArchTest
    static final ArchRule NO_SOFTMAX_METHOD_OUTSIDE_CORE = noMethods()
            .that()
            .areDeclaredInClassesThat(DescribedPredicate.not(EXEMPT))
            .should()
            .haveNameMatching("(?i)(log_?)?softmax.*")
            .because("the one softmax (with its masked and strided variants) is dev.seqlab.core.kernel.Softmax");

    @ArchTest
    static final ArchRule NO_SAMPLING_STEP_OUTSIDE_CORE = noMethods()
            .that()
            .areDeclaredInClassesThat(DescribedPredicate.not(EXEMPT))
            .should(be(SAMPLING_STEP_OVER_AN_ARRAY))
            .because("temperature, top-k, top-p and the categorical draw are one chain in core");
}
