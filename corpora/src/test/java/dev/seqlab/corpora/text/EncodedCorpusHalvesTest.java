package dev.seqlab.corpora.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.progress.ProgressListener;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counting a text file in two halves at once gives what one pass gives: the same vocabulary,
 * counts, word numbers and encoded token stream ({@link EncodedCorpus#writeTo} byte for byte),
 * wherever the middle of the file falls (inside a multi-byte character, on a line end, in the
 * last line).
 */
class EncodedCorpusHalvesTest {
    @TempDir
    Path dir;

    private static final String[] WORDS = {"the", "ünïcödé", "日本語", "a", "b", "Zebra", "𝄞clef", "x", "longerwordhere"};

    /** The corpus, counted in one pass and in halves (split at any size); returns both encodings. */
    private byte[][] both(Path file, TextCorpusOptions options, VocabularyOptions vocabulary) throws IOException {
        TextCorpus corpus = Corpus.of(file, options.withTokenizer(Tokenizers.whitespace()));
        byte[][] out = new byte[2][];
        long[] reported = new long[2];
        for (int k = 0; k < 2; k++) {
            AtomicLong advanced = new AtomicLong();
            ProgressListener progress = new ProgressListener() {
                @Override
                public void start(String task, long total, String unit) {}

                @Override
                public void advance(long amount) {
                    advanced.addAndGet(amount);
                }

                @Override
                public void status(String text) {}

                @Override
                public void finish() {}
            };
            try (EncodedCorpus e =
                    EncodedCorpus.build(corpus, vocabulary, progress, dir, k == 0 ? Long.MAX_VALUE : 1)) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                e.writeTo(new DataOutputStream(bytes));
                out[k] = bytes.toByteArray();
                reported[k] = advanced.get();
                assertEquals(e.corpusTokens(), advanced.get(), "tokens reported to progress");
            }
        }
        assertEquals(reported[0], reported[1]);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "temporary files left behind");
        }
        return out;
    }

    private void assertSameEncoding(String text, TextCorpusOptions options, VocabularyOptions vocabulary)
            throws IOException {
        Path file = dir.resolve("corpus.txt");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        byte[][] b = both(file, options, vocabulary);
        assertArrayEquals(b[0], b[1]);
    }

    private static String randomText(long seed, int lines) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder s = new StringBuilder();
        for (int l = 0; l < lines; l++) {
            int n = random.nextInt(0, 12);
            for (int i = 0; i < n; i++) {
                s.append(i == 0 ? "" : random.nextInt(5) == 0 ? "\t" : " ").append(WORDS[random.nextInt(WORDS.length)]);
                if (random.nextInt(4) == 0) {
                    s.append(random.nextInt(300));
                }
            }
            s.append(random.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        return s.toString();
    }

    @Test
    void randomTextsWithEveryOptionGiveTheSameEncoding() throws IOException {
        for (long seed = 1; seed <= 12; seed++) {
            String text = randomText(seed, 50 + (int) seed * 37);
            assertSameEncoding(text, TextCorpusOptions.defaults(), VocabularyOptions.minCount(1));
            assertSameEncoding(text, TextCorpusOptions.defaults().withLowercase(true), VocabularyOptions.minCount(3));
            assertSameEncoding(
                    text, TextCorpusOptions.defaults().withMaxSentenceLength(3), VocabularyOptions.minCount(2));
            assertSameEncoding(text + "no final line end", TextCorpusOptions.defaults(), VocabularyOptions.minCount(1));
        }
    }

    @Test
    void middleInsideAMultiByteCharacterOrOnALineEnd() throws IOException {
        String multiByte = "ab 日本語日本語 cd\nx y\n"; // 29 bytes: the middle, byte 14, is inside 本
        byte[] bytes = multiByte.getBytes(StandardCharsets.UTF_8);
        assertEquals(0x80, bytes[bytes.length / 2] & 0xC0, "a continuation byte");
        assertSameEncoding(multiByte, TextCorpusOptions.defaults(), VocabularyOptions.minCount(1));
        // the middle right after a line end: "abc d\n" + "abc e\n"
        assertSameEncoding("abc d\nabc e\n", TextCorpusOptions.defaults(), VocabularyOptions.minCount(1));
        // the middle in the last line: no second half
        assertSameEncoding("a\nb c d e f g h i j k", TextCorpusOptions.defaults(), VocabularyOptions.minCount(1));
        // one line
        assertSameEncoding("日本語 𝄞clef 日本語 𝄞clef", TextCorpusOptions.defaults(), VocabularyOptions.minCount(1));
        // every split point of a text: each prefix's and suffix's words, first appearances on both sides
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            s.append(WORDS[i % WORDS.length]).append(i % 3 == 0 ? "\n" : " ");
        }
        String text = s.toString();
        for (int cut = 0; cut < text.length(); cut++) {
            assertSameEncoding(text.substring(cut), TextCorpusOptions.defaults(), VocabularyOptions.minCount(1));
        }
    }

    @Test
    void wordCountsAreThoseOfTheText() throws IOException {
        String text = randomText(99, 400);
        Path file = dir.resolve("corpus.txt");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        java.util.Map<String, Long> expected = new java.util.HashMap<>();
        long tokens = 0;
        for (String line : text.split("\n")) {
            for (String w : line.strip().split("[ \t\r]+")) {
                if (!w.isEmpty()) {
                    expected.merge(w, 1L, Long::sum);
                    tokens++;
                }
            }
        }
        TextCorpus corpus = Corpus.of(file, TextCorpusOptions.defaults().withTokenizer(Tokenizers.whitespace()));
        try (EncodedCorpus e =
                EncodedCorpus.build(corpus, VocabularyOptions.minCount(1), ProgressListener.NONE, dir, 1)) {
            assertEquals(tokens, e.corpusTokens());
            assertEquals(expected.size(), e.vocabulary().size());
            for (int i = 0; i < e.vocabulary().size(); i++) {
                assertEquals(
                        expected.get(e.vocabulary().word(i)),
                        e.vocabulary().count(i),
                        e.vocabulary().word(i));
            }
            List<String> sentences = new ArrayList<>();
            e.forEachSentence((ids, length, n) -> {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < length; i++) {
                    line.append(i == 0 ? "" : " ").append(e.vocabulary().word(ids[i]));
                }
                sentences.add(line.toString());
            });
            List<String> lines = new ArrayList<>();
            for (String line : text.split("\n")) {
                String words = String.join(" ", line.strip().split("[ \t\r]+")).strip();
                if (!words.isEmpty()) {
                    lines.add(words);
                }
            }
            assertEquals(lines, sentences);
        }
    }

    @Test
    void notUtf8InTheSecondHalfIsReportedAtItsLineOfTheFile() throws IOException {
        byte[] text = ("a b\nc d\ne f\ng h\n" + "i j\nk l\nm n\n").getBytes(StandardCharsets.UTF_8);
        text[text.length - 3] = (byte) 0xFF; // in "m n", line 7
        Path file = dir.resolve("corpus.txt");
        Files.write(file, text);
        TextCorpus corpus = Corpus.of(file, TextCorpusOptions.defaults().withTokenizer(Tokenizers.whitespace()));
        String[] messages = new String[2];
        for (int k = 0; k < 2; k++) {
            long split = k == 0 ? Long.MAX_VALUE : 1;
            messages[k] = assertThrows(
                            MalformedFileException.class,
                            () -> EncodedCorpus.build(
                                    corpus, VocabularyOptions.minCount(1), ProgressListener.NONE, dir, split))
                    .getMessage();
        }
        assertTrue(messages[0].contains("7"), messages[0]);
        assertEquals(messages[0], messages[1]);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "temporary files left behind");
        }
    }
}
