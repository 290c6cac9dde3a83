package dev.seqlab.core.train;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.io.safetensors.SafeTensors;
import dev.seqlab.core.io.safetensors.SafeTensorsFile;
import dev.seqlab.core.optim.Optimizer;
import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training checkpoint as one safetensors file, written atomically: the parameters
 * ({@code param/NAME}), the optimiser's buffers ({@code optim/NAME#i}), the best parameters so far
 * ({@code best/NAME}), and in the metadata the position (epoch, batch, step), the losses so far,
 * the optimiser's step count and both random generators' states.
 */
final class Checkpoint {
    static final String FORMAT = "seqlab-training-checkpoint-v1";
    private static final String PARAM = "param/";
    private static final String OPTIM = "optim/";
    private static final String BEST = "best/";

    private Checkpoint() {}

    /** Writes the whole state of a run to {@code file}. */
    static void write(
            Path file,
            Parameters params,
            Optimizer optimizer,
            TrainingState s,
            SeededRandom shuffle,
            SeededRandom random,
            long seed,
            int batches)
            throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Parameter p : params) {
            tensors.put(PARAM + p.name(), p.value());
        }
        optimizer.buffers(params).forEach((k, v) -> tensors.put(OPTIM + k, Tensor.wrap(v, v.length)));
        if (s.best != null) {
            List<Parameter> list = params.list();
            for (int i = 0; i < s.best.length; i++) {
                tensors.put(
                        BEST + list.get(i).name(),
                        Tensor.wrap(s.best[i], list.get(i).value().shape()));
            }
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("seed", Long.toString(seed));
        m.put("batches_per_epoch", Integer.toString(batches));
        m.put("epoch", Integer.toString(s.epoch));
        m.put("batch", Integer.toString(s.batch));
        m.put("step", Long.toString(s.step));
        m.put("optimizer_steps", Long.toString(optimizer.steps()));
        m.put("epoch_loss", Double.toString(s.epochLoss));
        m.put("epoch_weight", Long.toString(s.epochWeight));
        m.put("weight", Long.toString(s.weight));
        m.put("best_validation", Double.toString(s.bestValidation));
        m.put("best_epoch", Integer.toString(s.bestEpoch));
        m.put("train_loss", doubles(s.trainLoss));
        m.put("validation_loss", doubles(s.validationLoss));
        m.put("batch_loss", doubles(s.batchLoss));
        m.put("shuffle_rng", rng(shuffle.state()));
        m.put("step_rng", rng(random.state()));
        SafeTensors.write(file, tensors, m);
    }

    /**
     * Reads {@code file} back into the parameters, the optimiser, the state and the step generator;
     * returns the shuffle generator's state at the checkpoint, which the loop reaches again by replaying.
     *
     * @throws MalformedFileException if the file is not a checkpoint of this run (other seed, data or model)
     */
    static SeededRandom.State read(
            Path file,
            Parameters params,
            Optimizer optimizer,
            TrainingState s,
            SeededRandom random,
            long seed,
            int batches)
            throws IOException {
        SafeTensorsFile f = SafeTensors.read(file);
        Map<String, String> m = f.metadata();
        try {
            if (!FORMAT.equals(m.get("format"))) {
                throw new MalformedFileException(file, 0, "not a seqlab training checkpoint");
            }
            if (Long.parseLong(m.get("seed")) != seed || Integer.parseInt(m.get("batches_per_epoch")) != batches) {
                throw new MalformedFileException(
                        file,
                        0,
                        "the checkpoint was written by a run with seed " + m.get("seed")
                                + " and " + m.get("batches_per_epoch") + " batches per epoch; this run has seed " + seed
                                + " and " + batches);
            }
            Map<String, Tensor> values = new LinkedHashMap<>();
            Map<String, Tensor> best = new LinkedHashMap<>();
            Map<String, float[]> buffers = new LinkedHashMap<>();
            f.tensors().forEach((k, v) -> {
                if (k.startsWith(PARAM)) {
                    values.put(k.substring(PARAM.length()), v);
                } else if (k.startsWith(BEST)) {
                    best.put(k.substring(BEST.length()), v);
                } else if (k.startsWith(OPTIM)) {
                    buffers.put(k.substring(OPTIM.length()), v.data());
                }
            });
            params.load(values);
            optimizer.restore(params, buffers, Long.parseLong(m.get("optimizer_steps")));
            s.epoch = Integer.parseInt(m.get("epoch"));
            s.batch = Integer.parseInt(m.get("batch"));
            s.step = Long.parseLong(m.get("step"));
            s.epochLoss = Double.parseDouble(m.get("epoch_loss"));
            s.epochWeight = Long.parseLong(m.get("epoch_weight"));
            s.weight = Long.parseLong(m.get("weight"));
            s.bestValidation = Double.parseDouble(m.get("best_validation"));
            s.bestEpoch = Integer.parseInt(m.get("best_epoch"));
            s.trainLoss.addAll(parseDoubles(m.get("train_loss")));
            s.validationLoss.addAll(parseDoubles(m.get("validation_loss")));
            s.batchLoss.addAll(parseDoubles(m.get("batch_loss")));
            if (!best.isEmpty()) {
                Parameters copy = new Parameters();
                for (Parameter p : params) {
                    copy.add(Parameter.zeros(p.name(), p.value().shape()));
                }
                copy.load(best);
                s.keepBest(copy);
            }
            random.setState(parseRng(m.get("step_rng")));
            return parseRng(m.get("shuffle_rng"));
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new MalformedFileException(file, 0, "a damaged training checkpoint: " + e.getMessage());
        }
    }

    private static String doubles(List<Double> xs) {
        StringBuilder b = new StringBuilder();
        for (Double x : xs) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(x);
        }
        return b.toString();
    }

    private static List<Double> parseDoubles(String s) {
        List<Double> out = new ArrayList<>();
        if (!s.isEmpty()) {
            for (String x : s.split(",")) {
                out.add(Double.parseDouble(x));
            }
        }
        return out;
    }

    private static String rng(SeededRandom.State r) {
        return r.position() + "," + r.hasSpare() + ","
                + Long.toHexString(Double.doubleToRawLongBits(r.spareGaussian()));
    }

    private static SeededRandom.State parseRng(String s) {
        String[] p = s.split(",");
        if (p.length != 3) {
            throw new IllegalArgumentException("random state '" + s + "' is not position,spare?,bits");
        }
        return new SeededRandom.State(
                Long.parseLong(p[0]),
                Boolean.parseBoolean(p[1]),
                Double.longBitsToDouble(Long.parseUnsignedLong(p[2], 16)));
    }
}
