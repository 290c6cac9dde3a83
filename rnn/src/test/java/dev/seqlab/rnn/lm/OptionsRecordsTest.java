package dev.seqlab.rnn.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seqlab.core.options.OptionsJson;
import dev.seqlab.rnn.cell.CellKind;
import dev.seqlab.rnn.classify.ClassifierOptions;
import dev.seqlab.rnn.layer.RecurrentOptions;
import org.junit.jupiter.api.Test;

/** The rnn options records: fluent from defaults(), JSON round trips, messages naming the value. */
class OptionsRecordsTest {

    @Test
    void withersSetTheirComponent() {
        CharModelOptions c = CharModelOptions.defaults()
                .withCell(CellKind.GRU)
                .withHidden(7)
                .withLayers(3)
                .withDropout(0.5f);
        assertEquals(new CharModelOptions(CellKind.GRU, 7, 3, 0.5f), c);
        SamplingOptions s = SamplingOptions.defaults()
                .withLength(9)
                .withTemperature(0.5)
                .withTopK(4)
                .withTopP(0.9)
                .withStopAtNewline(true);
        assertEquals(new SamplingOptions(9, 0.5, 4, 0.9, true), s);
        ClassifierOptions k = ClassifierOptions.defaults()
                .withVocabulary(20)
                .withEmbeddingDim(3)
                .withCell(CellKind.RNN)
                .withHidden(5)
                .withLayers(2)
                .withBidirectional(true)
                .withDropout(0.1f)
                .withClasses(4);
        assertEquals(new ClassifierOptions(20, 3, CellKind.RNN, 5, 2, true, 0.1f, 4), k);
        RecurrentOptions r = RecurrentOptions.of(CellKind.GRU, 3, 4)
                .withLayers(2)
                .withBidirectional(true)
                .withDropout(0.2f)
                .withLinearBeforeReset(false)
                .withKind(CellKind.LSTM)
                .withInputSize(6)
                .withHiddenSize(8);
        assertEquals(new RecurrentOptions(CellKind.LSTM, 6, 8, 2, true, 0.2f, false), r);
    }

    @Test
    void jsonRoundTrips() {
        for (Record o : new Record[] {
            CharModelOptions.defaults().withCell(CellKind.GRU),
            SamplingOptions.defaults().withTopP(0.5),
            ClassifierOptions.defaults().withBidirectional(true),
            RecurrentOptions.defaults().withDropout(0.25f),
            TrainOptions.defaults()
        }) {
            assertEquals(o, OptionsJson.fromJson(OptionsJson.toJson(o), defaultsOf(o)), OptionsJson.toJson(o));
        }
    }

    private static Record defaultsOf(Record o) {
        return o instanceof CharModelOptions
                ? CharModelOptions.defaults()
                : o instanceof SamplingOptions
                        ? SamplingOptions.defaults()
                        : o instanceof ClassifierOptions
                                ? ClassifierOptions.defaults()
                                : o instanceof RecurrentOptions
                                        ? RecurrentOptions.defaults()
                                        : TrainOptions.defaults().withEpochs(1);
    }

    @Test
    void messagesNameTheValue() {
        assertEquals(
                "hidden size must be in 1..8192, got 0",
                assertThrows(IllegalArgumentException.class, () -> CharModelOptions.defaults()
                                .withHidden(0))
                        .getMessage());
        assertEquals(
                "embeddingDim must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> ClassifierOptions.defaults()
                                .withEmbeddingDim(0))
                        .getMessage());
        assertEquals(
                "top-p must be in (0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> SamplingOptions.defaults()
                                .withTopP(1.5))
                        .getMessage());
    }
}
