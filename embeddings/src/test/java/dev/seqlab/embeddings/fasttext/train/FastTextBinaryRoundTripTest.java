package dev.seqlab.embeddings.fasttext.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seqlab.corpora.text.Corpus;
import dev.seqlab.embeddings.fasttext.FastTextArchitecture;
import dev.seqlab.embeddings.fasttext.FastTextBinary;
import dev.seqlab.embeddings.fasttext.FastTextModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trained model written as a fastText {@code .bin} reads back with the same args, dictionary and matrices. */
class FastTextBinaryRoundTripTest {

    @Test
    void aTrainedModelReadsBackEqual(@TempDir Path dir) throws IOException {
        SplittableRandom rnd = new SplittableRandom(4);
        List<List<String>> sentences = new ArrayList<>();
        for (int s = 0; s < 1_500; s++) {
            List<String> sentence = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                sentence.add("wörd" + rnd.nextInt(40) + (rnd.nextBoolean() ? "ing" : "s"));
            }
            sentences.add(sentence);
        }
        FastTextOptions o = FastTextOptions.defaults()
                .withArchitecture(FastTextArchitecture.CBOW)
                .withDim(10)
                .withBucket(5_000)
                .withEpoch(1);
        FastTextModel trained = FastText.train(Corpus.of(sentences), o);
        Path bin = dir.resolve("model.bin");
        FastTextBinary.write(trained, bin);
        FastTextModel read = FastTextBinary.read(bin);

        assertEquals(trained.args(), read.args());
        assertEquals(trained.dictionary().entries(), read.dictionary().entries());
        assertEquals(trained.dictionary().ntokens(), read.dictionary().ntokens());
        for (int i = 0; i < trained.nwords(); i++) {
            assertEquals(trained.dictionary().count(i), read.dictionary().count(i));
        }
        assertArrayEquals(trained.input().asArray(), read.input().asArray());
        assertArrayEquals(trained.output().asArray(), read.output().asArray());
        for (String w : List.of("wörd3ing", "wörd17s", "wörd99ing", "unseen")) {
            assertArrayEquals(trained.wordVector(w), read.wordVector(w), w);
        }
    }
}
