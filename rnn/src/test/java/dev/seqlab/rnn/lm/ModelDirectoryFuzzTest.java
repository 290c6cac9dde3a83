package dev.seqlab.rnn.lm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.io.model.ModelFiles;
import dev.seqlab.core.testing.Fuzzer;
import dev.seqlab.rnn.cell.CellKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A saved character model's config.json and model.safetensors, each mutated beside an intact
 * copy of the other, loaded: only MalformedFileException naming the file, bounded memory, no hang;
 * and the directories the fuzzer found that broke those rules.
 */
class ModelDirectoryFuzzTest {
    @TempDir
    Path dir;

    private Path saved() throws Exception {
        Path model = dir.resolve("model");
        CharLanguageModel.create(CharVocabulary.of("abcdefgh\n"), new CharModelOptions(CellKind.GRU, 8, 2, 0f), 1)
                .save(model);
        return model;
    }

    /** Loads the directory of {@code file} after putting the intact {@code other} file beside it. */
    private static Fuzzer.FileParser besides(Path other) {
        return file -> {
            Files.copy(other, file.resolveSibling(other.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            CharLanguageModel.load(file.getParent());
        };
    }

    private static MalformedFileException refusedAfterEditing(Path model, String from, String to) throws Exception {
        Path config = model.resolve(ModelFiles.CONFIG);
        String json = Files.readString(config);
        assertTrue(json.contains(from), json);
        Files.writeString(config, json.replace(from, to));
        return assertThrows(MalformedFileException.class, () -> CharLanguageModel.load(model));
    }

    /** Found by fuzzing: NUL bytes made Jackson read UTF-32 and throw a CharConversionException naming no file. */
    @Test
    void configWithNulBytesIsMalformedNamingTheFile() throws Exception {
        Path model = saved();
        Path config = model.resolve(ModelFiles.CONFIG);
        byte[] b = Files.readAllBytes(config);
        b[1] = 0;
        b[2] = 0;
        b[3] = 0;
        Files.write(config, b);
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> CharLanguageModel.load(model));
        assertTrue(e.getMessage().startsWith(config.toString()), e.getMessage());
    }

    @Test
    void configDescribingAHugeModelFailsBeforeAllocating() throws Exception {
        Path model = saved();
        Files.writeString(
                model.resolve(ModelFiles.CONFIG),
                Files.readString(model.resolve(ModelFiles.CONFIG))
                        .replace("\"gru\"", "\"lstm\"")
                        .replace("\"layers\" : 2", "\"layers\" : 16"));
        MalformedFileException e = refusedAfterEditing(model, "\"hidden\" : 8", "\"hidden\" : 8192");
        assertTrue(e.getMessage().contains("describes a model of at least"), e.getMessage());
    }

    @Test
    void weightsOfAnotherShapeNameBothFiles() throws Exception {
        MalformedFileException e = refusedAfterEditing(saved(), "\"hidden\" : 8", "\"hidden\" : 7");
        assertTrue(
                e.getMessage().contains(ModelFiles.WEIGHTS) && e.getMessage().contains(ModelFiles.CONFIG),
                e.getMessage());
    }

    /** Fuzzes {@code mutated} of a saved model, the other file of the directory intact. */
    private void fuzz(String name, String mutated, String intact, long seed) throws Exception {
        Path model = saved();
        Fuzzer.run(
                new Fuzzer.Target(
                        name,
                        List.of(Files.readAllBytes(model.resolve(mutated))),
                        mutated,
                        besides(model.resolve(intact)),
                        List.of(MalformedFileException.class)),
                dir,
                seed,
                Fuzzer.CASES);
    }

    @Test
    void configJson() throws Exception {
        fuzz("config.json (char model)", ModelFiles.CONFIG, ModelFiles.WEIGHTS, 71);
    }

    @Test
    void weights() throws Exception {
        fuzz("model.safetensors (char model)", ModelFiles.WEIGHTS, ModelFiles.CONFIG, 72);
    }
}
