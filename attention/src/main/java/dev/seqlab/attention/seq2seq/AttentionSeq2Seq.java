package dev.seqlab.attention.seq2seq;

import dev.seqlab.attention.layer.AdditiveAttention;
import dev.seqlab.attention.model.Prediction;
import dev.seqlab.attention.model.Seq2SeqModel;
import dev.seqlab.core.io.model.ModelFiles;
import dev.seqlab.core.kernel.Reductions;
import dev.seqlab.core.kernel.Softmax;
import dev.seqlab.core.options.ModelConfig;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.tensor.Tensor;
import dev.seqlab.rnn.cell.CellGradients;
import dev.seqlab.rnn.cell.CellKind;
import dev.seqlab.rnn.cell.CellOutput;
import dev.seqlab.rnn.cell.LstmCell;
import dev.seqlab.rnn.layer.Dense;
import dev.seqlab.rnn.layer.RecurrentLayer;
import dev.seqlab.rnn.layer.RecurrentOptions;
import dev.seqlab.rnn.layer.RecurrentOutput;
import dev.seqlab.rnn.layer.SoftmaxCrossEntropy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The course's attention model for sequence-to-sequence problems such as date normalisation:
 * <pre>
 *   a = BiLSTM(one-hot(x))                         [Tx, B, 2·n_a]
 *   for t = 1 … Ty:
 *       contextₜ = attention(a, sₜ₋₁)              (additive, masked to each input's length)
 *       sₜ, cₜ = LSTM(contextₜ, sₜ₋₁, cₜ₋₁)       (the post-attention LSTM, n_s units)
 *       ŷₜ = softmax(sₜ·Wᵀ + b)
 * </pre>
 * Training minimises the mean cross-entropy of all Ty outputs; backpropagation runs through the
 * decoder steps, the attention at each step, and the encoder.
 */
public final class AttentionSeq2Seq implements Seq2SeqModel {
    private final Seq2SeqOptions o;
    private final RecurrentLayer encoder;
    private final AdditiveAttention attention;
    private final LstmCell post;
    private final Dense output;
    private final Parameters params = new Parameters();

    private AttentionSeq2Seq(Seq2SeqOptions o, SeededRandom rng) {
        this.o = o;
        this.encoder = RecurrentLayer.create(
                "encoder",
                RecurrentOptions.of(CellKind.LSTM, o.inputVocabulary(), o.encoderHidden())
                        .withBidirectional(true),
                rng);
        this.attention =
                new AdditiveAttention("attention", o.decoderHidden(), 2 * o.encoderHidden(), o.attentionUnits(), rng);
        this.post = new LstmCell("post", 2 * o.encoderHidden(), o.decoderHidden());
        post.initialize(rng);
        this.output = new Dense("output", o.decoderHidden(), o.outputVocabulary());
        output.initialize(rng);
        params.addAll(encoder.parameters());
        params.addAll(attention.parameters());
        params.addAll(post.parameters());
        params.addAll(output.parameters());
    }

    /** A model with weights drawn from {@code seed}. */
    public static AttentionSeq2Seq create(Seq2SeqOptions options, long seed) {
        return new AttentionSeq2Seq(options, new SeededRandom(seed));
    }

    /** The sizes. */
    public Seq2SeqOptions options() {
        return o;
    }

    /**
     * The bidirectional LSTM encoder over one-hot inputs (input size {@code inputVocabulary},
     * {@code encoderHidden} units per direction; direction 0 forward, 1 reverse).
     */
    public RecurrentLayer encoder() {
        return encoder;
    }

    /** The additive attention scoring the decoder state {@code s} against the encoder outputs {@code a}. */
    public AdditiveAttention attention() {
        return attention;
    }

    /** The post-attention LSTM cell: input the context {@code [B, 2·encoderHidden]}, {@code decoderHidden} units. */
    public LstmCell postAttention() {
        return post;
    }

    /** The output layer {@code logits = s·Wᵀ + b}, {@code W [outputVocabulary, decoderHidden]}. */
    public Dense output() {
        return output;
    }

    /** All parameters: encoder, attention, post-attention LSTM, output layer. */
    @Override
    public Parameters parameters() {
        return params;
    }

    /**
     * A forward pass over a batch.
     *
     * @param logits    per output step, {@code [B, V_out]} logits
     * @param attention per output step, the attention weights {@code [B, Tx]}
     */
    public record Pass(List<float[]> logits, List<Tensor> attention, Internals internals) {}

    /** What backward needs (opaque). */
    public static final class Internals {
        private RecurrentOutput encoded;
        private AdditiveAttention.Keys keys;
        private final List<AdditiveAttention.Output> att = new ArrayList<>();
        private final List<CellOutput> steps = new ArrayList<>();
    }

    /** Input lengths: the position after the last non-padding id (at least 1). */
    private int[] lengths(int[][] x) {
        int[] len = new int[x.length];
        for (int b = 0; b < x.length; b++) {
            int l = 0;
            for (int t = 0; t < x[b].length; t++) {
                if (x[b][t] != 0) {
                    l = t + 1;
                }
            }
            len[b] = Math.max(1, l);
        }
        return len;
    }

    /** Runs the model on {@code x} ({@code [B][Tx]} input ids, 0 = padding). */
    public Pass forward(int[][] x) {
        int batch = x.length;
        int tx = o.inputLength();
        int v = o.inputVocabulary();
        Tensor in = Tensor.zeros(tx, batch, v);
        for (int b = 0; b < batch; b++) {
            if (x[b].length != tx) {
                throw new IllegalArgumentException(
                        "input " + b + " has " + x[b].length + " ids, the model reads " + tx);
            }
            for (int t = 0; t < tx; t++) {
                int id = x[b][t];
                if (id < 0 || id >= v) {
                    throw new IllegalArgumentException("input id " + id + " outside 0.." + (v - 1));
                }
                if (id != 0) {
                    in.data()[(t * batch + b) * v + id] = 1f;
                }
            }
        }
        int[] lengths = lengths(x);
        Internals k = new Internals();
        k.encoded = encoder.forward(in, lengths, null, null, false, null);
        Tensor a = k.encoded.outputs();
        k.keys = attention.keys(a);
        Tensor s = Tensor.zeros(batch, o.decoderHidden());
        Tensor c = Tensor.zeros(batch, o.decoderHidden());
        List<float[]> logits = new ArrayList<>();
        List<Tensor> weights = new ArrayList<>();
        for (int t = 0; t < o.outputLength(); t++) {
            AdditiveAttention.Output att = attention.forward(k.keys, s, lengths);
            CellOutput step = post.step(att.context(), s, c);
            s = step.lastHidden();
            c = step.lastCell();
            float[] y = new float[batch * o.outputVocabulary()];
            output.forward(batch, s.data(), 0, y, 0);
            k.att.add(att);
            k.steps.add(step);
            logits.add(y);
            weights.add(att.weights());
        }
        return new Pass(logits, weights, k);
    }

    /**
     * Forward and backward on a batch: adds the gradients of the mean cross-entropy over all
     * outputs to the parameters (zero them first) and returns that mean.
     *
     * @param y {@code [B][Ty]} target ids
     */
    @Override
    public double trainStep(int[][] x, int[][] y) {
        Pass p = forward(x);
        int batch = x.length;
        int vo = o.outputVocabulary();
        int ty = o.outputLength();
        double loss = 0;
        List<float[]> dLogits = new ArrayList<>();
        for (int t = 0; t < ty; t++) {
            int[] targets = new int[batch];
            for (int b = 0; b < batch; b++) {
                targets[b] = y[b][t];
            }
            float[] d = new float[batch * vo];
            loss += SoftmaxCrossEntropy.lossAndGradient(
                    batch, vo, p.logits().get(t), targets, SoftmaxCrossEntropy.IGNORE_NONE, d);
            for (int i = 0; i < d.length; i++) {
                d[i] /= ty;
            }
            dLogits.add(d);
        }
        Internals k = p.internals();
        int ns = o.decoderHidden();
        Tensor a = k.encoded.outputs();
        Tensor dA = Tensor.zeros(a.shape());
        Tensor dsNext = Tensor.zeros(batch, ns);
        Tensor dcNext = Tensor.zeros(batch, ns);
        for (int t = ty - 1; t >= 0; t--) {
            CellOutput step = k.steps.get(t);
            Tensor ds = dsNext.copy();
            float[] dsOut = new float[batch * ns];
            output.backward(batch, step.lastHidden().data(), 0, dLogits.get(t), 0, dsOut, 0);
            for (int i = 0; i < dsOut.length; i++) {
                ds.data()[i] += dsOut[i];
            }
            CellGradients g = post.stepBackward(step, ds, dcNext);
            Tensor dContext = g.inputs().reshape(batch, 2 * o.encoderHidden());
            Tensor dS = attention.backward(k.att.get(t).cache(), dContext, null, dA);
            dsNext = g.initialHidden();
            for (int i = 0; i < dsNext.size(); i++) {
                dsNext.data()[i] += dS.data()[i];
            }
            dcNext = g.initialCell();
        }
        attention.backward(k.keys, dA);
        encoder.backward(k.encoded.cache(), dA, null, null);
        return loss / ty;
    }

    /** The {@code architecture} value in config.json. */
    public static final String ARCHITECTURE = "seqlab-attention-seq2seq";

    @Override
    public void save(Path dir) throws IOException {
        ModelFiles.save(dir, ModelConfig.of(ARCHITECTURE, o), params);
    }

    /**
     * Reads a model {@link #save}d to {@code dir}.
     *
     * @throws dev.seqlab.core.io.MalformedFileException if the files are not such a model's
     */
    public static AttentionSeq2Seq load(Path dir) throws IOException {
        AttentionSeq2Seq m = new AttentionSeq2Seq(
                ModelConfig.read(dir, ARCHITECTURE, Seq2SeqOptions.defaults()), new SeededRandom(0));
        ModelFiles.loadWeights(dir, m.params);
        return m;
    }

    @Override
    public int[][] decode(int[][] x) {
        Pass p = forward(x);
        int batch = x.length;
        int ty = o.outputLength();
        int vo = o.outputVocabulary();
        int[][] ids = new int[batch][ty];
        float[] sm = new float[batch * vo];
        for (int t = 0; t < ty; t++) {
            Softmax.softmaxRows(batch, vo, p.logits().get(t), 0, vo, sm, 0, vo);
            for (int b = 0; b < batch; b++) {
                ids[b][t] = Reductions.argmax(vo, sm, b * vo);
            }
        }
        return ids;
    }

    /** Greedy decoding of one input ({@code [Tx]} ids). */
    @Override
    public Prediction predict(int[] x) {
        Pass p = forward(new int[][] {x});
        int ty = o.outputLength();
        int vo = o.outputVocabulary();
        int[] ids = new int[ty];
        double[] probs = new double[ty];
        float[][] att = new float[ty][];
        for (int t = 0; t < ty; t++) {
            float[] l = p.logits().get(t);
            float[] sm = new float[vo];
            Softmax.softmaxRows(1, vo, l, 0, vo, sm, 0, vo);
            ids[t] = Reductions.argmax(vo, sm, 0);
            probs[t] = sm[ids[t]];
            att[t] = p.attention().get(t).data().clone();
        }
        return new Prediction(ids, probs, att);
    }
}
