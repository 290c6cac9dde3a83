package dev.seqlab.rnn.classify;

import dev.seqlab.core.kernel.Reductions;
import dev.seqlab.core.kernel.Softmax;
import dev.seqlab.core.optim.AdamOptions;
import dev.seqlab.core.optim.Optimizer;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.tensor.Tensor;
import dev.seqlab.core.train.ExampleBatches;
import dev.seqlab.core.train.TrainingLoop;
import dev.seqlab.core.train.TrainingOptions;
import dev.seqlab.core.train.TrainingResult;
import dev.seqlab.rnn.layer.Dense;
import dev.seqlab.rnn.layer.Embedding;
import dev.seqlab.rnn.layer.RecurrentLayer;
import dev.seqlab.rnn.layer.RecurrentOptions;
import dev.seqlab.rnn.layer.RecurrentOutput;
import dev.seqlab.rnn.layer.SoftmaxCrossEntropy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Classifies token sequences: embeddings → recurrent stack → each sequence's final state (both
 * directions joined when bidirectional) → dropout → dense → softmax.
 *
 * <pre>{@code
 * SequenceClassifier c = SequenceClassifier.create(
 *         ClassifierOptions.defaults().withVocabulary(vocab).withLayers(2).withDropout(0.5f).withClasses(5), 1);
 * c.setEmbeddings(gloveRows, true);                // optional: pretrained and frozen
 * c.fit(sentences, labels, 30, 32, 1e-2f, 7);
 * int emoji = c.predict(tokens);
 * }</pre>
 */
public final class SequenceClassifier {
    private final ClassifierOptions options;
    private final Embedding embedding;
    private final RecurrentLayer rnn;
    private final Dense head;
    private final Parameters params = new Parameters();
    private boolean embeddingsFrozen;

    private SequenceClassifier(ClassifierOptions o, SeededRandom rng) {
        this.options = o;
        this.embedding = new Embedding("embedding", o.vocabulary(), o.embeddingDim(), 0);
        embedding.initialize(rng);
        this.rnn = RecurrentLayer.create(
                "rnn",
                RecurrentOptions.of(o.cell(), o.embeddingDim(), o.hidden())
                        .withLayers(o.layers())
                        .withBidirectional(o.bidirectional())
                        .withDropout(o.dropout()),
                rng);
        int dirs = o.bidirectional() ? 2 : 1;
        this.head = new Dense("head", dirs * o.hidden(), o.classes());
        head.initialize(rng);
        params.addAll(embedding.parameters());
        params.addAll(rnn.parameters());
        params.addAll(head.parameters());
    }

    /** A classifier with weights drawn from {@code seed}. */
    public static SequenceClassifier create(ClassifierOptions options, long seed) {
        return new SequenceClassifier(options, new SeededRandom(seed));
    }

    /** The architecture. */
    public ClassifierOptions options() {
        return options;
    }

    /** The token embedding table (id 0, padding, always reads as a zero vector). */
    public Embedding embedding() {
        return embedding;
    }

    /** The recurrent stack. */
    public RecurrentLayer recurrent() {
        return rnn;
    }

    /** The output layer, final states to one logit per class. */
    public Dense head() {
        return head;
    }

    /** All parameters (the embedding table first). */
    public Parameters parameters() {
        return params;
    }

    /** The parameters training updates: all, or all but the embeddings when they are frozen. */
    public Parameters trainableParameters() {
        if (!embeddingsFrozen) {
            return params;
        }
        Parameters p = new Parameters();
        p.addAll(rnn.parameters());
        p.addAll(head.parameters());
        return p;
    }

    /**
     * Copies pretrained vectors into the embedding table ({@code [vocabulary, embeddingDim]}
     * row-major; row 0, padding, is zeroed) and optionally freezes them.
     */
    public void setEmbeddings(float[] rows, boolean freeze) {
        float[] t = embedding.table().value().data();
        if (rows.length != t.length) {
            throw new IllegalArgumentException("embedding rows must be " + options.vocabulary() + " × "
                    + options.embeddingDim() + " = " + t.length + " floats, got " + rows.length);
        }
        System.arraycopy(rows, 0, t, 0, t.length);
        Arrays.fill(t, 0, options.embeddingDim(), 0f);
        this.embeddingsFrozen = freeze;
    }

