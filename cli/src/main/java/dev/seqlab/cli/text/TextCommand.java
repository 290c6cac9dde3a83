package dev.seqlab.cli.text;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code seqlab text}: the parent of {@code train}, {@code sample} and {@code export}. */
@Command(
        name = "text",
        mixinStandardHelpOptions = true,
        description = "Train a character-level language model on any text, generate text from it, export it as ONNX.",
        subcommands = {TextTrainCommand.class, TextSampleCommand.class, TextExportCommand.class},
        footerHeading = "%nExample:%n",
        footer = {
            "  seqlab text train --input book.txt --model book-model --epochs 5",
            "  seqlab text sample --model book-model --prime \"It was \" --length 300 --seed 1",
            "  seqlab text export --model book-model --out book.onnx"
        })
public final class TextCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
