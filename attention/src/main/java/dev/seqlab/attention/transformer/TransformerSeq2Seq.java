package dev.seqlab.attention.transformer;

import dev.seqlab.attention.model.Prediction;
import dev.seqlab.attention.model.Seq2SeqModel;
import dev.seqlab.core.io.model.ModelFiles;
import dev.seqlab.core.kernel.Reductions;
import dev.seqlab.core.kernel.Softmax;
import dev.seqlab.core.options.ModelConfig;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.tensor.Tensor;
import dev.seqlab.rnn.layer.Dense;
import dev.seqlab.rnn.layer.Embedding;
import dev.seqlab.rnn.layer.SoftmaxCrossEntropy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Transformer encoder–decoder for short sequence-to-sequence problems (dates):
 * <pre>
 *   enc = Encoderᴺ(√d·E_in[x] + PE)                          (keys masked past each input's length)
 *   dec = Decoderᴺ(√d·E_out[⟨start⟩ y₁ … y_{t−1}] + PE, enc)  (look-ahead mask)
 *   p(yₜ) = softmax(decₜ·Wᵀ + b)
 * </pre>
 * Trained with teacher forcing; {@link #predict} decodes greedily, one symbol at a time.
 */
public final class TransformerSeq2Seq implements Seq2SeqModel {
    /** The {@code architecture} value in config.json. */
    public static final String ARCHITECTURE = "seqlab-transformer-seq2seq";

    private final TransformerOptions o;
    private final Embedding source;
    private final Embedding target;
    private final List<EncoderLayer> encoders = new ArrayList<>();
    private final List<DecoderLayer> decoders = new ArrayList<>();
    private final Dense output;
    private final float[] pe;
    private final float scale;
    private final Parameters params = new Parameters();

    private TransformerSeq2Seq(TransformerOptions o, SeededRandom rng) {
        this.o = o;
        int d = o.dModel();
        scale = (float) Math.sqrt(d);
        source = new Embedding("source", o.inputVocabulary(), d, 0);
        target = new Embedding("target", o.outputVocabulary() + 1, d, Embedding.NO_PADDING);
        for (Embedding e : new Embedding[] {source, target}) {
            e.initialize(rng);
            float[] t = e.table().value().data();
            for (int i = 0; i < t.length; i++) {
                t[i] /= scale; // N(0, 1/d): √d·E then has unit scale, like the positional encoding
            }
        }
        for (int l = 0; l < o.layers(); l++) {
            encoders.add(new EncoderLayer("encoder." + l, d, o.heads(), o.ff(), rng));
            decoders.add(new DecoderLayer("decoder." + l, d, o.heads(), o.ff(), rng));
        }
        output = new Dense("output", d, o.outputVocabulary());
        output.initialize(rng);
        pe = PositionalEncoding.table(Math.max(o.inputLength(), o.outputLength()), d);
        params.addAll(source.parameters());
        params.addAll(target.parameters());
        encoders.forEach(e -> params.addAll(e.parameters()));
        decoders.forEach(e -> params.addAll(e.parameters()));
        params.addAll(output.parameters());
    }

    /** A model with weights drawn from {@code seed}. */
    public static TransformerSeq2Seq create(TransformerOptions options, long seed) {
        return new TransformerSeq2Seq(options, new SeededRandom(seed));
    }

    /** The sizes. */
    public TransformerOptions options() {
        return o;
    }

    /** All parameters. */
    @Override
    public Parameters parameters() {
        return params;
    }

    /** The input embedding {@code [V_in, d]} (id 0 is padding and reads zeros). */
    public Embedding source() {
        return source;
    }

    /** The output embedding {@code [V_out + 1, d]}; its last row, id {@code V_out}, is the start symbol. */
    public Embedding target() {
        return target;
    }

    /** The encoder layers, first to last. */
    public List<EncoderLayer> encoderLayers() {
        return List.copyOf(encoders);
    }

    /** The decoder layers, first to last. */
    public List<DecoderLayer> decoderLayers() {
        return List.copyOf(decoders);
    }

    /** The output layer {@code d → V_out}. */
    public Dense output() {
        return output;
    }

    /** √d, the factor embeddings are multiplied by before the positional encoding is added. */
    public float embeddingScale() {
        return scale;
    }

    /** A copy of the positional encoding added to the embeddings, {@code [max(Tx, Ty), d]} row-major. */
    public float[] positionalEncoding() {
        return pe.clone();
    }

    /** The id of the start symbol the decoder reads first ({@code V_out}). */
    public int startId() {
        return o.outputVocabulary();
    }

    @Override
    public void save(Path dir) throws IOException {
        ModelFiles.save(dir, ModelConfig.of(ARCHITECTURE, o), params);
    }

    /** Reads a model {@link #save}d to {@code dir}. */
    public static TransformerSeq2Seq load(Path dir) throws IOException {
        TransformerSeq2Seq m = new TransformerSeq2Seq(
                ModelConfig.read(dir, ARCHITECTURE, TransformerOptions.defaults()), new SeededRandom(0));
        ModelFiles.loadWeights(dir, m.params);
        return m;
    }

    /** √d·E[ids] + PE for batch-major ids {@code [B·T]}. */
    private float[] embed(Embedding e, int[] ids, int steps) {
        int d = o.dModel();
        float[] x = e.forward(ids).data();
        for (int r = 0; r < ids.length; r++) {
            int t = r % steps;
            for (int j = 0; j < d; j++) {
                x[r * d + j] = x[r * d + j] * scale + pe[t * d + j];
            }
        }
        return x;
    }

    private void embedBackward(Embedding e, int[] ids, float[] dx) {
        float[] g = dx.clone();
        for (int i = 0; i < g.length; i++) {
            g[i] *= scale;
        }
        e.backward(ids, Tensor.wrap(g, ids.length, o.dModel()));
    }

    private record Encoded(float[] out, int[] ids, int[] lengths, List<EncoderLayer.State> states) {}

    private Encoded encode(int[][] x) {
        int batch = x.length;
        int tx = o.inputLength();
        int[] ids = new int[batch * tx];
        int[] lengths = new int[batch];
        for (int b = 0; b < batch; b++) {
            if (x[b].length != tx) {
                throw new IllegalArgumentException(
                        "input " + b + " has " + x[b].length + " ids, the model reads " + tx);
            }
            int len = 1;
            for (int t = 0; t < tx; t++) {
                ids[b * tx + t] = x[b][t];
                if (x[b][t] != 0) {
                    len = t + 1;
                }
            }
            lengths[b] = len;
        }
        float[] h = embed(source, ids, tx);
        List<EncoderLayer.State> states = new ArrayList<>();
        for (EncoderLayer l : encoders) {
            EncoderLayer.Pass p = l.forward(h, tx, batch, lengths);
            states.add(p.state());
            h = p.out();
        }
        return new Encoded(h, ids, lengths, states);
    }

    private record Decoded(
            float[] logits, float[] top, int[] ids, List<DecoderLayer.State> states, float[] crossWeights) {}

    private Decoded decode(Encoded enc, int[] ids, int ty, int batch) {
        float[] h = embed(target, ids, ty);
        List<DecoderLayer.State> states = new ArrayList<>();
        float[] weights = null;
        for (DecoderLayer l : decoders) {
            DecoderLayer.Pass p = l.forward(h, ty, enc.out(), o.inputLength(), batch, enc.lengths());
            states.add(p.state());
            weights = p.crossWeights();
            h = p.out();
        }
        float[] logits = new float[batch * ty * o.outputVocabulary()];
        output.forward(batch * ty, h, 0, logits, 0);
        return new Decoded(logits, h, ids, states, weights);
    }

    /**
     * Teacher-forced forward and backward on a batch: adds the gradients of the mean
     * cross-entropy of all outputs to the parameters (zero them first) and returns that mean.
     */
    @Override
    public double trainStep(int[][] x, int[][] y) {
        int batch = x.length;
        int ty = o.outputLength();
        int vo = o.outputVocabulary();
        Encoded enc = encode(x);
        int[] in = new int[batch * ty];
        int[] targets = new int[batch * ty];
        for (int b = 0; b < batch; b++) {
            in[b * ty] = vo; // start symbol
            for (int t = 0; t < ty; t++) {
                targets[b * ty + t] = y[b][t];
                if (t + 1 < ty) {
                    in[b * ty + t + 1] = y[b][t];
                }
            }
        }
        Decoded dec = decode(enc, in, ty, batch);
        float[] dLogits = new float[dec.logits().length];
        double loss = SoftmaxCrossEntropy.lossAndGradient(
                batch * ty, vo, dec.logits(), targets, SoftmaxCrossEntropy.IGNORE_NONE, dLogits);
        float[] dh = new float[batch * ty * o.dModel()];
        output.backward(batch * ty, dec.top(), 0, dLogits, 0, dh, 0);
        float[] dEnc = new float[enc.out().length];
        for (int l = decoders.size() - 1; l >= 0; l--) {
            float[][] g = decoders.get(l).backward(dec.states().get(l), dh);
            dh = g[0];
            for (int i = 0; i < dEnc.length; i++) {
                dEnc[i] += g[1][i];
            }
        }
        embedBackward(target, in, dh);
        for (int l = encoders.size() - 1; l >= 0; l--) {
            dEnc = encoders.get(l).backward(enc.states().get(l), dEnc);
        }
        embedBackward(source, enc.ids(), dEnc);
        return loss;
    }

    /** Greedy decoding of one input ({@code [Tx]} ids); attention is the last decoder layer's cross-attention averaged over heads. */
    @Override
    public Prediction predict(int[] x) {
        Greedy g = greedy(new int[][] {x});
        int ty = o.outputLength();
        int vo = o.outputVocabulary();
        int tx = o.inputLength();
        int[] out = g.ids()[0];
        double[] probs = new double[ty];
        float[][] att = new float[ty][];
        for (int t = 0; t < ty; t++) {
            probs[t] = g.probabilities()[t * vo + out[t]];
            att[t] = Arrays.copyOfRange(g.attention(), t * tx, (t + 1) * tx);
        }
        return new Prediction(out, probs, att);
    }

    @Override
    public int[][] decode(int[][] x) {
        return greedy(x).ids();
    }

    /**
     * A batch decoded greedily: everything {@link #predict} computes, for every step's whole output
     * distribution.
     *
     * @param ids           the chosen ids {@code [B][Ty]}
     * @param logits        each step's logits {@code [B, Ty, V_out]} row-major
     * @param probabilities their softmax {@code [B, Ty, V_out]}; {@code ids} is the first argmax of each row
     * @param attention     the last decoder layer's cross-attention of each step averaged over heads
     *                      {@code [B, Ty, Tx]} (0 past each input's length)
     */
    public record Greedy(int[][] ids, float[] logits, float[] probabilities, float[] attention) {}

    /**
     * Greedy decoding of a batch ({@code x [B][Tx]} ids, 0 = padding), one symbol at a time: step
     * {@code t} runs the decoder over ⟨start⟩ and the {@code t} symbols chosen so far and takes the
     * most probable next symbol. {@link #predict} is this for a batch of one.
     */
    public Greedy greedy(int[][] x) {
        Encoded enc = encode(x);
        int batch = x.length;
        int ty = o.outputLength();
        int tx = o.inputLength();
        int vo = o.outputVocabulary();
        int[][] out = new int[batch][ty];
        float[] logits = new float[batch * ty * vo];
        float[] probs = new float[batch * ty * vo];
        float[] att = new float[batch * ty * tx];
        for (int t = 0; t < ty; t++) {
            int steps = t + 1;
            int[] in = new int[batch * steps];
            for (int b = 0; b < batch; b++) {
                in[b * steps] = vo; // start symbol
                System.arraycopy(out[b], 0, in, b * steps + 1, t);
            }
            Decoded dec = decode(enc, in, steps, batch);
            for (int b = 0; b < batch; b++) {
                int row = b * steps + t;
                int at = (b * ty + t) * vo;
                System.arraycopy(dec.logits(), row * vo, logits, at, vo);
                Softmax.softmaxRows(1, vo, dec.logits(), row * vo, vo, probs, at, vo);
                out[b][t] = Reductions.argmax(vo, probs, at);
                System.arraycopy(crossAttention(dec, b, steps, t), 0, att, (b * ty + t) * tx, tx);
            }
        }
        return new Greedy(out, logits, probs, att);
    }

    /**
     * Beam-search decoding: keeps the {@code width} most probable prefixes at each step and returns
     * the most probable full output ({@code width} 1 is greedy decoding).
     */
    public Prediction beam(int[] x, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("beam width must be positive, got " + width);
        }
        Encoded enc = encode(new int[][] {x});
        int ty = o.outputLength();
        int vo = o.outputVocabulary();
        record Hyp(int[] ids, double logProb, double[] probs, float[][] att) {}
        List<Hyp> beams = List.of(new Hyp(new int[0], 0, new double[0], new float[0][]));
        for (int t = 0; t < ty; t++) {
            List<Hyp> next = new ArrayList<>();
            for (Hyp h : beams) {
                int[] in = new int[t + 1];
                in[0] = vo;
                System.arraycopy(h.ids(), 0, in, 1, t);
                Decoded dec = decode(enc, in, t + 1, 1);
                float[] sm = new float[vo];
                Softmax.softmaxRows(1, vo, dec.logits(), t * vo, vo, sm, 0, vo);
                float[] att = crossAttention(dec, 0, t + 1, t);
                for (int v = 0; v < vo; v++) {
                    int[] ids = Arrays.copyOf(h.ids(), t + 1);
                    ids[t] = v;
                    double[] probs = Arrays.copyOf(h.probs(), t + 1);
                    probs[t] = sm[v];
                    float[][] a = Arrays.copyOf(h.att(), t + 1);
                    a[t] = att;
                    next.add(new Hyp(ids, h.logProb() + Math.log(Math.max(sm[v], Float.MIN_VALUE)), probs, a));
                }
            }
            next.sort((p, q) -> Double.compare(q.logProb(), p.logProb()));
            beams = next.subList(0, Math.min(width, next.size()));
        }
        Hyp best = beams.get(0);
        return new Prediction(best.ids(), best.probs(), best.att());
    }

    /** Query {@code t}'s cross-attention in sequence {@code b} of a decoding over {@code steps} positions, averaged over heads. */
    private float[] crossAttention(Decoded dec, int b, int steps, int t) {
        int tx = o.inputLength();
        int heads = o.heads();
        float[] avg = new float[tx];
        for (int h = 0; h < heads; h++) {
            for (int j = 0; j < tx; j++) {
                avg[j] += dec.crossWeights()[((b * heads + h) * steps + t) * tx + j] / heads;
            }
        }
        return avg;
    }
}
