package dev.seqlab.sentences;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.testing.ParallelAgreement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SentenceEncoder is documented as safe to {@code encode} from several threads: 8 threads agree with one. */
class SentenceEncoderConcurrencyTest {

    @Test
    void eightThreadsGetTheSequentialVectors() throws Exception {
        List<String> sentences =
                TestSentences.all().subList(0, Math.min(24, TestSentences.all().size()));
        try (SentenceEncoder encoder = SentenceEncoder.allMiniLmL6V2Q()) {
            long compared = ParallelAgreement.check(8, Duration.ofSeconds(2), sentences, encoder::encode);
            assertTrue(compared >= 8 * sentences.size(), compared + " answers compared");
        }
    }
}
