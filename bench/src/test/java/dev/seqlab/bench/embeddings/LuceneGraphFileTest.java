package dev.seqlab.bench.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.codecs.hnsw.DefaultFlatVectorScorer;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopKnnCollector;
import org.apache.lucene.util.hnsw.HnswGraph;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomAccessVectorValues;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneGraphFileTest {
    private static final int N = 2000;
    private static final int DIM = 32;

    @TempDir
    static Path dir;

    private static RandomAccessVectorValues.Floats values;
    private static OnHeapHnswGraph built;
    private static Path vectors;
    private static Path saved;

    @BeforeAll
    static void build() throws IOException {
        Random random = new Random(7);
        List<float[]> unit = new ArrayList<>(N);
        for (int i = 0; i < N; i++) {
            unit.add(unitVector(random));
        }
        values = RandomAccessVectorValues.fromFloats(unit, DIM);
        HnswGraphBuilder.randSeed = 42;
        built = HnswGraphBuilder.create(
                        DefaultFlatVectorScorer.INSTANCE.getRandomVectorScorerSupplier(
                                VectorSimilarityFunction.DOT_PRODUCT, values),
                        16,
                        100,
                        42)
                .build(N);
        vectors = Files.write(dir.resolve("unit.seqlab"), new byte[123]);
        saved = dir.resolve("unit.hnsw");
        LuceneGraphFile.write(built, LuceneGraphFile.Header.of(N, 16, 100, 1, 1.5, vectors), saved);
    }

    @Test
    void reopenedGraphAnswersExactlyAsTheBuiltOne() throws IOException {
        LuceneGraphFile.Graph opened = LuceneGraphFile.open(saved, vectors, N);
        assertEquals(N, opened.size());
        assertEquals(built.numLevels(), opened.numLevels());
        assertEquals(built.entryNode(), opened.entryNode());
        assertTrue(opened.numLevels() > 1, "2,000 nodes at M 16 make more than one level");
        assertEquals(16, opened.header().m());
        assertEquals(1.5, opened.header().buildSeconds());
        assertEquals("unit.seqlab", opened.header().vectorsName());
        Random random = new Random(11);
        for (int q = 0; q < 50; q++) {
            float[] query = unitVector(random);
            int[] expected = search(built, query);
            assertEquals(32, expected.length);
            assertArrayEquals(expected, search(opened, query), "query " + q);
            ScoreDoc[] onHeap = HnswGraphSearcher.search(scorer(query), 32, built, null, Integer.MAX_VALUE)
                    .topDocs()
                    .scoreDocs;
            assertArrayEquals(
                    expected, Arrays.stream(onHeap).mapToInt(d -> d.doc).toArray(), "on-heap searcher, query " + q);
        }
    }

    @Test
    void refusesATruncatedFile() throws IOException {
        byte[] whole = Files.readAllBytes(saved);
        Path cut = Files.write(dir.resolve("cut.hnsw"), Arrays.copyOf(whole, whole.length - 10));
        IOException e = assertThrows(IOException.class, () -> LuceneGraphFile.open(cut, vectors, N));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        Path head = Files.write(dir.resolve("head.hnsw"), Arrays.copyOf(whole, 20));
        e = assertThrows(IOException.class, () -> LuceneGraphFile.open(head, vectors, N));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void refusesAFileThatIsNotAGraph() throws IOException {
        Path other = Files.write(dir.resolve("other.hnsw"), new byte[64]);
        IOException e = assertThrows(IOException.class, () -> LuceneGraphFile.open(other, vectors, N));
        assertTrue(e.getMessage().contains("bad magic"), e.getMessage());
    }

    @Test
    void refusesAGraphBuiltFromOtherVectors() throws IOException {
        Path bigger = Files.write(dir.resolve("unit2.seqlab"), new byte[124]);
        Path renamed = Files.copy(vectors, dir.resolve("renamed.seqlab"));
        for (Path v : List.of(bigger, renamed)) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> LuceneGraphFile.open(saved, v, N));
            assertTrue(e.getMessage().contains("was built from unit.seqlab"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> LuceneGraphFile.open(saved, vectors, N - 1));
    }

    private static int[] search(HnswGraph graph, float[] query) throws IOException {
        TopKnnCollector collector = new TopKnnCollector(32, Integer.MAX_VALUE);
        HnswGraphSearcher.search(scorer(query), collector, graph, null);
        return Arrays.stream(collector.topDocs().scoreDocs).mapToInt(d -> d.doc).toArray();
    }

    private static RandomVectorScorer scorer(float[] query) throws IOException {
        return DefaultFlatVectorScorer.INSTANCE.getRandomVectorScorer(
                VectorSimilarityFunction.DOT_PRODUCT, values, query);
    }

    private static float[] unitVector(Random random) {
        float[] v = new float[DIM];
        double norm = 0;
        for (int d = 0; d < DIM; d++) {
            v[d] = (float) random.nextGaussian();
            norm += v[d] * v[d];
        }
        for (int d = 0; d < DIM; d++) {
            v[d] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