    /** Time-major ids {@code [T·B]} padded with 0, and the lengths. */
    private static int[] pack(List<int[]> seqs, int[] lengths) {
        int steps = 0;
        for (int i = 0; i < seqs.size(); i++) {
            int[] s = seqs.get(i);
            if (s.length == 0) {
                throw new IllegalArgumentException("sequence " + i + " is empty");
            }
            lengths[i] = s.length;
            steps = Math.max(steps, s.length);
        }
        int b = seqs.size();
        int[] ids = new int[steps * b];
        for (int j = 0; j < b; j++) {
            int[] s = seqs.get(j);
            for (int t = 0; t < s.length; t++) {
                ids[t * b + j] = s[t];
            }
        }
        return ids;
    }

    /** Logits {@code [B, classes]} and what backward needs. */
    private record Pass(float[] logits, float[] features, float[] mask, RecurrentOutput out, int[] ids) {}

    private Pass forward(List<int[]> seqs, boolean train, SeededRandom rng) {
        int b = seqs.size();
        int[] lengths = new int[b];
        int[] ids = pack(seqs, lengths);
        int steps = ids.length / b;
        Tensor x = embedding.forward(ids).reshape(steps, b, options.embeddingDim());
        RecurrentOutput out = rnn.forward(x, lengths, null, null, train, rng);
        int dirs = options.bidirectional() ? 2 : 1;
        int h = options.hidden();
        float[] features = new float[b * dirs * h];
        float[] last = out.lastHidden().data();
        int top = (options.layers() - 1) * dirs;
        for (int d = 0; d < dirs; d++) {
            for (int j = 0; j < b; j++) {
                System.arraycopy(last, ((top + d) * b + j) * h, features, (j * dirs + d) * h, h);
            }
        }
        float[] mask = null;
        if (train && options.dropout() > 0) {
            mask = new float[features.length];
            float keep = 1 - options.dropout();
            for (int i = 0; i < mask.length; i++) {
                mask[i] = rng.nextFloat() < keep ? 1 / keep : 0f;
                features[i] *= mask[i];
            }
        }
        float[] logits = new float[b * options.classes()];
        head.forward(b, features, 0, logits, 0);
        return new Pass(logits, features, mask, out, ids);
    }

    /**
     * Forward and backward on a batch: adds the gradients of the mean cross-entropy to the
     * parameters (the caller zeroes them first) and returns that mean.
     */
    public double trainStep(List<int[]> seqs, int[] labels, SeededRandom rng) {
        return trainStep(seqs, labels, null, rng);
    }

    /**
     * As {@link #trainStep(List, int[], SeededRandom)} with the loss weighted per sequence
     * ({@code Σ wᵢℓᵢ / Σ wᵢ}: class weights for unbalanced data); null weights weigh all alike.
     */
    public double trainStep(List<int[]> seqs, int[] labels, float[] weights, SeededRandom rng) {
        int b = seqs.size();
        Pass p = forward(seqs, true, rng);
        int c = options.classes();
        float[] dLogits = new float[b * c];
        double loss = weights == null
                ? SoftmaxCrossEntropy.lossAndGradient(
                        b, c, p.logits(), labels, SoftmaxCrossEntropy.IGNORE_NONE, dLogits)
                : SoftmaxCrossEntropy.weightedLossAndGradient(b, c, p.logits(), labels, weights, dLogits);
        int dirs = options.bidirectional() ? 2 : 1;
        int h = options.hidden();
        float[] dFeatures = new float[b * dirs * h];
        head.backward(b, p.features(), 0, dLogits, 0, dFeatures, 0);
        if (p.mask() != null) {
            for (int i = 0; i < dFeatures.length; i++) {
                dFeatures[i] *= p.mask()[i];
            }
        }
        Tensor dLast = Tensor.zeros(options.layers() * dirs, b, h);
        int top = (options.layers() - 1) * dirs;
        for (int d = 0; d < dirs; d++) {
            for (int j = 0; j < b; j++) {
                System.arraycopy(dFeatures, (j * dirs + d) * h, dLast.data(), ((top + d) * b + j) * h, h);
            }
        }
        Tensor dX = rnn.backward(p.out().cache(), null, dLast, null).inputs();
        if (!embeddingsFrozen) {
            embedding.backward(p.ids(), dX.reshape(p.ids().length, options.embeddingDim()));
        }
        return loss;
    }

