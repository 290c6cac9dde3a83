package dev.seqlab.rnn.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.rnn.cell.CellKind;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Model directories written by the code before config.json went through {@link CharModelOptions}
 * (test resources {@code config-v1/}) still load, give the same logits, and are written again
 * byte for byte.
 */
class CharModelConfigCompatibilityTest {

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(CharModelConfigCompatibilityTest.class
                        .getResource("/config-v1/" + name + "/config.json")
                        .toURI())
                .getParent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"char-gru", "char-lstm"})
    void oldModelsLoadAndGiveTheSameLogits(String name, @TempDir Path tmp) throws Exception {
        Path dir = fixture(name);
        CharLanguageModel m = CharLanguageModel.load(dir);
        List<String> expected = Files.readAllLines(dir.resolve("expected-logits.txt"));
        CharLanguageModel.State s = m.start();
        int[] ids = {-1, 0, 1, 2};
        for (int i = 0; i < ids.length; i++) {
            float[] logits = s.next(ids[i]);
            String[] want = expected.get(i).replaceAll("[\\[\\]]", "").split(", ");
            assertEquals(want.length, logits.length);
            for (int j = 0; j < logits.length; j++) {
                // the fixture was written by the plain-Java kernels; SIMD ones may differ in the last bit
                assertEquals(Float.parseFloat(want[j]), logits[j], 1e-6f, name + " step " + i + " logit " + j);
            }
        }
        m.save(tmp);
        assertEquals(Files.readString(dir.resolve("config.json")), Files.readString(tmp.resolve("config.json")));
    }

    @Test
    void readsTheOptionsOfTheOldFile() throws Exception {
        assertEquals(
                CharModelOptions.defaults().withCell(CellKind.GRU).withHidden(3).withDropout(0.25f),
                CharLanguageModel.load(fixture("char-gru")).options());
    }

    @Test
    void namesAnUnknownFieldAndTheFile(@TempDir Path tmp) throws Exception {
        CharLanguageModel.load(fixture("char-lstm")).save(tmp);
        Path cfg = tmp.resolve("config.json");
        Files.writeString(cfg, Files.readString(cfg).replace("\"hidden\"", "\"hiden\""));
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> CharLanguageModel.load(tmp));
        assertTrue(
                e.getMessage().contains("unknown field 'hiden'")
                        && e.getMessage().contains(cfg.toString()),
                e.getMessage());
    }

    @Test
    void writesDropoutAsWritten(@TempDir Path tmp) throws Exception {
        CharLanguageModel.create(
                        CharVocabulary.of("ab"), CharModelOptions.lstm(2).withDropout(0.3f), 1)
                .save(tmp);
        assertTrue(Files.readString(tmp.resolve("config.json")).contains("\"dropout\" : 0.3,"));
    }
}
