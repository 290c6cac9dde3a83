package dev.seqlab.cli.classify;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code seqlab classify}: the parent of {@code train}, {@code predict}, {@code evaluate} and {@code export}. */
@Command(
        name = "classify",
        mixinStandardHelpOptions = true,
        description =
                "Classify sentences with word vectors: train on a labelled CSV, predict, evaluate, export as ONNX.",
        subcommands = {
            ClassifyTrainCommand.class,
            ClassifyPredictCommand.class,
            ClassifyEvaluateCommand.class,
            ClassifyExportCommand.class
        },
        footerHeading = "%nExample:%n",
        footer = {
            "  seqlab classify train --data train.csv --vectors glove.6B.50d.txt --model emoji --arch lstm",
            "  seqlab classify predict --model emoji \"I love you\" \"lets play ball\"",
            "  seqlab classify evaluate --model emoji --data test.csv --png confusion.png",
            "  seqlab classify export --model emoji --out emoji.onnx"
        })
public final class ClassifyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
