package dev.seqlab.cli.onnx;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code seqlab onnx}: the parent of the ONNX subcommands. */
@Command(
        name = "onnx",
        mixinStandardHelpOptions = true,
        description = "Look inside ONNX model files.",
        subcommands = {InspectCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  seqlab onnx inspect model.onnx", "  seqlab onnx inspect --json model.onnx"})
public final class OnnxCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
