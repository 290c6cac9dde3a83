package dev.seqlab.embeddings.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.fixtures.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.util.tokens.impl.WhitespaceTokenizer;

class AveragedWordVectorExtractorTest {

    private final WordVectors table =
            Vectors.of(List.of("happy", "day", "Rome"), new float[][] {{1, 0, 4}, {0, 2, -2}, {9, 9, 9}});

    @Test
    void averagesTheKnownLowerCasedWords() {
        var extractor = new AveragedWordVectorExtractor<Label>(table, "test vectors");
        Example<Label> ex = extractor.extract(new Label("happy"), "Happy DAY, unknown!");
        assertEquals(new Label("happy"), ex.getOutput());
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Feature f : ex) {
            names.add(f.getName());
            values.add(f.getValue());
        }
        assertEquals(List.of("wv-000", "wv-001", "wv-002"), names);
        assertEquals(List.of(0.5, 1.0, 1.0), values);
        // "Rome" is not found once lower-cased
        assertArrayEquals(new double[] {0, 0, 0}, extractor.average("Rome rome"));
    }

    @Test
    void keepsCaseWhenToldAndGivesZerosForUnknownText() {
        var extractor = new AveragedWordVectorExtractor<Label>(table, "test vectors", new WhitespaceTokenizer(), false);
        assertArrayEquals(new double[] {9, 9, 9}, extractor.average("Rome rome"));
        Example<Label> ex = extractor.extract(new Label("x"), "nothing known here");
        assertEquals(3, ex.size(), "every example carries all dimensions");
        for (Feature f : ex) {
            assertEquals(0.0, f.getValue());
        }
    }

    @Test
    void featureNamesSortInDimensionOrder() {
        String[] names = AveragedWordVectorExtractor.featureNames(1200);
        assertEquals("wv-0000", names[0]);
        assertEquals("wv-1199", names[1199]);
        for (int j = 1; j < names.length; j++) {
            assertTrue(names[j - 1].compareTo(names[j]) < 0);
        }
    }

    @Test
    void recordsItsConfigurationInProvenance() {
        var extractor = new AveragedWordVectorExtractor<Label>(table, "glove.test.3d");
        String p = extractor.getProvenance().toString();
        assertTrue(p.contains("glove.test.3d") && p.contains("AveragedWordVectorExtractor"), p);
    }
}