    /** Class probabilities {@code [B, classes]} for a batch of sequences (no dropout). */
    public float[] probabilities(List<int[]> seqs) {
        Pass p = forward(seqs, false, null);
        int c = options.classes();
        float[] probs = new float[p.logits().length];
        Softmax.softmaxRows(seqs.size(), c, p.logits(), 0, c, probs, 0, c);
        return probs;
    }

    /** The most probable class of one sequence. */
    public int predict(int[] tokens) {
        float[] p = probabilities(List.of(tokens));
        return Reductions.argmax(p.length, p, 0);
    }

    /** The share of sequences whose predicted class equals the label. */
    public double accuracy(List<int[]> seqs, int[] labels) {
        int c = options.classes();
        float[] p = probabilities(seqs);
        int right = 0;
        for (int i = 0; i < seqs.size(); i++) {
            if (Reductions.argmax(c, p, i * c) == labels[i]) {
                right++;
            }
        }
        return right / (double) seqs.size();
    }

    /**
     * Trains with Adam on shuffled minibatches (gradients clipped to global norm 5), without
     * progress; returns the mean training loss of each epoch.
     */
    public double[] fit(List<int[]> seqs, int[] labels, int epochs, int batchSize, float learningRate, long seed) {
        TrainingOptions o = TrainingOptions.defaults()
                .withEpochs(epochs)
                .withBatchSize(batchSize)
                .withLearningRate(learningRate)
                .withSeed(seed);
        return fit(seqs, labels, o, ProgressListener.NONE).trainLoss().stream()
                .mapToDouble(Double::doubleValue)
                .toArray();
    }

    /**
     * Trains the {@link #trainableParameters()} with Adam on core's {@link TrainingLoop}: minibatches
     * of {@code o.batchSize()} sequences in an order shuffled afresh every epoch, {@code o}'s schedule
     * and clipping, progress in sequences.
     *
     * @throws IllegalArgumentException if the numbers of sequences and labels differ
     */
    public TrainingResult fit(List<int[]> seqs, int[] labels, TrainingOptions o, ProgressListener progress) {
        return fit(seqs, labels, null, o, progress);
    }

    /**
     * As {@link #fit(List, int[], TrainingOptions, ProgressListener)} with each sequence's loss
     * weighted by {@code weights} (null: all alike), e.g. by the inverse frequency of its class.
     *
     * @throws IllegalArgumentException if the numbers of sequences, labels and weights differ
     */
    public TrainingResult fit(
            List<int[]> seqs, int[] labels, float[] weights, TrainingOptions o, ProgressListener progress) {
        if (seqs.size() != labels.length) {
            throw new IllegalArgumentException(seqs.size() + " sequences but " + labels.length + " labels");
        }
        if (weights != null && weights.length != labels.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + weights.length + " weights");
        }
        return TrainingLoop.<int[]>of(
                        trainableParameters(),
                        Optimizer.adam(AdamOptions.defaults().withLearningRate(o.learningRate())),
                        o)
                .batches(new ExampleBatches(seqs.size(), o.batchSize(), false))
                .step((batch, rng) -> {
                    List<int[]> x = new ArrayList<>(batch.length);
                    int[] y = new int[batch.length];
                    float[] w = weights == null ? null : new float[batch.length];
                    for (int i = 0; i < batch.length; i++) {
                        x.add(seqs.get(batch[i]));
                        y[i] = labels[batch[i]];
                        if (w != null) {
                            w[i] = weights[batch[i]];
                        }
                    }
                    return trainStep(x, y, w, rng);
                })
                .progress(progress, "Training the classifier", "sequences")
                .run();
    }
}
