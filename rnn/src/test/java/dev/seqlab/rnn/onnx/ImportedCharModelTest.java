package dev.seqlab.rnn.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.ModelProto;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.rnn.cell.CellKind;
import dev.seqlab.rnn.lm.CharLanguageModel;
import dev.seqlab.rnn.lm.CharSampler;
import dev.seqlab.rnn.lm.CharVocabulary;
import dev.seqlab.rnn.lm.SamplingOptions;
import dev.seqlab.rnn.lm.VocabularyFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sampling from an imported char model, with and without carried state, and vocabulary files. */
class ImportedCharModelTest {

    @Test
    void importedExportSamplesTheSameTextAsTheNativeModel() throws Exception {
        for (CellKind kind : CellKind.values()) {
            CharLanguageModel lm = RecurrentFixtures.charModel(kind, 2, 17);
            ImportedModel imported = RecurrentOnnxImport.fromProto(RecurrentOnnxExport.charModel(lm), null);
            ImportedCharModel m = ImportedCharModel.of(imported, ImportedCharModel.storedVocabulary(imported));
            assertTrue(m.carriesState() && m.readsNoCharacter());
            SamplingOptions o =
                    SamplingOptions.defaults(60).withTemperature(0.9).withTopP(0.95);
            String expected = CharSampler.sample(lm, "he", o, new SeededRandom(5));
            assertEquals(expected, m.sample("he", o, new SeededRandom(5)), kind.name());
            assertEquals(CharSampler.sample(lm, "", o, new SeededRandom(6)), m.sample("", o, new SeededRandom(6)));
            // the logits themselves, step by step
            CharLanguageModel.State s = lm.start();
            ImportedCharModel.Reader r = m.start();
            float[] a = s.next(-1);
            float[] b = r.next(-1);
            for (int id : new int[] {4, 0, 2}) {
                Compare.close(s.next(id), r.next(id), "imported char model " + kind + " step logits vs native");
            }
            Compare.close(a, b, "imported char model " + kind + " start logits vs native");
        }
    }

    /**
     * torch.onnx.export leaves the batch axis of h_n/c_n fixed to the example's batch unless told
     * otherwise: a state output [layers, 3, H] still carries the state input [layers, batch, H].
     */
    @Test
    void stateOutputsWithAFixedBatchAxisStillCarryTheState() throws Exception {
        CharLanguageModel lm = RecurrentFixtures.charModel(CellKind.LSTM, 2, 11);
        var g = RecurrentOnnxExport.charModel(lm).toBuilder();
        var graph = g.getGraphBuilder();
        for (int i = 0; i < graph.getOutputCount(); i++) {
            String name = graph.getOutput(i).getName();
            if (name.equals(RecurrentOnnxExport.H_OUT) || name.equals(RecurrentOnnxExport.C_OUT)) {
                graph.getOutputBuilder(i)
                        .getTypeBuilder()
                        .getTensorTypeBuilder()
                        .getShapeBuilder()
                        .getDimBuilder(1)
                        .clearDimParam()
                        .setDimValue(3);
            }
        }
        ImportedModel imported = RecurrentOnnxImport.fromProto(g.build(), null);
        ImportedCharModel m = ImportedCharModel.of(imported, lm.vocabulary());
        assertTrue(m.carriesState());
        SamplingOptions o = SamplingOptions.defaults(40).withTemperature(0.9).withTopP(0.95);
        assertEquals(CharSampler.sample(lm, "he", o, new SeededRandom(8)), m.sample("he", o, new SeededRandom(8)));
    }

    @Test
    void withoutStateInputsTheTextIsReReadAndAgrees() throws Exception {
        CharLanguageModel lm = RecurrentFixtures.charModel(CellKind.GRU, 1, 3);
        ModelProto p = RecurrentOnnxExport.charModel(lm);
        // turn h0 into a zero initialiser: no state inputs, h_out still an output
        var g = p.getGraph().toBuilder();
        for (int i = 0; i < g.getInputCount(); i++) {
            if (g.getInput(i).getName().equals("h0")) {
                g.removeInput(i);
                break;
            }
        }
        // a [1, 1, 5] zero state broadcast is not possible for Slice; use batch 1 only
        g.addInitializer(OnnxMl.TensorProto.newBuilder()
                .setName("h0")
                .setDataType(1)
                .addDims(1)
                .addDims(1)
                .addDims(5)
                .addAllFloatData(Collections.nCopies(5, 0f)));
        ImportedModel imported =
                RecurrentOnnxImport.fromProto(p.toBuilder().setGraph(g).build(), null);
        ImportedCharModel m = ImportedCharModel.of(imported, lm.vocabulary());
        assertFalse(m.carriesState());
        CharLanguageModel.State s = lm.start();
        ImportedCharModel.Reader r = m.start();
        Compare.close(s.next(-1), r.next(-1), "re-read start logits vs native");
        for (int id : new int[] {1, 5, 5, 2}) {
            Compare.close(s.next(id), r.next(id), "re-read step logits vs native");
        }
    }

    @Test
    void aVocabularyOfTheWrongSizeIsNamed() throws Exception {
        CharLanguageModel lm = RecurrentFixtures.charModel(CellKind.RNN, 1, 3);
        ImportedModel imported = RecurrentOnnxImport.fromProto(RecurrentOnnxExport.charModel(lm), null);
        ImportedCharModel m = ImportedCharModel.of(imported, CharVocabulary.ofChars("abc"));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> m.sample("a", SamplingOptions.defaults(5), new SeededRandom(1)));
        assertTrue(e.getMessage().contains("vocabulary has 3"), e.getMessage());
    }

    @Test
    void vocabularyFilesRoundTripAndNameBadLines(@TempDir Path dir) throws Exception {
        CharVocabulary v = CharVocabulary.ofChars("\n \\ab\tZé");
        Path f = dir.resolve("v.txt");
        VocabularyFiles.write(v, f);
        assertEquals("\\n\n \n\\\\\na\nb\n\\t\nZ\né\n", Files.readString(f, StandardCharsets.UTF_8));
        assertEquals(v.chars(), VocabularyFiles.read(f).chars());
        Path bad = Files.writeString(dir.resolve("bad.txt"), "a\nbc\n");
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> VocabularyFiles.read(bad));
        assertEquals(bad + ":2: expected one character per line, found 'bc'", e.getMessage());
        Path dup = Files.writeString(dir.resolve("dup.txt"), "a\nb\na\n");
        e = assertThrows(MalformedFileException.class, () -> VocabularyFiles.read(dup));
        assertTrue(e.getMessage().startsWith(dup + ":3:"), e.getMessage());
    }
}
