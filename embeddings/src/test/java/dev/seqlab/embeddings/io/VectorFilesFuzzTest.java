package dev.seqlab.embeddings.io;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.testing.Fuzzer;
import dev.seqlab.embeddings.WordVectors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutated word-vector files of every format: only MalformedFileException naming the file, bounded memory, no hang. */
class VectorFilesFuzzTest {
    private static final LoadOptions ONE_THREAD = LoadOptions.DEFAULT.withThreads(1);

    @TempDir
    Path dir;

    private static WordVectors sample() {
        List<String> words = List.of("the", "king", "queen", "Straße", "東京", "x-ray");
        float[] m = new float[words.size() * 4];
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) Math.sin(i * 0.7) * (i % 3 == 0 ? 1e-3f : 2.5f);
        }
        return WordVectors.of(words, m, 4);
    }

    private byte[] saved(VectorFormat format, String name) throws IOException {
        Path file = dir.resolve(name);
        sample().save(file, format);
        return Files.readAllBytes(file);
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    private int fuzz(String name, List<byte[]> seeds, String fileName, long seed) throws Exception {
        return Fuzzer.run(
                new Fuzzer.Target(
                        name,
                        seeds,
                        fileName,
                        file -> VectorFiles.read(file, ONE_THREAD, ProgressListener.NONE),
                        List.of(MalformedFileException.class)),
                dir,
                seed,
                Fuzzer.CASES);
    }

    @Test
    void textFormats() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(saved(VectorFormat.GLOVE, "s.glove"));
        seeds.add(saved(VectorFormat.WORD2VEC, "s.w2v"));
        seeds.add("2 3\r\na\t1 2 3 \r\nb -0.5e-3 +7 .5\r\n".getBytes(StandardCharsets.UTF_8));
        seeds.add(gzip(saved(VectorFormat.WORD2VEC, "s2.w2v")));
        fuzz("vectors text (GloVe, word2vec, fastText, gzip)", seeds, "fuzz-vectors.txt", 16);
    }

    @Test
    void word2vecBinary() throws Exception {
        List<byte[]> seeds = List.of(saved(VectorFormat.WORD2VEC_BINARY, "s.bin"));
        fuzz("vectors word2vec binary", seeds, "fuzz-vectors.bin", 17);
    }

    @Test
    void seqlabFormat() throws Exception {
        List<byte[]> seeds = List.of(saved(VectorFormat.SEQLAB, "s.seqlab"));
        fuzz("vectors seqlab", seeds, "fuzz-vectors.seqlab", 18);
    }
}
