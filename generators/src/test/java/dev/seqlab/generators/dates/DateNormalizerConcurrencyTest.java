package dev.seqlab.generators.dates;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.testing.ParallelAgreement;
import dev.seqlab.corpora.dates.DatePair;
import dev.seqlab.corpora.dates.DatePairs;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DateNormalizer is documented as safe to use from several threads: 8 threads normalising at
 * once get the sequential answers, probabilities and attention included. A small model is
 * enough (its accuracy is DateNormalizerTest's business).
 */
class DateNormalizerConcurrencyTest {

    @Test
    void eightThreadsAgreeWithOneForBothArchitectures() {
        List<String> inputs =
                DatePairs.generate(40, 77).stream().map(DatePair::human).toList();
        for (DateNormalizer.Architecture a : DateNormalizer.Architecture.values()) {
            DateNormalizer n =
                    DateNormalizer.train(DateNormalizer.Training.defaults(a).withSize(800, 1), ProgressListener.NONE);
            long compared = ParallelAgreement.check(8, Duration.ofSeconds(2), inputs, in -> {
                DateNormalizer.Result r = n.normalize(in);
                return List.of(r.iso(), Arrays.toString(r.probabilities()), Arrays.deepToString(r.attention()));
            });
            assertTrue(compared >= 8 * inputs.size(), a + ": " + compared + " answers compared");
        }
    }
}
