package dev.seqlab.cli.text;

import dev.seqlab.cli.CliCommand;
import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.cli.options.Overrides;
import dev.seqlab.cli.options.ShownDefaults;
import dev.seqlab.cli.options.TrainingOptions;
import dev.seqlab.cli.training.Checkpointing;
import dev.seqlab.core.checkpoint.TrainingStoppedException;
import dev.seqlab.core.train.RunControl;
import dev.seqlab.rnn.cell.CellKind;
import dev.seqlab.rnn.lm.CharLanguageModel;
import dev.seqlab.rnn.lm.CharModelOptions;
import dev.seqlab.rnn.lm.CharModelTrainer;
import dev.seqlab.rnn.lm.TrainOptions;
import dev.seqlab.rnn.lm.TrainingData;
import dev.seqlab.rnn.lm.TrainingReport;
import dev.seqlab.rnn.plot.LossCurve;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqlab text train}: trains a character model and saves it to a directory. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Train a character-level language model on a text file and save it.",
            "The model directory holds config.json and model.safetensors. The best epoch",
            "by validation loss is kept. With --json, prints train_loss, val_loss,",
            "chars_per_s and seconds.",
            "Ctrl-C or SIGTERM stops after the current batch, leaves --model DIR untouched,",
            "writes DIR.checkpoint beside it and exits 130; --resume continues (same model bytes)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab text train --input book.txt --model book-model",
            "  seqlab text train --input names.txt --lines --model names-model --hidden 64 --layers 1 --epochs 30",
            "  seqlab text train --input book.txt --model m --cell gru --hidden 256 --layers 2 --json",
            "  seqlab text train --input book.txt --model book-model --resume   # after Ctrl-C"
        })
