package dev.seqlab.embeddings.fasttext.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.corpora.text.Corpus;
import dev.seqlab.corpora.text.TextCorpusOptions;
import dev.seqlab.corpora.text.Tokenizers;
import dev.seqlab.embeddings.Neighbor;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.fasttext.FastTextArchitecture;
import dev.seqlab.embeddings.fasttext.FastTextModel;
import dev.seqlab.embeddings.fasttext.Subwords;
import dev.seqlab.embeddings.synthetic.SyntheticRelations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * fastText training end to end on small synthetic corpora: the word2vec tests' built-in
 * analogies are learnt with subwords on; on a corpus of morphological families (made-up stems,
 * each with its own topic words, inflected with shared suffixes) an inflection never seen gets a
 * vector, from its n-grams, whose nearest dictionary words are its own family's; the model has
 * fastText's dictionary and matrix shapes; one thread and a seed give the same bytes.
 */
class FastTextTrainingTest {
    private static final List<List<String>> RELATIONS = SyntheticRelations.corpus(30_000, 7);
    private static final String[] STEMS = {"blorf", "quazzle", "trindok", "mepsy", "gavrik", "zelquon"};
    private static final String[] SUFFIXES = {"", "s", "ed", "ing", "er", "ness"};

    private static FastTextOptions small(FastTextArchitecture a) {
        return FastTextOptions.defaults()
                .withArchitecture(a)
                .withDim(24)
                .withWs(4)
                .withEpoch(3)
                .withBucket(20_000)
                .withT(0)
                .withSeed(11);
    }

    private static FastTextReport train(List<List<String>> sentences, FastTextOptions o) throws IOException {
        return FastText.train(Corpus.of(sentences), o, ProgressListener.NONE);
    }

    @ParameterizedTest
    @EnumSource(
            value = FastTextArchitecture.class,
            names = {"SKIPGRAM", "CBOW"})
    void learnsTheSyntheticRelations(FastTextArchitecture a) throws IOException {
        WordVectors wv = train(RELATIONS, small(a).withNgrams(3, 4).withLr(a == FastTextArchitecture.CBOW ? 0.1 : 0.05))
                .vectors();
        double gender = SyntheticRelations.analogyAccuracy(wv, SyntheticRelations.GENDER_PAIRS);
        double capitals = SyntheticRelations.analogyAccuracy(wv, SyntheticRelations.CAPITALS);
        assertTrue(gender >= 0.9, a + ": man : woman :: king : queen analogies " + gender);
        assertTrue(capitals >= 0.9, a + ": france : paris :: japan : tokyo analogies " + capitals);
        assertTrue(wv.similarity("king", "queen") > wv.similarity("king", "tokyo"));
    }

