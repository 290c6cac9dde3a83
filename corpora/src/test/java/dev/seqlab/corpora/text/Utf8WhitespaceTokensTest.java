package dev.seqlab.corpora.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.progress.ProgressListener;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counting a whitespace-split text corpus from its bytes gives exactly what the character reader
 * and OpenNLP's whitespace tokenizer give: the same words in the same order with the same counts,
 * the same sentences, the same errors.
 */
class Utf8WhitespaceTokensTest {
    @TempDir
    Path dir;

    /** Word pieces: ASCII of both cases, accents, Greek (final sigma), dotted I, CJK, an emoji, NEL, a BOM. */
    private static final String[] PIECES = {
        "the",
        "The",
        "THE",
        "a",
        "x1",
        "don't",
        "é",
        "Ä",
        "ÉCOLE",
        "straße",
        "ΟΔΟΣ",
        "σ",
        "İstanbul",
        "ǅ",
        "日本",
        "語",
        "😀",
        "\u0085",
        "\uFEFF",
        "-",
        "...",
        "Z"
    };
    /** Separators: ASCII whitespace, Unicode spaces (no-break ones too: OpenNLP splits there), line separators. */
    private static final String[] SPACES = {
        " ", " ", " ", "  ", "\t", "\u000B", "\f", "\u001F", "\r", "\u00A0", "\u2003", "\u3000", "\u2028", "\u2029",
        "\u1680", "\u202F", "\u2007"
    };

    private static String text(long seed, int lines) {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("\uFEFF");
        for (int l = 0; l < lines; l++) {
            int words = rnd.nextInt(12);
            if (rnd.nextInt(8) == 0) {
                b.append(SPACES[rnd.nextInt(SPACES.length)]);
            }
            for (int w = 0; w < words; w++) {
                int parts = 1 + rnd.nextInt(2);
                for (int p = 0; p < parts; p++) {
                    b.append(PIECES[rnd.nextInt(PIECES.length)]);
                }
                b.append(SPACES[rnd.nextInt(SPACES.length)]);
            }
            b.append(rnd.nextInt(5) == 0 ? "\r\n" : "\n");
        }
        return b.append("last line without a newline").toString();
    }

    /** Everything a build yields: the vocabulary, and every sentence of a pass as ids and token count. */
    private static List<String> outcome(Corpus corpus, VocabularyOptions options) throws IOException {
        List<String> out = new ArrayList<>();
        try (EncodedCorpus e = EncodedCorpus.build(corpus, options, ProgressListener.NONE)) {
            Vocabulary v = e.vocabulary();
            for (int i = 0; i < v.size(); i++) {
                out.add(v.word(i) + "=" + v.count(i));
            }
            out.add("tokens " + v.corpusTokens());
            e.forEachSentence(
                    (ids, length, tokens) -> out.add(Arrays.toString(Arrays.copyOf(ids, length)) + " / " + tokens));
        }
        return out;
    }

    private void assertSameAsTheCharacterReader(Path path, TextCorpusOptions options) throws IOException {
        TextCorpus text = Corpus.of(path, options);
        Corpus characters = text::open; // any other corpus goes through the character reader
        assertTrue(Utf8WhitespaceTokens.applies(text));
        assertFalse(Utf8WhitespaceTokens.applies(characters));
        VocabularyOptions vocabulary = VocabularyOptions.minCount(1);
        List<String> expected = outcome(characters, vocabulary);
        assertTrue(expected.size() > 50, "a real test: " + expected.size());
        assertEquals(expected, outcome(text, vocabulary), options.toString());
    }

    @Test
    void sameWordsCountsAndSentencesAsTheCharacterReader() throws IOException {
        Path file = Files.writeString(dir.resolve("mixed.txt"), text(7, 3_000), StandardCharsets.UTF_8);
        TextCorpusOptions whitespace = TextCorpusOptions.defaults().withTokenizer(Tokenizers.whitespace());
        for (boolean lower : new boolean[] {false, true}) {
            for (int longest : new int[] {10_000, 3, 1}) {
                assertSameAsTheCharacterReader(
                        file, whitespace.withLowercase(lower).withMaxSentenceLength(longest));
            }
        }
    }

    @Test
    void directoriesOfPlainAndGzipFilesAndAFileLongerThanTheBuffer() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("a.txt"), text(1, 500), StandardCharsets.UTF_8);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(corpus.resolve("b.txt.gz")))) {
            out.write(text(2, 500).getBytes(StandardCharsets.UTF_8));
        }
        // one line of 2.4 MB: longer than the byte buffer and than the character reader's pieces
        Files.writeString(
                corpus.resolve("c.txt"), text(3, 40_000).replace('\n', ' ').replace('\r', ' '), StandardCharsets.UTF_8);
        assertSameAsTheCharacterReader(
                corpus,
                TextCorpusOptions.defaults()
                        .withTokenizer(Tokenizers.whitespace())
                        .withLowercase(true));
    }

    @Test
    void bytesThatAreNotUtf8FailWithTheSameFileAndLine() throws IOException {
        byte[][] bad = {
            {(byte) 0x80},
            {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xF5},
            {(byte) 0xC3, 'a'},
            {(byte) 0xE2, (byte) 0x82}
        };
        TextCorpusOptions whitespace = TextCorpusOptions.defaults().withTokenizer(Tokenizers.whitespace());
        for (int k = 0; k < bad.length; k++) {
            Path file = dir.resolve("bad" + k + ".txt");
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write("fine words\nstill fine é\nthen ".getBytes(StandardCharsets.UTF_8));
                out.write(bad[k]);
                if (k < bad.length - 1) { // the last one is cut short by the end of the file
                    out.write(" more\nand more\n".getBytes(StandardCharsets.UTF_8));
                }
            }
            TextCorpus text = Corpus.of(file, whitespace);
            Corpus characters = text::open;
            VocabularyOptions v = VocabularyOptions.minCount(1);
            MalformedFileException expected = assertThrows(MalformedFileException.class, () -> outcome(characters, v));
            MalformedFileException got = assertThrows(MalformedFileException.class, () -> outcome(text, v));
            assertEquals(expected.getMessage(), got.getMessage(), "bytes " + Arrays.toString(bad[k]));
            assertTrue(got.getMessage().contains(":3"), got.getMessage());
        }
    }
}
