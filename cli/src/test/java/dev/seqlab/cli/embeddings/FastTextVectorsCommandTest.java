package dev.seqlab.cli.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqlab.cli.CliRun;
import dev.seqlab.embeddings.fasttext.FastTextArchitecture;
import dev.seqlab.embeddings.fasttext.FastTextArgs;
import dev.seqlab.embeddings.fasttext.FastTextBinary;
import dev.seqlab.embeddings.fasttext.FastTextDictionary;
import dev.seqlab.embeddings.fasttext.FastTextModel;
import dev.seqlab.embeddings.store.FloatRows;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seqlab embeddings} on a fastText {@code .bin}: unknown words answered and marked, bad models refused. */
class FastTextVectorsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WORDS =
            List.of("</s>", "cat", "dog", "house", "tree", "king", "queen", "man", "woman", "paris");
    private static final int DIM = 6;
    private static final int BUCKET = 50;

    @TempDir
    Path dir;

    private Path model(FastTextArchitecture kind) throws IOException {
        FastTextArgs args =
                FastTextArgs.defaults().withDim(DIM).withBucket(BUCKET).withModel(kind);
        long[] counts = new long[WORDS.size()];
        Arrays.fill(counts, 2);
        FastTextDictionary d = FastTextDictionary.ofWords(WORDS, counts, 20);
        int outputRows = WORDS.size();
        if (kind == FastTextArchitecture.SUPERVISED) {
            String[] entries = WORDS.toArray(new String[WORDS.size() + 1]);
            entries[WORDS.size()] = "__label__a";
            byte[] types = new byte[entries.length];
            types[WORDS.size()] = FastTextDictionary.LABEL;
            d = new FastTextDictionary(entries, Arrays.copyOf(counts, entries.length), types, 20, null);
            outputRows = 1;
        }
        Random r = new Random(3);
        float[] input = new float[(WORDS.size() + BUCKET) * DIM];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) r.nextGaussian();
        }
        FastTextModel m = new FastTextModel(
                args,
                d,
                FloatRows.of(input, WORDS.size() + BUCKET, DIM),
                FloatRows.of(new float[outputRows * DIM], outputRows, DIM));
        Path file = dir.resolve(kind + ".bin");
        FastTextBinary.write(m, file);
        return file;
    }

    @Test
    void unknownWordsAreAnsweredAndMarkedInJson() throws IOException {
        String bin = model(FastTextArchitecture.SKIPGRAM).toString();
        CliRun r = CliRun.of("embeddings", "similar", "--vectors", bin, "--json", "--top", "3", "cats");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertTrue(doc.get("oov").asBoolean());
        assertEquals("[\"cats\"]", doc.get("oov_words").toString());
        assertEquals(3, doc.get("neighbors").size());

        r = CliRun.of("embeddings", "similar", "--vectors", bin, "--json", "cat");
        assertEquals(0, r.code(), r.err());
        assertFalse(JSON.readTree(r.out()).has("oov"), r.out());

        r = CliRun.of("embeddings", "similarity", "--vectors", bin, "--json", "cat", "kittens");
        assertEquals(0, r.code(), r.err());
        assertEquals("[\"kittens\"]", JSON.readTree(r.out()).get("oov_words").toString());

        r = CliRun.of("embeddings", "analogy", "--vectors", bin, "--json", "man", "woman", "kings");
        assertEquals(0, r.code(), r.err());
        assertEquals("[\"kings\"]", JSON.readTree(r.out()).get("oov_words").toString());

        r = CliRun.of("embeddings", "doesnt-match", "--vectors", bin, "--json", "cat", "dogs", "tree");
        assertEquals(0, r.code(), r.err());
        assertTrue(JSON.readTree(r.out()).get("oov").asBoolean());
    }

    @Test
    void textOutputNotesUnknownWordsOnStderr() throws IOException {
        String bin = model(FastTextArchitecture.SKIPGRAM).toString();
        CliRun r = CliRun.of("embeddings", "similarity", "--vectors", bin, "houses", "tree");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().strip().matches("-?\\d\\.\\d{4}"), r.out());
        assertTrue(r.err().contains("not in the vocabulary, vector from character n-grams: houses"), r.err());
        r = CliRun.of("embeddings", "similarity", "--vectors", bin, "house", "tree");
        assertEquals("", r.err().strip());
    }

    @Test
    void shellAnswersUnknownWords() throws IOException {
        String bin = model(FastTextArchitecture.SKIPGRAM).toString();
        Path script = dir.resolve("q.txt");
        Files.writeString(script, "queens\nsim cat doggy\n");
        CliRun r = CliRun.of("embeddings", "shell", "--vectors", bin, "--top", "2", "--script", script.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("queens\t") && !lines.get(0).startsWith("queens\t\t"), r.out());
        assertTrue(r.err().contains("character n-grams: queens"), r.err());
        assertTrue(r.err().contains("character n-grams: doggy"), r.err());
    }

    @Test
    void evaluateGivesBothFigures() throws IOException {
        String bin = model(FastTextArchitecture.SKIPGRAM).toString();
        Path questions = dir.resolve("q.txt");
        Files.writeString(questions, ": family\nman woman king queen\nman women king queen\n");
        Path pairs = dir.resolve("p.tsv");
        Files.writeString(pairs, "cat\tdog\t7\nking\tqueen\t8\nhouse\ttrees\t2\nman\twoman\t8\n");
        CliRun r = CliRun.of(
                "embeddings",
                "evaluate",
                "--vectors",
                bin,
                "--json",
                "--analogies",
                questions.toString(),
                "--pairs",
                pairs.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals(
                1,
                doc.get("analogies").get("total").get("correct").asInt()
                        + doc.get("analogies").get("total").get("incorrect").asInt());
        JsonNode all = doc.get("analogies_all_questions").get("total");
        assertEquals(2, all.get("correct").asInt() + all.get("incorrect").asInt());
        assertEquals(3, doc.get("pairs").get("pairs").asInt());
        assertEquals(4, doc.get("pairs_all").get("pairs").asInt());
    }

    @Test
    void badModelsAreOneLineExit2() throws IOException {
        Path bin = model(FastTextArchitecture.SKIPGRAM);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(bin)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(4, 99);
        Path future = dir.resolve("future.bin");
        Files.write(future, b.array());
        CliRun.assertOneLineExit2(
                CliRun.of("embeddings", "similar", "--vectors", future.toString(), "cat"),
                future + ": fastText format version 99 is newer than the newest this reader knows (12)");
        b.putInt(4, 12).putInt(0, 12345);
        Path magic = dir.resolve("magic.bin");
        Files.write(magic, b.array());
        CliRun.assertOneLineExit2(
                CliRun.of("embeddings", "similar", "--vectors", magic.toString(), "cat"),
                magic + ": binary data of no format seqlab reads: not a fastText model (it starts with 0x00003039,"
                        + " not fastText's magic 0x2f4f16ba)");
        Path truncated = dir.resolve("truncated.bin");
        Files.write(truncated, Arrays.copyOf(b.putInt(0, 793712314).array(), b.capacity() - 100));
        CliRun.assertOneLineExit2(
                CliRun.of("embeddings", "similar", "--vectors", truncated.toString(), "cat"),
                truncated + ": truncated: the output matrix");
        Path supervised = model(FastTextArchitecture.SUPERVISED);
        CliRun.assertOneLineExit2(
                CliRun.of("embeddings", "similar", "--vectors", supervised.toString(), "cat"),
                supervised + ": a supervised fastText model (1 labels), not word vectors");
    }
}
