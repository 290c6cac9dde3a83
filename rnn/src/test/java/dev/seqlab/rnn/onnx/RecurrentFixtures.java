package dev.seqlab.rnn.onnx;

import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.rnn.cell.CellKind;
import dev.seqlab.rnn.lm.CharLanguageModel;
import dev.seqlab.rnn.lm.CharModelOptions;
import dev.seqlab.rnn.lm.CharVocabulary;
import java.util.List;

/** Small recurrent models with every weight perturbed, shared by the ONNX tests here and in onnx-conformance. */
final class RecurrentFixtures {

    private RecurrentFixtures() {}

    static CharLanguageModel charModel(CellKind kind, int layers, long seed) {
        CharLanguageModel m = CharLanguageModel.create(
                CharVocabulary.of("hello world, seqlab!\n"), new CharModelOptions(kind, 5, layers, 0f), seed);
        Compare.perturb(m.parameters(), new SeededRandom(seed + 1), 0.3);
        return m;
    }

    static float[] concat(List<float[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        float[] out = new float[n];
        int off = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }
}
