package dev.seqlab.corpora.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.io.MalformedFileException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextCorpusTest {
    @TempDir
    Path dir;

    private static List<List<String>> read(Corpus corpus) throws IOException {
        List<List<String>> out = new ArrayList<>();
        corpus.forEachSentence(out::add);
        return out;
    }

    @Test
    void simpleTokenizerSplitsPunctuationAndLinesAreSentences() throws IOException {
        Path f = Files.writeString(dir.resolve("a.txt"), "Paris, France.\r\n\nThe  cat sat\n");
        List<List<String>> s = read(Corpus.of(f, TextCorpusOptions.defaults()));
        assertEquals(List.of(List.of("Paris", ",", "France", "."), List.of("The", "cat", "sat")), s);
    }

    @Test
    void whitespaceTokenizerAndLowercasing() throws IOException {
        Path f = Files.writeString(dir.resolve("a.txt"), "Paris, FRANCE.\nlast line without newline");
        TextCorpusOptions o = TextCorpusOptions.defaults()
                .withTokenizer(Tokenizers.whitespace())
                .withLowercase(true);
        assertEquals(
                List.of(List.of("paris,", "france."), List.of("last", "line", "without", "newline")),
                read(Corpus.of(f, o)));
    }

    /** The learned model splits clitics and keeps abbreviations and numbers, which the simple tokenizer cannot. */
    @Test
    void learnedEnglishTokenizerFromTheClassPathAndFromAFile() throws IOException {
        Path f = Files.writeString(
                dir.resolve("a.txt"),
                "Mr. Smith doesn't like New York's weather, does he?\nPierre Vinken, 61 years old, joins the board Nov. 29.\n");
        List<List<String>> expected = List.of(
                List.of("Mr.", "Smith", "does", "n't", "like", "New", "York", "'s", "weather", ",", "does", "he", "?"),
                List.of(
                        "Pierre", "Vinken", ",", "61", "years", "old", ",", "joins", "the", "board", "Nov.", "29",
                        "."));
        assertEquals(expected, read(Corpus.of(f, TextCorpusOptions.defaults().withTokenizer(Tokenizers.english()))));
        assertEquals(
                List.of("Mr", ".", "Smith", "doesn", "'", "t"),
                read(Corpus.of(f, TextCorpusOptions.defaults())).get(0).subList(0, 6),
                "the simple tokenizer, for contrast");
        Path model = dir.resolve("en-token.bin");
        try (var in = Tokenizers.class.getResourceAsStream(Tokenizers.ENGLISH_MODEL_RESOURCE)) {
            Files.copy(in, model);
        }
        assertEquals(expected, read(Corpus.of(f, TextCorpusOptions.defaults().withTokenizer(Tokenizers.model(model)))));
        Path notAModel = Files.writeString(dir.resolve("junk.bin"), "junk");
        IOException e = assertThrows(IOException.class, () -> Tokenizers.model(notAModel));
        assertTrue(e.getMessage().startsWith(notAModel + ": not an OpenNLP tokenizer model"), e.getMessage());
    }

    @Test
    void gzipIsRecognisedByContentAndDirectoriesReadInPathOrder() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("corpus/b"));
        Files.writeString(dir.resolve("corpus/a.txt"), "one two\n");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(sub.resolve("c.data")))) {
            out.write("three four\nfive\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("corpus/.hidden"), "never read\n");
        TextCorpus corpus = Corpus.of(dir.resolve("corpus"), TextCorpusOptions.defaults());
        assertEquals(2, corpus.files().size());
        List<List<String>> expected = List.of(List.of("one", "two"), List.of("three", "four"), List.of("five"));
        assertEquals(expected, read(corpus));
        assertEquals(expected, read(corpus), "a second pass reads the same sentences");
    }

    @Test
    void blankLinesAreCountedInPlainAndGzipFiles() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("blank"));
        Files.writeString(sub.resolve("a.txt"), "\none two\n \t\r\n\nthree\n\n \u00a0\n  ");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(sub.resolve("b.gz")))) {
            out.write("\n\nfour\n".getBytes(StandardCharsets.UTF_8));
        }
        TextCorpus corpus = Corpus.of(sub, TextCorpusOptions.defaults().withTokenizer(Tokenizers.whitespace()));
        // a.txt: the first line, " \t\r", the one after it and the one after "three" (the non-breaking
        // space is not ASCII white space, the last line has no line break); b.gz: its first two lines
        assertEquals(6, corpus.blankLines());
    }

    @Test
    void oneHugeLineIsCutIntoSentencesOfTheCapAndStreamedInPieces() throws IOException {
        // 200,003 tokens on one line: far more characters than one piece holds
        StringBuilder text = new StringBuilder();
        int n = 200_003;
        for (int i = 0; i < n; i++) {
            text.append('w').append(i % 1000).append(' ');
        }
        Path f = Files.writeString(dir.resolve("text8"), text);
        assertTrue(text.length() > 10 * LinePieces.MAX_PIECE_CHARS);
        TextCorpusOptions o = TextCorpusOptions.defaults()
                .withTokenizer(Tokenizers.whitespace())
                .withMaxSentenceLength(1000);
        List<List<String>> s = read(Corpus.of(f, o));
        assertEquals(201, s.size());
        for (int i = 0; i < 200; i++) {
            assertEquals(1000, s.get(i).size());
        }
        assertEquals(3, s.get(200).size());
        int k = 0;
        for (List<String> sentence : s) {
            for (String w : sentence) {
                assertEquals("w" + (k++ % 1000), w, "token " + k + " survives the cuts between pieces");
            }
        }
        assertEquals(n, k);
    }

    @Test
    void malformedUtf8NamesFileAndLine() throws IOException {
        Path f = dir.resolve("bad.txt");
        Files.write(f, new byte[] {'o', 'k', '\n', 'a', (byte) 0xC3, '(', '\n'});
        MalformedFileException e =
                assertThrows(MalformedFileException.class, () -> read(Corpus.of(f, TextCorpusOptions.defaults())));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("bad.txt:2: not valid UTF-8"), e.getMessage());
    }

    @Test
    void missingPathAndEmptyDirectoryAreReported() throws IOException {
        assertThrows(NoSuchFileException.class, () -> Corpus.of(dir.resolve("nope"), TextCorpusOptions.defaults()));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        IOException e = assertThrows(IOException.class, () -> Corpus.of(empty, TextCorpusOptions.defaults()));
        assertTrue(e.getMessage().contains("holds no file"), e.getMessage());
    }

    @Test
    void optionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> TextCorpusOptions.defaults()
                .withMaxSentenceLength(0));
    }

    @Test
    void inMemoryCorpusSkipsEmptySentences() throws IOException {
        Corpus c = Corpus.of(List.of(List.of("a", "b"), List.of(), List.of("c")));
        assertEquals(List.of(List.of("a", "b"), List.of("c")), read(c));
    }
}
