package dev.seqlab.rnn.onnx;

import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.TensorSpec;
import dev.seqlab.rnn.lm.CharLanguageModel;
import dev.seqlab.rnn.lm.CharSampler;
import dev.seqlab.rnn.lm.CharVocabulary;
import dev.seqlab.rnn.lm.SamplingOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A character-level language model imported from ONNX, read one character at a time for
 * sampling with {@link CharSampler}.
 *
 * <p>What the graph must look like (seqlab's own export and a typical
 * {@code torch.onnx.export} of a char-RNN both do):
 * <ul>
 *   <li>one integer input of token ids, batch-first {@code [batch, time]};</li>
 *   <li>a logits output, named {@code logits} or else the first output, {@code [batch, time, V]}
 *       or {@code [batch, V]} (the last step), V the vocabulary's size;</li>
 *   <li>optionally float state inputs {@code [slots, batch, H]} (initial h, c), each paired with
 *       the first later-unused output of the same declared shape (the final states), so
 *       generation carries the state step by step. Without state inputs the whole text so far is
 *       re-read at every step.</li>
 * </ul>
 * Models exported by seqlab (metadata {@value RecurrentOnnxExport#ARCHITECTURE_KEY} =
 * {@value CharLanguageModel#ARCHITECTURE}) read id -1, "no character", before the prime, as
 * seqlab's own char models do, so they can start from an empty prime.
 */
public final class ImportedCharModel {
    private final ImportedModel model;
    private final CharVocabulary vocab;
    private final TensorSpec tokens;
    private final String logits;
    private final List<TensorSpec> stateInputs = new ArrayList<>();
    private final List<String> stateOutputs = new ArrayList<>();
    private final boolean readsNoCharacter;

    private ImportedCharModel(ImportedModel model, CharVocabulary vocab) {
        this.model = model;
        this.vocab = vocab;
        TensorSpec tok = null;
        for (TensorSpec in : model.inputs()) {
            if (in.elementType().equals("int64") || in.elementType().equals("int32")) {
                if (tok != null) {
                    throw new IllegalArgumentException(model.name() + ": two integer inputs ('" + tok.name() + "', '"
                            + in.name() + "'); a char model has one input of token ids");
                }
                tok = in;
            } else if (in.elementType().equals("float") && in.rank() == 3) {
                stateInputs.add(in);
            } else {
                throw new IllegalArgumentException(
                        model.name() + ": input '" + in + "' is neither token ids nor a state [slots, batch, hidden]");
            }
        }
        if (tok == null || tok.rank() != 2) {
            throw new IllegalArgumentException(model.name() + ": no input of token ids [batch, time] (int64 or int32)");
        }
        this.tokens = tok;
        TensorSpec logitsSpec = model.outputs().stream()
                .filter(o -> o.name().equals("logits"))
                .findFirst()
                .orElse(model.outputs().get(0));
        this.logits = logitsSpec.name();
        List<TensorSpec> free = new ArrayList<>();
        for (TensorSpec o : model.outputs()) {
            if (!o.name().equals(logits) && !o.shape().equals(logitsSpec.shape())) {
                free.add(o);
            }
        }
        for (TensorSpec s : stateInputs) {
            // the same declared shape first; else any output whose fixed sizes agree (torch.onnx.export
            // leaves the batch axis of h_n/c_n fixed to the example's batch unless told otherwise)
            TensorSpec match = free.stream()
                    .filter(o -> o.shape().equals(s.shape()))
                    .findFirst()
                    .or(() -> free.stream().filter(o -> compatible(o, s)).findFirst())
                    .orElse(null);
            if (match == null) {
                throw new IllegalArgumentException(
                        model.name() + ": state input '" + s + "' has no output of the same shape to carry it");
            }
            if (!s.shape().get(0).isFixed() || !s.shape().get(2).isFixed()) {
                throw new IllegalArgumentException(
                        model.name() + ": state input '" + s + "' needs fixed first and last axes");
            }
            free.remove(match);
            stateOutputs.add(match.name());
        }
        this.readsNoCharacter =
                CharLanguageModel.ARCHITECTURE.equals(model.metadata().get(RecurrentOnnxExport.ARCHITECTURE_KEY));
    }

    /** Same rank, and equal sizes on every axis both declare fixed. */
    private static boolean compatible(TensorSpec a, TensorSpec b) {
        if (a.rank() != b.rank() || !a.elementType().equals(b.elementType())) {
            return false;
        }
        for (int i = 0; i < a.rank(); i++) {
            TensorSpec.Dim x = a.shape().get(i);
            TensorSpec.Dim y = b.shape().get(i);
            if (x.isFixed() && y.isFixed() && x.size() != y.size()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Wraps an imported model with the vocabulary its ids index.
     *
     * @throws IllegalArgumentException if the graph's inputs and outputs do not fit the layout above
     */
    public static ImportedCharModel of(ImportedModel model, CharVocabulary vocab) {
        return new ImportedCharModel(Objects.requireNonNull(model, "model"), Objects.requireNonNull(vocab, "vocab"));
    }

    /** The vocabulary stored in a seqlab export's metadata, or null when the model has none. */
    public static CharVocabulary storedVocabulary(ImportedModel model) {
        String chars = model.metadata().get(RecurrentOnnxExport.VOCABULARY_KEY);
        return chars == null || chars.isEmpty() ? null : CharVocabulary.ofChars(chars);
    }

    /** The characters the model reads and writes. */
    public CharVocabulary vocabulary() {
        return vocab;
    }

    /** Whether the model reads id -1 ("no character") before the first character. */
    public boolean readsNoCharacter() {
        return readsNoCharacter;
    }

    /** Whether generation carries recurrent state between steps (else it re-reads the text so far). */
    public boolean carriesState() {
        return !stateInputs.isEmpty();
    }

    /** A fresh reader: {@code next(id)} reads one id and returns the next character's logits. */
    public Reader start() {
        return new Reader();
    }

    /** Samples as {@link CharSampler#sample(CharVocabulary, java.util.function.IntFunction, boolean, String, SamplingOptions, SeededRandom)}. */
    public String sample(String prime, SamplingOptions options, SeededRandom rng) {
        return CharSampler.sample(vocab, start()::next, readsNoCharacter, prime, options, rng);
    }

    /** The state of reading a text one character at a time. */
    public final class Reader {
        private final Map<String, HostTensor> states = new HashMap<>();
        private final List<Long> history = new ArrayList<>();

        private Reader() {
            for (TensorSpec s : stateInputs) {
                long slots = s.shape().get(0).size();
                long h = s.shape().get(2).size();
                states.put(s.name(), HostTensor.zeros(slots, 1, h));
            }
        }

        /** Reads {@code id} (-1: no character) and returns the logits of the next character. */
        public float[] next(int id) {
            long[] ids;
            if (carriesState()) {
                ids = new long[] {id};
            } else {
                history.add((long) id);
                ids = history.stream().mapToLong(Long::longValue).toArray();
            }
            Map<String, HostTensor> feeds = new HashMap<>(states);
            if (tokens.elementType().equals("int32")) {
                feeds.put(
                        tokens.name(),
                        HostTensor.ints(
                                Arrays.stream(ids).mapToInt(x -> (int) x).toArray(), 1, ids.length));
            } else {
                feeds.put(tokens.name(), HostTensor.longs(ids, 1, ids.length));
            }
            Map<String, HostTensor> out = model.run(feeds);
            for (int i = 0; i < stateInputs.size(); i++) {
                states.put(stateInputs.get(i).name(), out.get(stateOutputs.get(i)));
            }
            HostTensor l = out.get(logits);
            float[] all = l.floats();
            int v = (int) l.dim(l.rank() - 1);
            return Arrays.copyOfRange(all, all.length - v, all.length);
        }
    }
}
