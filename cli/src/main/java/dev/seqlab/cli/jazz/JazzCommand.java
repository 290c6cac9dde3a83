package dev.seqlab.cli.jazz;

import dev.seqlab.cli.CliCommand;
import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.cli.options.ShownDefaults;
import dev.seqlab.cli.options.TemperatureOption;
import dev.seqlab.generators.cache.CachedModel;
import dev.seqlab.generators.jazz.JazzGenerator;
import dev.seqlab.generators.jazz.io.MidiFiles;
import dev.seqlab.generators.jazz.io.PianoRoll;
import dev.seqlab.generators.jazz.io.WavRenderer;
import dev.seqlab.generators.jazz.score.Score;
import dev.seqlab.generators.jazz.theory.Progression;
import dev.seqlab.rnn.lm.SamplingOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqlab jazz}: the course's "Improvise a Jazz Solo with an LSTM" as a command. */
@Command(
        name = "jazz",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        subcommands = JazzTrainCommand.class,
        description = {
            "Improvise a jazz solo with an LSTM over chord changes, with walking bass and piano.",
            "Writes a standard MIDI file, and optionally a WAV and a piano-roll PNG. The default model",
            "is trained on first use (a few seconds) and cached in $SEQLAB_HOME."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab jazz --out solo.mid --wav solo.wav --png roll.png --seed 1",
            "  seqlab jazz --progression \"F7 Bb7 F7 Cm7,F7 Bb7 Bdim7 F7 Am7,D7 Gm7 C7 F7,D7 Gm7,C7\" --bars 24 --tempo 160",
            "  seqlab jazz train --midi my-solos/ --model my-jazz && seqlab jazz --model my-jazz"
        })
public final class JazzCommand extends CliCommand {

    @Option(
            names = "--out",
            defaultValue = "solo.mid",
            paramLabel = "FILE",
            description = "MIDI file to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--wav", paramLabel = "FILE", description = "Also render the solo to this WAV file.")
    Path wav;

    @Option(names = "--png", paramLabel = "FILE", description = "Also draw a piano roll to this PNG file.")
    Path png;

    @Option(names = "--bars", defaultValue = "8", description = "Length in bars (default: ${DEFAULT-VALUE}).")
    int bars;

    @Option(
            names = "--tempo",
            defaultValue = "140",
            paramLabel = "BPM",
            description = "Quarter notes per minute (default: ${DEFAULT-VALUE}).")
    int tempo;

    @Option(
            names = "--progression",
            defaultValue = Progression.II_V_I,
            description = {
                "Chords, one bar each, two per bar joined by a comma (default: \"${DEFAULT-VALUE}\").",
                "Qualities: maj7 6 7 9 13 7b9 7alt 7sus4 m7 m6 m7b5 dim7 aug, with flats (Bb7) or sharps (F#m7)."
            })
    String progression;

    @Option(
            names = "--model",
            paramLabel = "DIR",
            description = "Use a model from 'seqlab jazz train' instead of the built-in one.")
    Path model;

    @Option(names = "--seed", description = "Seed: the same seed gives the same files (default: a new one each run).")
    Long seed;

    @Mixin
    TemperatureOption temperature;

    @Mixin
    JsonOption json;

    @Override
    protected ShownDefaults shownDefaults() {
        return ShownDefaults.none()
                .with("temperature", SamplingOptions.defaults().temperature());
    }

    @Override
    protected int run() throws Exception {
        Progression p = Progression.parse(progression);
        if (bars < 1 || bars > 1024) {
            throw new IllegalArgumentException("--bars must be 1..1024, got " + bars);
        }
        if (tempo < 20 || tempo > 400) {
            throw new IllegalArgumentException("--tempo must be 20..400, got " + tempo);
        }
        double t = temperature.value();
        JazzGenerator gen;
        if (model != null) {
            gen = JazzGenerator.load(model);
        } else {
            if (!JazzGenerator.standardCached() && !json.enabled()) {
                err().println("seqlab: training the jazz model (first run only; cached in "
                        + CachedModel.dir(JazzGenerator.DEFAULT_MODEL) + ")");
            }
            gen = JazzGenerator.standard(progress());
        }
        long s = seed != null ? seed : System.nanoTime();
        Score score = gen.solo(p, bars, tempo, t, s);
        MidiFiles.write(score, out);
        if (wav != null) {
            WavRenderer.write(score, wav);
        }
        if (png != null) {
            PianoRoll.write(score, png);
        }
        if (json.enabled()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("midi", out.toString());
            doc.put("wav", wav == null ? null : wav.toString());
            doc.put("png", png == null ? null : png.toString());
            doc.put("progression", p.toString());
            doc.put("bars", bars);
            doc.put("tempo", tempo);
            doc.put("seconds", Math.round(score.seconds() * 100) / 100.0);
            doc.put("solo_notes", score.melody().size());
            doc.put("seed", s);
            printJson(doc);
        } else {
            out().printf(
                            Locale.ROOT,
                            "Wrote %s: %d bars over %s at %d bpm (%.1f s, %d solo notes)%s%s%n",
                            out,
                            bars,
                            p,
                            tempo,
                            score.seconds(),
                            score.melody().size(),
                            wav == null ? "" : ", " + wav,
                            png == null ? "" : ", " + png);
        }
        return 0;
    }
}