    /**
     * Sentences about one stem's topic: the stem inflected by one suffix among topic words; the
     * {@code -ing} form of every stem is held out.
     */
    private static List<List<String>> families(int sentences, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<List<String>> out = new ArrayList<>(sentences);
        for (int s = 0; s < sentences; s++) {
            int stem = rnd.nextInt(STEMS.length);
            List<String> sentence = new ArrayList<>();
            for (int i = 0, n = 4 + rnd.nextInt(4); i < n; i++) {
                sentence.add("t" + (char) ('a' + stem) + rnd.nextInt(6));
            }
            String suffix;
            do {
                suffix = SUFFIXES[rnd.nextInt(SUFFIXES.length)];
            } while (suffix.equals("ing"));
            sentence.add(rnd.nextInt(sentence.size() + 1), STEMS[stem] + suffix);
            out.add(sentence);
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(
            value = FastTextArchitecture.class,
            names = {"SKIPGRAM", "CBOW"})
    void anUnseenInflectionLandsAmongItsFamily(FastTextArchitecture a) throws IOException {
        FastTextReport r = train(families(6_000, 3), small(a).withEpoch(5));
        FastTextModel model = r.model();
        WordVectors wv = r.vectors();
        for (String stem : STEMS) {
            String unseen = stem + "ing";
            assertFalse(model.contains(unseen), unseen + " was held out");
            List<Neighbor> near = wv.similarByVector(model.wordVector(unseen), 3);
            for (Neighbor n : near) {
                assertTrue(n.word().startsWith(stem), a + ": " + unseen + "'s neighbours " + near);
            }
        }
        // without n-grams there is nothing to go on: the unseen word has no vector at all
        FastTextModel plain =
                train(families(2_000, 3), small(a).withNgrams(0, 0)).model();
        assertArrayEquals(new float[24], plain.wordVector("blorfing"));
        assertEquals(0, plain.args().bucket());
    }

    @Test
    void theModelHasFastTextsDictionaryAndShapes() throws IOException {
        List<List<String>> sentences = families(3_000, 5);
        FastTextOptions o = small(FastTextArchitecture.SKIPGRAM).withEpoch(1);
        FastTextReport r = train(sentences, o);
        FastTextModel m = r.model();
        long tokens = sentences.stream().mapToLong(List::size).sum();
        // </s> once per sentence, counted among the tokens; the most frequent entry here
        assertEquals(Subwords.EOS, m.dictionary().word(0));
        assertEquals(sentences.size(), m.dictionary().count(0));
        assertEquals(tokens + sentences.size(), m.dictionary().ntokens());
        for (int i = 1; i < m.nwords(); i++) {
            assertTrue(m.dictionary().count(i) <= m.dictionary().count(i - 1), "entries by count");
        }
        assertEquals(m.nwords() + 20_000, m.input().rows());
        assertEquals(m.nwords(), m.output().rows());
        assertEquals(o.args(), m.args());
        // the .vec vectors are the model's word vectors, </s> included
        assertEquals(m.nwords(), r.vectors().size());
        assertArrayEquals(m.wordVector("blorfed"), r.vectors().vector("blorfed"), 1e-6f);
        assertEquals(tokens, r.corpusWords());
    }

    @Test
    void aTextFileCountsEndOfLineOncePerLineBlankLinesIncluded(@TempDir Path dir) throws IOException {
        // the fastText tool reads </s> at every line break, also from lines without a word
        List<List<String>> sentences = families(2_000, 5);
        StringBuilder text = new StringBuilder();
        long tokens = 0;
        for (int i = 0; i < sentences.size(); i++) {
            text.append(String.join(" ", sentences.get(i))).append('\n');
            tokens += sentences.get(i).size();
            if (i % 4 == 0) {
                text.append(i % 8 == 0 ? "\n" : "  \t\n");
            }
        }
        long lines = text.chars().filter(c -> c == '\n').count();
        assertEquals(sentences.size() + 500, lines);
        Path file = Files.writeString(dir.resolve("corpus.txt"), text);
        Corpus corpus = Corpus.of(file, TextCorpusOptions.defaults().withTokenizer(Tokenizers.whitespace()));
        FastTextModel m =
                FastText.train(corpus, small(FastTextArchitecture.SKIPGRAM).withEpoch(1));
        assertEquals(Subwords.EOS, m.dictionary().word(0));
        assertEquals(lines, m.dictionary().count(0));
        assertEquals(tokens + lines, m.dictionary().ntokens());
    }

    @Test
    void trainsUntilItsTokensReachEpochTimesAllTokensAsFastTextDoes() throws IOException {
        // every sentence has a word seen once, which min-count drops: fastText still counts it in
        // ntokens and trains on kept tokens (and </s>) until they reach epoch x ntokens
        List<List<String>> sentences = new ArrayList<>();
        for (List<String> s : families(4_000, 6)) {
            List<String> withRare = new ArrayList<>(s);
            withRare.add("rare" + sentences.size());
            sentences.add(withRare);
        }
        FastTextReport r = train(sentences, small(FastTextArchitecture.SKIPGRAM).withEpoch(2));
        long ntokens = r.model().dictionary().ntokens();
        long kept = ntokens - sentences.size(); // one rare word per sentence dropped
        assertTrue(ntokens * 2 > kept * 2 + 6_000, "a budget worth more than a third of a pass extra");
        // trained tokens (nothing subsampled with t = 0) reach the budget, overshooting by less than a job
        assertTrue(r.trainedWords() >= 2 * ntokens * 0.999, r.trainedWords() + " < 2 x " + ntokens);
        assertTrue(r.trainedWords() < 2 * ntokens + 10_000, r.trainedWords() + " >> 2 x " + ntokens);
    }

    @Test
    void singleThreadedTrainingIsReproducibleBitForBit() throws IOException {
        List<List<String>> sentences = families(2_000, 9);
        FastTextOptions o = small(FastTextArchitecture.SKIPGRAM).withT(1e-3).withEpoch(2);
        float[] a = train(sentences, o).model().input().asArray();
        float[] b = train(sentences, o).model().input().asArray();
        assertArrayEquals(a, b);
        float[] c = train(sentences, o.withSeed(12)).model().input().asArray();
        assertFalse(Arrays.equals(a, c), "another seed must give other vectors");
    }

    @Test
    void optionsAreValidatedWithMessagesNamingTheOption() {
        FastTextOptions d = FastTextOptions.defaults();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withDim(0))
                .getMessage()
                .contains("dim"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withNgrams(7, 6))
                .getMessage()
                .contains("minn"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withLr(-1))
                .getMessage()
                .contains("lr"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withBucket(0))
                .getMessage()
                .contains("bucket"));
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> d.withArchitecture(FastTextArchitecture.SUPERVISED))
                        .getMessage()
                        .contains("SUPERVISED"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> FastText.train(Corpus.of(List.of(List.of("a", "b"))), d, ProgressListener.NONE))
                .getMessage()
                .contains("min-count"));
    }
}
