package dev.seqlab.cli.jazz;

import dev.seqlab.cli.CliCommand;
import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.generators.jazz.JazzGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqlab jazz train}: learns a jazz model from the melodies of MIDI files. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Learn a jazz model from MIDI files.",
            "The melody track (the highest-pitched one, or --melody-track) is quantised to",
            "sixteenths, chords are inferred from the other tracks, and an LSTM learns the",
            "melody as chord-relative notes so it can play over any changes."
        },
        footerHeading = "%nExample:%n",
        footer = "  seqlab jazz train --midi solos/ --model my-jazz && seqlab jazz --model my-jazz --seed 1")
public final class JazzTrainCommand extends CliCommand {

    @Option(
            names = "--midi",
            required = true,
            arity = "1..*",
            paramLabel = "FILE_OR_DIR",
            description = "MIDI files, or directories searched for *.mid and *.midi.")
    List<Path> midi;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Directory to write the model to.")
    Path model;

    @Option(
            names = "--melody-track",
            paramLabel = "N",
            description = "The track holding the melody (0-based) in every file.")
    Integer melodyTrack;

    @Mixin
    JsonOption json;

    @Override
    protected int run() throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path p : midi) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> f.toString().toLowerCase(Locale.ROOT).matches(".*\\.midi?$"))
                            .sorted()
                            .forEach(files::add);
                }
            } else if (Files.exists(p)) {
                files.add(p);
            } else {
                throw new NoSuchFileException(p.toString());
            }
        }
        if (files.isEmpty()) {
            throw new IOException("no .mid or .midi files under " + midi);
        }
        JazzGenerator g = JazzGenerator.fromMidi(files, melodyTrack, progress());
        g.save(model);
        double val = g.report().finalValidationLoss();
        if (json.enabled()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", model.toString());
            doc.put("files", files.size());
            doc.put("train_loss", Math.round(g.report().finalTrainLoss() * 1e4) / 1e4);
            doc.put("val_loss", Double.isNaN(val) ? null : Math.round(val * 1e4) / 1e4);
            doc.put("seconds", Math.round(g.report().seconds() * 100) / 100.0);
            printJson(doc);
        } else {
            out().printf(
                            Locale.ROOT,
                            "Learnt from %d MIDI file(s) into %s (train loss %.3f). Play it: seqlab jazz --model %s%n",
                            files.size(),
                            model,
                            g.report().finalTrainLoss(),
                            model);
        }
        return 0;
    }
}