public final class TextTrainCommand extends CliCommand {

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "UTF-8 text to learn from.")
    Path input;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Directory to write the model to.")
    Path model;

    @Option(
            names = "--lines",
            description = "Treat each line as a separate sequence (names, titles) instead of running text.")
    boolean lines;

    @Option(
            names = "--cell",
            paramLabel = "lstm|gru|rnn",
            description = "Recurrent cell (default: ${bundle:default.cell}).")
    CellKind cell;

    @Option(names = "--hidden", paramLabel = "N", description = "Units per layer (default: ${bundle:default.hidden}).")
    Integer hidden;

    @Option(names = "--layers", paramLabel = "N", description = "Stacked layers (default: ${bundle:default.layers}).")
    Integer layers;

    @Option(
            names = "--dropout",
            paramLabel = "P",
            description = "Dropout between layers while training (default: ${bundle:default.dropout}).")
    Float dropout;

    @Option(
            names = "--seq-length",
            paramLabel = "N",
            description = "Characters per training window (default: ${bundle:default.seqLength}).")
    Integer seqLength;

    @Option(
            names = "--batch",
            paramLabel = "N",
            description = "Sequences per batch (default: ${bundle:default.batchSize}).")
    Integer batch;

    @Mixin
    TrainingOptions training;

    @Option(
            names = "--lr",
            paramLabel = "RATE",
            description = "Adam learning rate (default: ${bundle:default.learningRate}).")
    Float lr;

    @Option(
            names = "--clip",
            paramLabel = "NORM",
            description = "Clip gradients to this global norm (default: ${bundle:default.clipNorm}).")
    Double clip;

    @Option(
            names = "--clip-value",
            paramLabel = "V",
            description = "Also clip each gradient entry to [-v, v], 0 for off (default: ${bundle:default.clipValue}).")
    Float clipValue;

    @Option(
            names = "--lr-decay",
            paramLabel = "F",
            description = "Multiply the learning rate by this after each epoch (default: ${bundle:default.lrDecay}).")
    Double lrDecay;

    @Option(
            names = "--loss-png",
            paramLabel = "FILE",
            description = "Where to draw the loss curve (default: DIR/loss.png).")
    Path lossPng;

    @Option(
            names = "--validation",
            paramLabel = "F",
            description = "Share of the text held out for validation (default: ${bundle:default.validationFraction}).")
    Double validation;

    @Option(
            names = "--patience",
            paramLabel = "N",
            description =
                    "Stop after this many epochs without improvement, 0 never (default: ${bundle:default.patience}).")
    Integer patience;

    @Mixin
    Checkpointing checkpointing;

    @Mixin
    JsonOption json;

    @Override
    protected ShownDefaults shownDefaults() {
        return ShownDefaults.of(CharModelOptions.defaults()).and(TrainOptions.defaults());
    }

    @Override
    protected int run() throws Exception {
        // options first: a typo should not wait for a large file to be read
        CharModelOptions options = Overrides.on(CharModelOptions.defaults())
                .set(cell, CharModelOptions::withCell)
                .set(hidden, CharModelOptions::withHidden)
                .set(layers, CharModelOptions::withLayers)
                .set(dropout, CharModelOptions::withDropout)
                .get();
        TrainOptions train = trainOptions();
        String text = TextFiles.read(input);
        TrainingData data = lines ? TrainingData.lines(text.lines().toList()) : TrainingData.text(text);
        CharLanguageModel m = CharLanguageModel.create(data.vocabulary(), options, train.seed());
        Path png = lossPng != null ? lossPng : model.resolve("loss.png");
        Optional<TrainingReport> done = checkpointing.train(
                model,
                (stop, checkpoint) -> trainOrStop(
                        m, data, train, RunControl.checkpointTo(checkpoint).withStopRequested(stop)),
                (stop, checkpoint) -> trainOrStop(
                        m,
                        data,
                        train,
                        RunControl.checkpointTo(checkpoint).resuming().withStopRequested(stop)),
                r -> {
                    m.save(model);
                    LossCurve.write(
                            png,
                            r.batchLoss(),
                            r.batchesPerEpoch(),
                            r.validationLoss(),
                            "seqlab text train: " + input.getFileName() + " ("
                                    + options.cell().name().toLowerCase(Locale.ROOT) + " " + options.layers() + "x"
                                    + options.hidden() + ")");
                });
        if (done.isEmpty()) {
            return Checkpointing.STOPPED;
        }
        TrainingReport r = done.get();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("model", model.toString());
        summary.put("cell", options.cell().name().toLowerCase(Locale.ROOT));
        summary.put("vocabulary", m.vocabulary().size());
        summary.put("parameters", m.parameters().totalSize());
        summary.put("epochs", r.trainLoss().size());
        summary.put("best_epoch", r.bestEpoch());
        summary.put("train_loss", round(r.finalTrainLoss()));
        summary.put("val_loss", Double.isNaN(r.finalValidationLoss()) ? null : round(r.finalValidationLoss()));
        summary.put("chars_per_s", Math.round(r.charactersPerSecond()));
        summary.put("seconds", round(r.seconds()));
        summary.put("loss_png", png.toString());
        if (json.enabled()) {
            printJson(summary);
        } else {
            out().printf(
                            Locale.ROOT,
                            "Trained %s: %d epochs (best %d), train loss %.4f, validation loss %s nats/char,%n"
                                    + "%,d chars/s, %.1f s. Loss curve: %s%nSample it with: seqlab text sample --model %s%n",
                            model,
                            r.trainLoss().size(),
                            r.bestEpoch(),
                            r.finalTrainLoss(),
                            Double.isNaN(r.finalValidationLoss())
                                    ? "n/a"
                                    : String.format(Locale.ROOT, "%.4f", r.finalValidationLoss()),
                            Math.round(r.charactersPerSecond()),
                            r.seconds(),
                            png,
                            model);
        }
        return 0;
    }

    /** TrainOptions' defaults with the options given. */
    private TrainOptions trainOptions() {
        return Overrides.on(TrainOptions.defaults())
                .set(training.epochs(), TrainOptions::withEpochs)
                .set(training.seed(), TrainOptions::withSeed)
                .set(batch, TrainOptions::withBatchSize)
                .set(seqLength, TrainOptions::withSeqLength)
                .set(lr, TrainOptions::withLearningRate)
                .set(clip, TrainOptions::withClipNorm)
                .set(clipValue, TrainOptions::withClipValue)
                .set(lrDecay, TrainOptions::withLrDecay)
                .set(validation, TrainOptions::withValidationFraction)
                .set(patience, TrainOptions::withPatience)
                .get();
    }

    /**
     * Trains {@code m} as {@code control} says; the model directory is written only by the
     * caller, once training has finished.
     *
     * @throws TrainingStoppedException when a stop was requested (the checkpoint is then written)
     */
    private TrainingReport trainOrStop(CharLanguageModel m, TrainingData data, TrainOptions train, RunControl control)
            throws IOException, TrainingStoppedException {
        Files.createDirectories(control.checkpoint().getParent());
        TrainingReport r = CharModelTrainer.train(m, data, train, progress(), control);
        if (r.stopRequested()) {
            throw new TrainingStoppedException(
                    control.checkpoint(), r.batchLoss().size(), (long) r.batchesPerEpoch() * train.epochs(), "batches");
        }
        return r;
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
