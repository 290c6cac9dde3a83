package dev.seqlab.generators.jazz.io;

import dev.seqlab.core.io.AtomicFiles;
import dev.seqlab.generators.jazz.score.Note;
import dev.seqlab.generators.jazz.score.Score;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Renders a score to a mono 16-bit WAV with a small additive synthesiser: each note is a few
 * harmonics from a sine table under an attack–decay–release envelope (a reedy voice for the
 * solo, a soft one for the piano, a plucked one for the bass). Only table lookups and basic
 * arithmetic: the same score gives the same bytes everywhere. The file lasts the score plus one
 * second of release.
 */
public final class WavRenderer {
    /** Samples per second. */
    public static final int SAMPLE_RATE = 22_050;

    private static final int TABLE = 4096;
    private static final double[] SINE = new double[TABLE + 1];

    static {
        for (int i = 0; i <= TABLE; i++) {
            SINE[i] = StrictMath.sin(2 * StrictMath.PI * i / TABLE);
        }
    }

    private record Voice(
            double[] harmonics, double attack, double decay, double sustain, double release, double gain) {}

    private static final Voice SOLO =
            new Voice(new double[] {1, 0.55, 0.35, 0.22, 0.12}, 0.015, 0.12, 0.75, 0.06, 0.30);
    private static final Voice PIANO = new Voice(new double[] {1, 0.35, 0.12}, 0.005, 0.6, 0.25, 0.1, 0.12);
    private static final Voice BASS = new Voice(new double[] {1, 0.45, 0.1}, 0.008, 0.35, 0.35, 0.05, 0.35);

    private WavRenderer() {}

    /** The number of samples the WAV of {@code score} holds. */
    public static int samples(Score score) {
        return (int) Math.round((score.seconds() + 1.0) * SAMPLE_RATE);
    }

    /** Writes the WAV file. */
    public static void write(Score score, Path file) throws IOException {
        double[] mix = new double[samples(score)];
        double sps = score.secondsPerStep();
        render(mix, score.melody(), SOLO, sps);
        render(mix, score.comping(), PIANO, sps);
        render(mix, score.bass(), BASS, sps);
        double peak = 1e-9;
        for (double v : mix) {
            peak = Math.max(peak, Math.abs(v));
        }
        double scale = 0.89 / peak * 32767;
        byte[] pcm = new byte[mix.length * 2];
        for (int i = 0; i < mix.length; i++) {
            int s = (int) Math.round(mix[i] * scale);
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        AudioFormat fmt = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
        AtomicFiles.write(
                file,
                out -> AudioSystem.write(
                        new AudioInputStream(new ByteArrayInputStream(pcm), fmt, mix.length),
                        AudioFileFormat.Type.WAVE,
                        out));
    }

    private static void render(double[] mix, List<Note> notes, Voice v, double secondsPerStep) {
        for (Note n : notes) {
            double freq = 440 * Math.pow(2, (n.pitch() - 69) / 12.0);
            double amp = v.gain() * n.velocity() / 127.0;
            int start = (int) Math.round(n.start() * secondsPerStep * SAMPLE_RATE);
            double held = n.duration() * secondsPerStep;
            int total = (int) Math.round((held + v.release()) * SAMPLE_RATE);
            for (int h = 0; h < v.harmonics().length; h++) {
                double f = freq * (h + 1);
                if (f > SAMPLE_RATE / 2.0) {
                    break;
                }
                double step = f / SAMPLE_RATE * TABLE;
                double phase = 0;
                double a = amp * v.harmonics()[h];
                for (int i = 0; i < total && start + i < mix.length; i++) {
                    double t = i / (double) SAMPLE_RATE;
                    int idx = (int) phase;
                    double frac = phase - idx;
                    double s = SINE[idx] + (SINE[idx + 1] - SINE[idx]) * frac;
                    mix[start + i] += a * envelope(v, t, held) * s;
                    phase += step;
                    if (phase >= TABLE) {
                        phase -= TABLE;
                    }
                }
            }
        }
    }

    private static double envelope(Voice v, double t, double held) {
        double level;
        if (t < v.attack()) {
            level = t / v.attack();
        } else {
            double x = Math.min(1, (t - v.attack()) / v.decay());
            level = 1 - (1 - v.sustain()) * x;
        }
        if (t > held) {
            level *= Math.max(0, 1 - (t - held) / v.release());
        }
        return level;
    }
}
