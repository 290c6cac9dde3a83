package dev.seqlab.classify.options;

import dev.seqlab.core.options.Checks;
import dev.seqlab.core.options.Withers;

/**
 * How a {@link dev.seqlab.classify.TextClassifier} is trained, built fluently from {@link #defaults()}:
 * {@code ClassifyOptions.defaults().withArch(Architecture.LSTM).withEpochs(20)}.
 *
 * @param arch          average, lstm or bilstm
 * @param epochs        passes over the training sentences
 * @param batchSize     sentences per gradient step
 * @param learningRate  the step size, 0 for the architecture's default: AdaGrad's for {@code average}
 *                      (default 0.5), Adam's for the recurrent ones (default 0.005)
 * @param hidden        LSTM units per direction (recurrent architectures only)
 * @param fineTune      let training change the word vectors (recurrent architectures only; the
 *                      vector of unknown words is then learned too, zero otherwise)
 * @param classWeights  how each sentence counts in the loss
 * @param wordFeatures  {@code average} only: beside the averaged vectors, give the linear model one
 *                      feature per training word (its share of the sentence's tokens), as
 *                      fastText's supervised mode learns a weight per word
 * @param wordNgrams    {@code average} with word features: the longest run of words given a
 *                      feature, as fastText's {@code -wordNgrams} (1: words, 2: words and word pairs,
 *                      the sentence's start and end counting as words, so a pair can say "starts
 *                      with 'to'")
 * @param lowercase     lower-case tokens before looking them up in the vectors
 * @param seed          every random choice (initial weights, sentence order)
 */
public record ClassifyOptions(
        Architecture arch,
        int epochs,
        int batchSize,
        float learningRate,
        int hidden,
        boolean fineTune,
        ClassWeighting classWeights,
        boolean wordFeatures,
        int wordNgrams,
        boolean lowercase,
        long seed) {

    /** Validates with messages naming the offending value. */
    public ClassifyOptions {
        Checks.required("arch", arch, "average, lstm or bilstm");
        Checks.atLeast("epochs", epochs, 1);
        Checks.atLeast("batchSize", batchSize, 1);
        if (!(learningRate >= 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException(
                    "learning rate must be a positive finite number (0: the architecture's default), got "
                            + learningRate);
        }
        Checks.atLeast("hidden", hidden, 1);
        Checks.required("classWeights", classWeights, "none or balanced");
        Checks.atLeast("wordNgrams", wordNgrams, 1);
    }

    /**
     * average, 10 epochs, batches of 32, the architecture's learning rate, 64 LSTM units, frozen
     * vectors, no class weights, word features of words and word pairs (chosen on a validation split
     * of bench/classify-vs-fasttext.sh's training data: 0.876 against 0.787 for the averaged
     * vectors alone), lower case, seed 1.
     */
    public static ClassifyOptions defaults() {
        return new ClassifyOptions(Architecture.AVERAGE, 10, 32, 0f, 64, false, ClassWeighting.NONE, true, 2, true, 1);
    }

    /** The step size training uses: {@link #learningRate()}, or the architecture's default when that is 0. */
    public float effectiveLearningRate() {
        if (learningRate > 0) {
            return learningRate;
        }
        return arch == Architecture.AVERAGE ? 0.5f : 0.005f;
    }

    /** These options with another architecture. */
    public ClassifyOptions withArch(Architecture a) {
        return Withers.with(this, "arch", a);
    }

    /** These options with another number of epochs. */
    public ClassifyOptions withEpochs(int n) {
        return Withers.with(this, "epochs", n);
    }

    /** These options with another batch size. */
    public ClassifyOptions withBatchSize(int n) {
        return Withers.with(this, "batchSize", n);
    }

    /** These options with another learning rate. */
    public ClassifyOptions withLearningRate(float r) {
        return Withers.with(this, "learningRate", r);
    }

    /** These options with another LSTM width. */
    public ClassifyOptions withHidden(int n) {
        return Withers.with(this, "hidden", n);
    }

    /** These options fine-tuning the word vectors or not. */
    public ClassifyOptions withFineTune(boolean on) {
        return Withers.with(this, "fineTune", on);
    }

    /** These options with another class weighting. */
    public ClassifyOptions withClassWeights(ClassWeighting w) {
        return Withers.with(this, "classWeights", w);
    }

    /** These options with or without word features (average only). */
    public ClassifyOptions withWordFeatures(boolean on) {
        return Withers.with(this, "wordFeatures", on);
    }

    /** These options with another longest word n-gram (average with word features). */
    public ClassifyOptions withWordNgrams(int n) {
        return Withers.with(this, "wordNgrams", n);
    }

    /** These options lower-casing tokens or not. */
    public ClassifyOptions withLowercase(boolean on) {
        return Withers.with(this, "lowercase", on);
    }

    /** These options with another seed. */
    public ClassifyOptions withSeed(long s) {
        return Withers.with(this, "seed", s);
    }
}
