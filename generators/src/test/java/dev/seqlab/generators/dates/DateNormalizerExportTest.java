package dev.seqlab.generators.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seqlab.attention.seq2seq.AttentionSeq2Seq;
import dev.seqlab.attention.seq2seq.Seq2SeqOptions;
import dev.seqlab.attention.transformer.TransformerOptions;
import dev.seqlab.attention.transformer.TransformerSeq2Seq;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only date models export as date models (the exported files themselves run in ONNX Runtime in
 * onnx-conformance's {@code DateNormalizerOnnxTest}).
 */
class DateNormalizerExportTest {

    @Test
    void aSeq2SeqModelOfOtherSizesIsNotADateModel(@TempDir Path dir) throws Exception {
        AttentionSeq2Seq.create(new Seq2SeqOptions(5, 4, 6, 3, 2, 3, 2), 1).save(dir);
        DateNormalizer n = DateNormalizer.load(dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, n::onnx);
        assertEquals(true, e.getMessage().startsWith("not a date model: it reads 6 of 5 symbols"), e.getMessage());
    }

    @Test
    void aTransformerOfOtherSizesIsNotADateModel(@TempDir Path dir) throws Exception {
        TransformerSeq2Seq.create(new TransformerOptions(5, 4, 6, 3, 4, 2, 8, 1), 1)
                .save(dir);
        DateNormalizer n = DateNormalizer.load(dir);
        assertEquals(DateNormalizer.Architecture.TRANSFORMER, n.architecture());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> n.writeOnnx(dir.resolve("t.onnx")));
        assertEquals(true, e.getMessage().startsWith("not a date model: it reads 6 of 5 symbols"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("t.onnx")));
    }
}
