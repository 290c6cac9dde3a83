package dev.seqlab.attention.seq2seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seqlab.attention.transformer.TransformerOptions;
import dev.seqlab.core.options.OptionsJson;
import org.junit.jupiter.api.Test;

/** The seq2seq options records: fluent from defaults(), JSON round trips, messages naming the value. */
class Seq2SeqOptionsTest {

    @Test
    void withersSetTheirComponents() {
        assertEquals(
                new Seq2SeqOptions(5, 4, 6, 3, 2, 3, 7),
                Seq2SeqOptions.defaults()
                        .withVocabularies(5, 4)
                        .withLengths(6, 3)
                        .withEncoderHidden(2)
                        .withDecoderHidden(3)
                        .withAttentionUnits(7));
        assertEquals(
                new TransformerOptions(5, 4, 6, 3, 6, 3, 9, 1),
                TransformerOptions.defaults()
                        .withVocabularies(5, 4)
                        .withLengths(6, 3)
                        .withWidth(6, 3)
                        .withFf(9)
                        .withLayers(1));
    }

    @Test
    void jsonRoundTripsWithConfigJsonNames() {
        Seq2SeqOptions s = Seq2SeqOptions.defaults().withEncoderHidden(5);
        assertEquals(s, OptionsJson.fromJson(OptionsJson.toJson(s), Seq2SeqOptions.defaults()));
        TransformerOptions t = TransformerOptions.defaults().withWidth(8, 2);
        assertEquals(8, OptionsJson.toTree(t).get("d_model").asInt());
        assertEquals(t, OptionsJson.fromJson(OptionsJson.toJson(t), TransformerOptions.defaults()));
    }

    @Test
    void messagesNameTheValue() {
        assertEquals(
                "attentionUnits must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> Seq2SeqOptions.defaults()
                                .withAttentionUnits(0))
                        .getMessage());
        assertEquals(
                "d_model 6 must be a positive multiple of heads 4",
                assertThrows(IllegalArgumentException.class, () -> TransformerOptions.defaults()
                                .withWidth(6, 4))
                        .getMessage());
    }
}
