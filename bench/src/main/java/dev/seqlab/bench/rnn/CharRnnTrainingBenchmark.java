package dev.seqlab.bench.rnn;

import dev.seqlab.core.kernel.Kernels;
import dev.seqlab.core.optim.AdamOptions;
import dev.seqlab.core.optim.GradientClipping;
import dev.seqlab.core.optim.Optimizer;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.rnn.cell.CellKind;
import dev.seqlab.rnn.lm.CharBatch;
import dev.seqlab.rnn.lm.CharLanguageModel;
import dev.seqlab.rnn.lm.CharModelOptions;
import dev.seqlab.rnn.lm.CharSampler;
import dev.seqlab.rnn.lm.CharVocabulary;
import dev.seqlab.rnn.lm.SamplingOptions;
import java.util.Arrays;
import java.util.Locale;

/**
 * Training-step time of character language models at the configurations of
 * {@code torch_rnn.py}: one-hot input of V characters, an RNN/GRU/LSTM stack, a dense head to V,
 * cross-entropy over all B·T positions, then clipping to global norm 5 and an Adam step.
 * Prints one JSON line per configuration (median step time), like the PyTorch script, and the
 * time to sample one character from the 2-layer 256-unit model.
 *
 * <pre>
 *   java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar \
 *        -Dseqlab.threads=2 dev.seqlab.bench.rnn.CharRnnTrainingBenchmark
 * </pre>
 */
public final class CharRnnTrainingBenchmark {

    private record Config(
            String name, CellKind cell, int vocab, int hidden, int layers, int steps, int batch, int timed) {}

    private static final Config[] CONFIGS = {
        new Config("course-single", CellKind.LSTM, 27, 50, 1, 10, 1, 300),
        new Config("course-batch", CellKind.LSTM, 27, 50, 1, 10, 32, 300),
        new Config("course-batch-gru", CellKind.GRU, 27, 50, 1, 10, 32, 300),
        new Config("charrnn-256", CellKind.LSTM, 65, 256, 2, 100, 32, 10),
        new Config("charrnn-512", CellKind.LSTM, 65, 512, 2, 100, 32, 5),
    };

    private CharRnnTrainingBenchmark() {}

    /** Runs every configuration, or those named as arguments. */
    public static void main(String[] args) {
        for (Config c : CONFIGS) {
            if (args.length > 0 && Arrays.stream(args).noneMatch(c.name()::equals)) {
                continue;
            }
            run(c);
        }
        sampling();
    }

    private static String alphabet(int v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v; i++) {
            sb.append((char) ('!' + i));
        }
        return sb.toString();
    }

    private static void run(Config c) {
        CharLanguageModel model = CharLanguageModel.create(
                CharVocabulary.ofChars(alphabet(c.vocab())),
                CharModelOptions.defaults()
                        .withCell(c.cell())
                        .withHidden(c.hidden())
                        .withLayers(c.layers()),
                0);
        SeededRandom rng = new SeededRandom(0);
        int[] in = new int[c.steps() * c.batch()];
        int[] tg = new int[in.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = rng.nextInt(c.vocab());
            tg[i] = rng.nextInt(c.vocab());
        }
        CharBatch batch = new CharBatch(c.steps(), c.batch(), in, tg, null);
        Parameters params = model.parameters();
        Optimizer adam = Optimizer.adam(AdamOptions.defaults());
        Runnable step = () -> {
            params.zeroGrads();
            model.trainStep(batch, null);
            GradientClipping.byGlobalNorm(params, 5.0);
            adam.step(params);
        };
        // warm up until the JIT has compiled the hot paths (at least 2 s or 3 steps)
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        for (int i = 0; i < 3 || System.nanoTime() < warmEnd; i++) {
            step.run();
        }
        double[] ms = new double[c.timed()];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            step.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        double median = ms[ms.length / 2];
        System.out.printf(
                Locale.ROOT,
                "{\"peer\": \"seqlab\", \"config\": \"%s\", \"cell\": \"%s\", \"V\": %d, \"H\": %d, "
                        + "\"layers\": %d, \"T\": %d, \"B\": %d, \"threads\": %d, \"ms_per_step\": %.3f, \"chars_per_s\": %d}%n",
                c.name(),
                c.cell().name().toLowerCase(Locale.ROOT),
                c.vocab(),
                c.hidden(),
                c.layers(),
                c.steps(),
                c.batch(),
                Kernels.defaultThreads(),
                median,
                Math.round(c.steps() * c.batch() / (median / 1e3)));
    }

    private static void sampling() {
        CharLanguageModel model = CharLanguageModel.create(
                CharVocabulary.ofChars(alphabet(65)),
                CharModelOptions.defaults()
                        .withCell(CellKind.LSTM)
                        .withHidden(256)
                        .withLayers(2),
                0);
        SamplingOptions o = SamplingOptions.defaults(2000);
        for (int i = 0; i < 5; i++) {
            CharSampler.sample(model, "", o, new SeededRandom(i));
        }
        double[] us = new double[7];
        for (int i = 0; i < us.length; i++) {
            long t0 = System.nanoTime();
            CharSampler.sample(model, "", o, new SeededRandom(100 + i));
            us[i] = (System.nanoTime() - t0) / 1e3 / o.length();
        }
        Arrays.sort(us);
        System.out.printf(
                Locale.ROOT, "{\"peer\": \"seqlab\", \"config\": \"sample-256x2\", \"us_per_char\": %.1f}%n", us[3]);
    }
}
