package dev.seqlab.cli.classify;

import dev.seqlab.classify.TextClassifier;
import dev.seqlab.classify.TrainingSummary;
import dev.seqlab.classify.data.LabelledCsv;
import dev.seqlab.classify.data.LabelledText;
import dev.seqlab.classify.options.Architecture;
import dev.seqlab.classify.options.ClassWeighting;
import dev.seqlab.classify.options.ClassifyOptions;
import dev.seqlab.cli.CliCommand;
import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.cli.options.Overrides;
import dev.seqlab.cli.options.ShownDefaults;
import dev.seqlab.cli.options.TrainingOptions;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.io.LoadOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqlab classify train}: trains a sentence classifier and saves it to a directory. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Train a sentence classifier on labelled sentences and word vectors, and save it.",
            "--arch average: the mean of the known word vectors into a linear softmax",
            "(Tribuo's SGD logistic regression; unknown words skipped), which by default",
            "also weighs the sentence's words and word pairs, as fastText does. lstm/bilstm: the",
            "word vectors through an LSTM (unknown words: a zero vector, learned with",
            "--fine-tune). The model directory holds config.json and model.safetensors",
            "(and model.tribuo or vocabulary.txt). With --json, prints the summary."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab classify train --data train.csv --vectors glove.6B.50d.txt --model emoji",
            "  seqlab classify train --data reviews.tsv --text-column review --label-column stars \\",
            "      --vectors vectors.txt --model reviews --arch bilstm --epochs 20 --class-weights balanced --json"
        })
public final class ClassifyTrainCommand extends CliCommand {

    @Option(
            names = "--data",
            required = true,
            paramLabel = "FILE",
            description = "Labelled sentences: CSV or TSV (UTF-8), one sentence per row.")
    Path data;

    @Mixin
    CsvColumnOptions csv;

    @Option(
            names = "--vectors",
            required = true,
            paramLabel = "FILE",
            description = "Word vectors: GloVe, word2vec text/binary, fastText .vec, gzip of these, or seqlab format.")
    Path vectors;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Directory to write the model to.")
    Path model;

    @Option(
            names = "--arch",
            paramLabel = "average|lstm|bilstm",
            description = "The classifier (default: ${bundle:default.arch}).")
    Architecture arch;

    @Mixin
    TrainingOptions training;

    @Option(
            names = "--batch",
            paramLabel = "N",
            description = "Sentences per step (default: ${bundle:default.batchSize}).")
    Integer batch;

    @Option(
            names = "--lr",
            paramLabel = "RATE",
            description = "Step size (default: 0.5 for average, AdaGrad; 0.005 for lstm/bilstm, Adam).")
    Float lr;

    @Option(
            names = "--hidden",
            paramLabel = "N",
            description = "LSTM units per direction (default: ${bundle:default.hidden}).")
    Integer hidden;

    @Option(names = "--fine-tune", description = "Let training change the word vectors (lstm/bilstm).")
    boolean fineTune;

    @Option(
            names = "--class-weights",
            paramLabel = "none|balanced",
            description =
                    "balanced: every class counts equally in the loss, whatever its size (default: ${bundle:default.classWeights}).")
    ClassWeighting classWeights;

    @Option(
            names = "--word-features",
            negatable = true,
            description = "average: beside the averaged vectors, learn a weight per training word and word n-gram"
                    + " (as fastText does); --no-word-features for the averaged vectors alone"
                    + " (default: ${bundle:default.wordFeatures}).")
    Boolean wordFeatures;

    @Option(
            names = "--word-ngrams",
            paramLabel = "N",
            description = "average with word features: the longest run of words given a weight, as fastText's"
                    + " -wordNgrams (default: ${bundle:default.wordNgrams}).")
    Integer wordNgrams;

    @Option(names = "--keep-case", description = "Look words up as written instead of lower-cased.")
    boolean keepCase;

    @Mixin
    JsonOption json;

    @Override
    protected ShownDefaults shownDefaults() {
        return ShownDefaults.of(ClassifyOptions.defaults());
    }

    @Override
    protected int run() throws Exception {
        ClassifyOptions options = Overrides.on(ClassifyOptions.defaults())
                .set(arch, ClassifyOptions::withArch)
                .set(training.epochs(), ClassifyOptions::withEpochs)
                .set(training.seed(), ClassifyOptions::withSeed)
                .set(batch, ClassifyOptions::withBatchSize)
                .set(lr, ClassifyOptions::withLearningRate)
                .set(hidden, ClassifyOptions::withHidden)
                .set(classWeights, ClassifyOptions::withClassWeights)
                .set(wordFeatures, ClassifyOptions::withWordFeatures)
                .set(wordNgrams, ClassifyOptions::withWordNgrams)
                .get()
                .withFineTune(fineTune)
                .withLowercase(!keepCase);
        List<LabelledText> rows = LabelledCsv.read(data, csv.columns());
        List<String> labels;
        try {
            labels = TextClassifier.labels(rows);
        } catch (IllegalArgumentException e) {
            throw new MalformedFileException(data, 0, e.getMessage());
        }
        WordVectors wv = WordVectors.load(vectors, LoadOptions.defaults(), progress());
        TextClassifier c = TextClassifier.train(rows, wv, vectors, options, progress());
        c.save(model);
        TrainingSummary s = c.summary();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("model", model.toString());
        summary.put("architecture", options.arch().name().toLowerCase(Locale.ROOT));
        summary.put("sentences", s.sentences());
        Map<String, Long> perClass = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            perClass.put(labels.get(i), s.classCounts().get(i));
        }
        summary.put("classes", perClass);
        summary.put("dimension", wv.dimension());
        summary.put("epochs", options.epochs());
        summary.put("train_accuracy", round(s.trainAccuracy()));
        summary.put(
                "epoch_losses",
                s.epochLosses().stream().map(ClassifyTrainCommand::round).toList());
        summary.put("tokens", s.oov().tokens());
        summary.put("unknown_tokens", s.oov().unknown());
        summary.put("unknown_rate", round(s.oov().rate()));
        summary.put("sentences_without_known_words", s.oov().sentencesWithoutKnownWords());
        summary.put("seconds", round(s.seconds()));
        if (json.enabled()) {
            printJson(summary);
        } else {
            out().printf(
                            Locale.ROOT,
                            "Trained %s (%s) on %,d sentences, %d classes: train accuracy %.4f, %.1f s.%n"
                                    + "Unknown words: %,d of %,d tokens (%.1f%%), %,d sentences with no known word.%n"
                                    + "Evaluate it with: seqlab classify evaluate --model %s --data TEST.csv%n",
                            model,
                            summary.get("architecture"),
                            s.sentences(),
                            labels.size(),
                            s.trainAccuracy(),
                            s.seconds(),
                            s.oov().unknown(),
                            s.oov().tokens(),
                            100 * s.oov().rate(),
                            s.oov().sentencesWithoutKnownWords(),
                            model);
        }
        return 0;
    }

    static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
