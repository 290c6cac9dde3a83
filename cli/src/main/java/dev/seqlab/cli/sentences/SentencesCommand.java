package dev.seqlab.cli.sentences;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code seqlab sentences}: the parent of the sentence-embedding subcommands. */
@Command(
        name = "sentences",
        mixinStandardHelpOptions = true,
        description = {
            "Compare sentences by meaning with a pretrained sentence encoder.",
            "The encoder is the bundled all-MiniLM-L6-v2 (quantised), or any BERT-style",
            "ONNX model directory with model.onnx and tokenizer.json."
        },
        subcommands = {SimilarSentencesCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab sentences similar \"How do I reset my password?\" --corpus faq.txt",
            "  seqlab sentences similar \"a dog runs\" \"a puppy runs\" \"stocks fell\""
        })
public final class SentencesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
