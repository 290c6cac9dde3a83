package dev.seqlab.corpora.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.testing.Fuzzer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated corpus bytes (invalid UTF-8, no newlines, NUL bytes, gzip) read into sentences and
 * encoded with a vocabulary: only MalformedFileException naming the file, bounded memory, no hang.
 */
class CorpusFuzzTest {
    @TempDir
    Path dir;

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    /** Found by fuzzing: a gzip header cut short was an IOException whose message was "FILE: null". */
    @Test
    void truncatedGzipIsMalformedNamingTheFile() throws Exception {
        Path file = dir.resolve("cut.txt.gz");
        Files.write(file, Base64.getDecoder().decode("H4sIAAA="));
        MalformedFileException e =
                assertThrows(MalformedFileException.class, () -> Corpus.of(file, TextCorpusOptions.defaults())
                        .forEachSentence(s -> {}));
        assertTrue(e.getMessage().startsWith(file + ": truncated gzip data"), e.getMessage());
    }

    @Test
    void devicesAndPipesAreRefusedAtOnce() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        FileSystemException e =
                assertThrows(FileSystemException.class, () -> Corpus.of(zero, TextCorpusOptions.defaults()));
        assertEquals("/dev/zero: is a device or a pipe, not a corpus file or directory", e.getMessage());
    }

    @Test
    void corpusBytes() throws Exception {
        List<byte[]> seeds = List.of(
                "The king spoke.\nThe queen answered the king!\n\nStraße, 東京 and naïve words.\n"
                        .getBytes(StandardCharsets.UTF_8),
                "one line without a line end and with\ttabs".getBytes(StandardCharsets.UTF_8),
                "a\u0000b c\r\nd e f\r\n".getBytes(StandardCharsets.UTF_8),
                gzip("a king\nand a queen\n".getBytes(StandardCharsets.UTF_8)));
        TextCorpusOptions options = TextCorpusOptions.defaults();
        VocabularyOptions vocabulary = VocabularyOptions.minCount(1);
        Fuzzer.run(
                new Fuzzer.Target(
                        "corpus bytes",
                        seeds,
                        "fuzz-corpus.txt",
                        file -> {
                            Corpus corpus = Corpus.of(file, options);
                            corpus.forEachSentence(s -> {});
                            EncodedCorpus.build(corpus, vocabulary, ProgressListener.NONE);
                        },
                        List.of(MalformedFileException.class)),
                dir,
                61,
                Fuzzer.CASES);
    }
}
