package dev.seqlab.cli.text;

import dev.seqlab.cli.CliCommand;
import dev.seqlab.rnn.cell.CellKind;
import dev.seqlab.rnn.lm.CharLanguageModel;
import dev.seqlab.rnn.lm.CharModelOptions;
import dev.seqlab.rnn.lm.CharModelTrainer;
import dev.seqlab.rnn.lm.TrainOptions;
import dev.seqlab.rnn.lm.TrainingData;
import dev.seqlab.rnn.lm.TrainingReport;
import dev.seqlab.rnn.plot.LossCurve;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seqlab text train}: trains a character model and saves it to a directory. */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Train a character-level language model on a text file and save it to a directory",
            "(config.json + model.safetensors). The best epoch by validation loss is kept."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab text train --input book.txt --model book-model",
            "  seqlab text train --input names.txt --lines --model names-model --hidden 64 --layers 1 --epochs 30",
            "  seqlab text train --input book.txt --model m --cell gru --hidden 256 --layers 2 --json"
        })
public final class TextTrainCommand extends CliCommand {

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "UTF-8 text to learn from.")
    Path input;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Directory to write the model to.")
    Path model;

    @Option(names = "--lines", description = "Treat each line as a separate sequence (names, titles) instead of running text.")
    boolean lines;

    @Option(names = "--cell", defaultValue = "lstm", paramLabel = "lstm|gru|rnn", description = "Recurrent cell (default: ${DEFAULT-VALUE}).")
    CellKind cell;

    @Option(names = "--hidden", defaultValue = "128", description = "Units per layer (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--layers", defaultValue = "2", description = "Stacked layers (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--dropout", defaultValue = "0.0", description = "Dropout between layers while training (default: ${DEFAULT-VALUE}).")
    float dropout;

    @Option(names = "--seq-length", defaultValue = "100", description = "Characters per training window (default: ${DEFAULT-VALUE}).")
    int seqLength;

    @Option(names = "--batch", defaultValue = "32", description = "Sequences per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--epochs", defaultValue = "10", description = "Passes over the text (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--lr", defaultValue = "0.002", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    float lr;

    @Option(names = "--clip", defaultValue = "5.0", description = "Clip gradients to this global norm (default: ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--clip-value", defaultValue = "0", description = "Also clip each gradient entry to [-v, v], 0 for off (default: ${DEFAULT-VALUE}).")
    float clipValue;

    @Option(names = "--lr-decay", defaultValue = "1.0", description = "Multiply the learning rate by this after each epoch (default: ${DEFAULT-VALUE}).")
    double lrDecay;

    @Option(names = "--loss-png", paramLabel = "FILE", description = "Where to draw the loss curve (default: DIR/loss.png).")
    Path lossPng;

    @Option(names = "--validation", defaultValue = "0.1", description = "Share of the text held out for validation (default: ${DEFAULT-VALUE}).")
    double validation;

    @Option(names = "--patience", defaultValue = "3", description = "Stop after this many epochs without improvement, 0 never (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for weights, shuffling and dropout (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print a JSON summary (train_loss, val_loss, chars_per_s, seconds).")
    boolean json;

    @Override
    protected int run() throws Exception {
        // options first: a typo should not wait for a large file to be read
        CharModelOptions options = new CharModelOptions(cell, hidden, layers, dropout);
        TrainOptions train = new TrainOptions(epochs, batch, seqLength, lr, clip, clipValue, lrDecay, seed, validation, patience, model);
        String text = TextFiles.read(input);
        TrainingData data = lines ? TrainingData.lines(text.lines().toList()) : TrainingData.text(text);
        CharLanguageModel m = CharLanguageModel.create(data.vocabulary(), options, seed);
        TrainingReport r = CharModelTrainer.train(m, data, train, progress());
        m.save(model);
        Path png = lossPng != null ? lossPng : model.resolve("loss.png");
        LossCurve.write(png, r.batchLoss(), r.batchesPerEpoch(), r.validationLoss(),
                "seqlab text train: " + input.getFileName() + " (" + cell.name().toLowerCase(Locale.ROOT) + " " + layers + "x" + hidden + ")");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("model", model.toString());
        summary.put("cell", cell.name().toLowerCase(Locale.ROOT));
        summary.put("vocabulary", m.vocabulary().size());
        summary.put("parameters", m.parameters().totalSize());
        summary.put("epochs", r.trainLoss().size());
        summary.put("best_epoch", r.bestEpoch());
        summary.put("train_loss", round(r.finalTrainLoss()));
        summary.put("val_loss", Double.isNaN(r.finalValidationLoss()) ? null : round(r.finalValidationLoss()));
        summary.put("chars_per_s", Math.round(r.charactersPerSecond()));
        summary.put("seconds", round(r.seconds()));
        summary.put("loss_png", png.toString());
        if (json) {
            printJson(summary);
        } else {
            out().printf(Locale.ROOT, "Trained %s: %d epochs (best %d), train loss %.4f, validation loss %s nats/char,%n"
                            + "%,d chars/s, %.1f s. Loss curve: %s%nSample it with: seqlab text sample --model %s%n",
                    model, r.trainLoss().size(), r.bestEpoch(), r.finalTrainLoss(),
                    Double.isNaN(r.finalValidationLoss()) ? "n/a" : String.format(Locale.ROOT, "%.4f", r.finalValidationLoss()),
                    Math.round(r.charactersPerSecond()), r.seconds(), png, model);
        }
        return 0;
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
