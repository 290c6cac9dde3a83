package dev.seqlab.rnn.lm;

import dev.seqlab.core.optim.AdamOptions;
import dev.seqlab.core.optim.GradientClipping;
import dev.seqlab.core.optim.LearningRateSchedule;
import dev.seqlab.core.optim.Optimizer;
import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.random.SeededRandom;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains a {@link CharLanguageModel}: shuffled minibatches, Adam with an optional per-epoch
 * learning-rate decay, clipping by global norm (and optionally by value),
 * validation loss after each epoch, early stopping that restores the best weights, and an
 * optional checkpoint of the best model. Single-threaded apart from the kernels, so the same
 * seed and thread count give the same weights.
 */
public final class CharModelTrainer {

    private CharModelTrainer() {
    }

    /** Trains {@code model} on {@code data}; returns the losses per epoch. */
    public static TrainingReport train(CharLanguageModel model, TrainingData data, TrainOptions o,
                                       ProgressListener progress) {
        CharVocabulary vocab = model.vocabulary();
        TrainingData.Split split = data.split(vocab, o);
        Parameters params = model.parameters();
        Optimizer adam = Optimizer.adam(AdamOptions.defaults().withLearningRate(o.learningRate()));
        SeededRandom shuffle = new SeededRandom(o.seed());
        SeededRandom dropout = new SeededRandom(o.seed() * 31 + 7);
        List<Double> trainLoss = new ArrayList<>();
        List<Double> valLoss = new ArrayList<>();
        List<Double> batchLoss = new ArrayList<>();
        LearningRateSchedule schedule = LearningRateSchedule.exponential(o.learningRate(), o.lrDecay(), 1);
        float[][] best = null;
        double bestVal = Double.POSITIVE_INFINITY;
        int bestEpoch = 1;
        long chars = 0;
        boolean early = false;
        long t0 = System.nanoTime();
        List<CharBatch> first = split.epoch(vocab, o, new SeededRandom(o.seed()));
        long perEpoch = first.stream().mapToLong(CharBatch::characters).sum();
        progress.start("Training", perEpoch * o.epochs(), "chars");
        for (int epoch = 1; epoch <= o.epochs(); epoch++) {
            adam.setLearningRate((float) schedule.rate(epoch - 1));
            List<CharBatch> batches = split.epoch(vocab, o, shuffle);
            double sum = 0;
            long n = 0;
            for (CharBatch b : batches) {
                params.zeroGrads();
                double loss = model.trainStep(b, dropout);
                GradientClipping.byGlobalNorm(params, o.clipNorm());
                if (o.clipValue() > 0) {
                    GradientClipping.byValue(params, o.clipValue());
                }
                adam.step(params);
                batchLoss.add(loss);
                int c = b.characters();
                sum += loss * c;
                n += c;
                chars += c;
                progress.advance(c);
                progress.status(String.format(Locale.ROOT, "epoch %d/%d, loss %.3f", epoch, o.epochs(), sum / n));
            }
            trainLoss.add(sum / Math.max(1, n));
            if (split.validation().isEmpty()) {
                bestEpoch = epoch;
                continue;
            }
            double v = evaluate(model, split.validation());
            valLoss.add(v);
            if (v < bestVal) {
                bestVal = v;
                bestEpoch = epoch;
                best = snapshot(params);
                if (o.checkpointDir() != null) {
                    try {
                        model.save(o.checkpointDir());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            } else if (o.patience() > 0 && epoch - bestEpoch >= o.patience()) {
                early = epoch < o.epochs();
                break;
            }
        }
        progress.finish();
        if (best != null) {
            restore(params, best);
        }
        return new TrainingReport(trainLoss, valLoss, bestEpoch, chars, (System.nanoTime() - t0) / 1e9, early,
                batchLoss, first.size());
    }

    /** The mean loss per character over {@code batches}. */
    public static double evaluate(CharLanguageModel model, List<CharBatch> batches) {
        double sum = 0;
        long n = 0;
        for (CharBatch b : batches) {
            int c = b.characters();
            sum += model.loss(b) * c;
            n += c;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static float[][] snapshot(Parameters params) {
        List<Parameter> list = params.list();
        float[][] s = new float[list.size()][];
        for (int i = 0; i < s.length; i++) {
            s[i] = list.get(i).value().data().clone();
        }
        return s;
    }

    private static void restore(Parameters params, float[][] s) {
        List<Parameter> list = params.list();
        for (int i = 0; i < s.length; i++) {
            System.arraycopy(s[i], 0, list.get(i).value().data(), 0, s[i].length);
        }
    }
}
