package dev.seqlab.onnx.runtime;

import ai.onnxruntime.MapInfo;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.TensorSpec;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ONNX model loaded into an ONNX Runtime session, run with named {@link HostTensor}s.
 *
 * <p>Inputs are checked before they reach the runtime, so mistakes get messages that say what
 * to change: an unknown or missing input name lists the model's inputs; a wrong element type,
 * rank or fixed axis size names the input with the expected and the given shape; two inputs
 * that disagree on a symbolic axis ({@code batch_size}) say so. Some exporters name every
 * dynamic axis alike (pytorch once wrote {@code input_ids [batch, batch]}); ONNX Runtime ignores
 * the names, and so does this check for a model whose inputs repeat a name within one tensor.
 *
 * <pre>{@code
 * try (OnnxModel model = OnnxModel.open(Path.of("model.onnx"))) {
 *     model.inputs();    // [input_ids: int64 [batch_size, sequence_length], ...]
 *     Map<String, HostTensor> out = model.run(Map.of("x", HostTensor.floats(x, 2, 4)));
 *     float[] y = out.get("y").floats();
 * }
 * }</pre>
 *
 * <p>{@link #run} may be called from several threads at once (ONNX Runtime sessions are
 * thread-safe); {@link #close} must not race with running calls.
 */
public final class OnnxModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxModel.class);

    private final String name;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final SessionOptions options;
    private final Map<String, TensorSpec> inputs;
    private final Map<String, TensorSpec> outputs;
    /** False when an input repeats a symbolic axis name within itself: the names then mean nothing. */
    private final boolean meaningfulSymbols;

    private volatile boolean closed;

    private OnnxModel(String name, OrtEnvironment env, OrtSession session, SessionOptions options) throws OrtException {
        this.name = name;
        this.env = env;
        this.session = session;
        this.options = options;
        this.inputs = specs(session.getInputInfo());
        this.outputs = specs(session.getOutputInfo());
        this.meaningfulSymbols = inputs.values().stream().noneMatch(OnnxModel::repeatsASymbol);
    }

    private static boolean repeatsASymbol(TensorSpec spec) {
        Set<String> seen = new HashSet<>();
        for (TensorSpec.Dim d : spec.shape()) {
            if (!d.isFixed() && !d.symbol().isEmpty() && !seen.add(d.symbol())) {
                return true;
            }
        }
        return false;
    }

    /** Opens the ONNX model in {@code file} with {@link SessionOptions#defaults()}. */
    public static OnnxModel open(Path file) throws IOException {
        return open(file, SessionOptions.defaults());
    }

    /**
     * Opens the ONNX model in {@code file}. External tensor data, if the model has any, is read
     * from beside the file.
     *
     * @throws NoSuchFileException    if the file does not exist
     * @throws MalformedFileException if it is a directory, not an ONNX model, or a model ONNX
     *                                Runtime cannot load (the message names the file and why)
     */
    public static OnnxModel open(Path file, SessionOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.isDirectory(file)) {
            throw new MalformedFileException(file, 0, "is a directory, not an ONNX model file");
        }
        long t0 = System.nanoTime();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions ortOptions = ortOptions(options)) {
            OrtSession session = env.createSession(file.toString(), ortOptions);
            OnnxModel model = create(file.toString(), env, session, options);
            LOG.debug(
                    "opened {} in {} ms: inputs {}, outputs {}",
                    file,
                    (System.nanoTime() - t0) / 1_000_000,
                    model.inputs(),
                    model.outputs());
            return model;
        } catch (OrtException e) {
            throw new MalformedFileException(file, 0, loadProblem(e), e);
        }
    }

    /**
     * Loads a model from its serialised bytes (the content of a {@code .onnx} file).
     *
     * @param name names the model in messages ({@code all-minilm-l6-v2-q.onnx})
     * @throws IllegalArgumentException if the bytes are not an ONNX model ONNX Runtime can load:
     *                                  {@code not an ONNX model: NAME: why}
     */
    public static OnnxModel fromBytes(byte[] model, String name, SessionOptions options) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(options, "options");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions ortOptions = ortOptions(options)) {
            OrtSession session = env.createSession(model, ortOptions);
            OnnxModel m = create(name, env, session, options);
            LOG.debug("opened {} ({} bytes): inputs {}, outputs {}", name, model.length, m.inputs(), m.outputs());
            return m;
        } catch (OrtException e) {
            throw new IllegalArgumentException(name + ": " + loadProblem(e), e);
        }
    }

    /**
     * Loads a model from a class-path resource of {@code loader} (a name such as
     * {@code models/net.onnx}, without a leading slash).
     *
     * @throws FileNotFoundException if there is no such resource
     * @throws IllegalArgumentException      if the resource is not an ONNX model ONNX Runtime can load
     */
    public static OnnxModel fromResource(ClassLoader loader, String resource, SessionOptions options)
            throws IOException {
        Objects.requireNonNull(loader, "loader");
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new FileNotFoundException("no class-path resource " + path);
            }
            return fromBytes(in.readAllBytes(), path, options);
        }
    }

    /** {@link #fromResource(ClassLoader, String, SessionOptions)} with this library's class loader. */
    public static OnnxModel fromResource(String resource, SessionOptions options) throws IOException {
        return fromResource(OnnxModel.class.getClassLoader(), resource, options);
    }

    private static OnnxModel create(String name, OrtEnvironment env, OrtSession session, SessionOptions options)
            throws OrtException {
        try {
            return new OnnxModel(name, env, session, options);
        } catch (OrtException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private static OrtSession.SessionOptions ortOptions(SessionOptions options) throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        try {
            if (options.intraOpThreads() > 0) {
                o.setIntraOpNumThreads(options.intraOpThreads());
            }
            if (options.interOpThreads() > 0) {
                o.setInterOpNumThreads(options.interOpThreads());
                if (options.interOpThreads() > 1) {
                    o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.PARALLEL);
                }
            }
            o.setOptimizationLevel(
                    switch (options.optimization()) {
                        case NONE -> OrtSession.SessionOptions.OptLevel.NO_OPT;
                        case BASIC -> OrtSession.SessionOptions.OptLevel.BASIC_OPT;
                        case EXTENDED -> OrtSession.SessionOptions.OptLevel.EXTENDED_OPT;
                        case ALL -> OrtSession.SessionOptions.OptLevel.ALL_OPT;
                    });
            // ONNX Runtime's warnings go straight to the process's stderr; keep the command line's clean
            o.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            return o;
        } catch (OrtException | RuntimeException e) {
            o.close();
            throw e;
        }
    }

    /**
     * ONNX Runtime's load error in one line: "not an ONNX model (...)" when the protobuf does not
     * parse, else what the runtime objects to, without its error-code prefix, the repeated file
     * name and C++ source locations.
     */
    static String loadProblem(OrtException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        msg = msg.replaceFirst("(?s)^Error code - \\S+ - message: ", "")
                .replaceFirst("(?s)^Load model from .*? failed:", "")
                .replaceFirst("^\\S+\\.(cc|h|cpp):\\d+ [^\\n]*?\\) ", "")
                .strip();
        msg = msg.lines().findFirst().orElse("").strip();
        if (e.getCode() == OrtException.OrtErrorCode.ORT_INVALID_PROTOBUF) {
            return "not an ONNX model (" + (msg.isEmpty() ? "its protobuf does not parse" : msg) + ")";
        }
        if (msg.contains("does not have a graph")) {
            return "not an ONNX model (no graph)";
        }
        return "ONNX Runtime cannot load the model (" + (msg.isEmpty() ? e.getCode() : msg) + ")";
    }

    private static Map<String, TensorSpec> specs(Map<String, NodeInfo> infos) {
        Map<String, TensorSpec> specs = new LinkedHashMap<>();
        for (NodeInfo n : infos.values()) {
            specs.put(n.getName(), spec(n.getName(), n.getInfo()));
        }
        return Collections.unmodifiableMap(specs);
    }

    private static TensorSpec spec(String name, ValueInfo info) {
        if (info instanceof TensorInfo t) {
            return TensorSpec.of(name, elementTypeName(t.onnxType), t.getShape(), t.getDimensionNames());
        }
        String kind = info instanceof SequenceInfo ? "sequence" : info instanceof MapInfo ? "map" : "unknown";
        return new TensorSpec(name, kind, List.of());
    }

    /** {@code ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64} → {@code int64}, the names ONNX files use. */
    static String elementTypeName(TensorInfo.OnnxTensorType type) {
        return type.name().replaceFirst("^ONNX_TENSOR_ELEMENT_DATA_TYPE_", "").toLowerCase(Locale.ROOT);
    }

    /** Names the model in messages: its file path or the name it was loaded under. */
    public String name() {
        return name;
    }

    /** The options the session was created with. */
    public SessionOptions options() {
        return options;
    }

    /** The inputs a caller feeds, in the model's order (initialisers are not listed). */
    public List<TensorSpec> inputs() {
        return List.copyOf(inputs.values());
    }

    /** The model's outputs, in its order. */
    public List<TensorSpec> outputs() {
        return List.copyOf(outputs.values());
    }

    /** The names of the inputs, in the model's order. */
    public List<String> inputNames() {
        return List.copyOf(inputs.keySet());
    }

    /** The names of the outputs, in the model's order. */
    public List<String> outputNames() {
        return List.copyOf(outputs.keySet());
    }

    /** Whether the model has an input of that name. */
    public boolean hasInput(String inputName) {
        return inputs.containsKey(inputName);
    }

    /**
     * The declared spec of one input.
     *
     * @throws IllegalArgumentException if the model has no such input (the message lists those it has)
     */
    public TensorSpec input(String inputName) {
        TensorSpec s = inputs.get(inputName);
        if (s == null) {
            throw new IllegalArgumentException("unknown input '" + inputName + "'; " + listInputs());
        }
        return s;
    }

    /**
     * The declared spec of one output.
     *
     * @throws IllegalArgumentException if the model has no such output (the message lists those it has)
     */
    public TensorSpec output(String outputName) {
        TensorSpec s = outputs.get(outputName);
        if (s == null) {
            throw new IllegalArgumentException("unknown output '" + outputName + "'; " + listOutputs());
        }
        return s;
    }

    /**
     * Runs the model on named inputs (a whole batch at once) and returns every output by name,
     * in the model's order.
     *
     * @throws IllegalArgumentException if an input is unknown or missing, or has the wrong
     *                                  element type, rank or axis sizes
     * @throws IllegalStateException    if the model is closed, ONNX Runtime fails, or an output
     *                                  has an element type {@link HostTensor} does not hold
     */
    public Map<String, HostTensor> run(Map<String, HostTensor> feeds) {
        return run(feeds, outputs.keySet());
    }

    /**
     * Runs the model and returns only the named outputs (ONNX Runtime then skips what only the
     * other outputs need).
     *
     * @throws IllegalArgumentException as {@link #run(Map)}, or if an output name is unknown
     */
    public Map<String, HostTensor> run(Map<String, HostTensor> feeds, Collection<String> outputNames) {
        Objects.requireNonNull(feeds, "feeds");
        Objects.requireNonNull(outputNames, "outputNames");
        if (closed) {
            throw new IllegalStateException("ONNX model " + name + " is closed");
        }
        checkFeeds(feeds);
        Set<String> wanted = new LinkedHashSet<>();
        for (String o : outputNames) {
            output(o);
            wanted.add(o);
        }
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("no outputs requested; " + listOutputs());
        }
        Map<String, OnnxTensor> ortFeeds = new HashMap<>();
        try {
            for (Map.Entry<String, HostTensor> e : feeds.entrySet()) {
                ortFeeds.put(e.getKey(), toOrt(e.getValue()));
            }
            try (OrtSession.Result result = session.run(ortFeeds, wanted)) {
                Map<String, HostTensor> out = new LinkedHashMap<>();
                for (String o : wanted) {
                    OnnxValue v = result.get(o)
                            .orElseThrow(
                                    () -> new IllegalStateException("ONNX Runtime returned no output '" + o + "'"));
                    out.put(o, fromOrt(o, v));
                }
                return out;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed running " + name + ": " + e.getMessage(), e);
        } finally {
            for (OnnxTensor t : ortFeeds.values()) {
                t.close();
            }
        }
    }

    /** Checks names, element types, ranks, fixed axes and the agreement of symbolic axes. */
    private void checkFeeds(Map<String, HostTensor> feeds) {
        for (String given : feeds.keySet()) {
            if (!inputs.containsKey(given)) {
                throw new IllegalArgumentException("unknown input '" + given + "'; " + listInputs());
            }
        }
        Map<String, Long> symbols = new HashMap<>();
        Map<String, String> symbolSource = new HashMap<>();
        for (TensorSpec spec : inputs.values()) {
            HostTensor t = feeds.get(spec.name());
            if (t == null) {
                throw new IllegalArgumentException("missing input '" + spec.name() + "' (" + spec.elementType() + " "
                        + spec.shapeText() + "); " + listInputs());
            }
            if (!t.type().onnxName().equals(spec.elementType())) {
                throw new IllegalArgumentException("input '" + spec.name() + "' expects " + spec.elementType() + " "
                        + spec.shapeText() + ", given " + t);
            }
            if (t.rank() != spec.rank()) {
                throw new IllegalArgumentException("input '" + spec.name() + "' expects rank " + spec.rank() + " "
                        + spec.shapeText() + ", given rank " + t.rank() + " " + Arrays.toString(t.shape()));
            }
            for (int i = 0; i < spec.rank(); i++) {
                TensorSpec.Dim d = spec.shape().get(i);
                long size = t.dim(i);
                if (d.isFixed() && d.size() != size) {
                    throw new IllegalArgumentException("input '" + spec.name() + "' expects shape " + spec.shapeText()
                            + " (axis " + i + " of size " + d.size() + "), given " + Arrays.toString(t.shape()));
                }
                if (meaningfulSymbols && !d.isFixed() && !d.symbol().isEmpty()) {
                    Long seen = symbols.putIfAbsent(d.symbol(), size);
                    if (seen == null) {
                        symbolSource.put(d.symbol(), spec.name());
                    } else if (seen != size) {
                        throw new IllegalArgumentException(
                                "input '" + spec.name() + "' has " + d.symbol() + " = " + size
                                        + " (axis " + i + " of " + Arrays.toString(t.shape()) + ") but input '"
                                        + symbolSource.get(d.symbol()) + "' has " + d.symbol() + " = " + seen);
                    }
                }
            }
        }
    }

    private OnnxTensor toOrt(HostTensor t) throws OrtException {
        long[] shape = t.shape();
        return switch (t.type()) {
            case FLOAT -> OnnxTensor.createTensor(env, FloatBuffer.wrap(t.floats()), shape);
            case INT64 -> OnnxTensor.createTensor(env, LongBuffer.wrap(t.longs()), shape);
            case INT32 -> OnnxTensor.createTensor(env, IntBuffer.wrap(t.ints()), shape);
            case BOOL -> {
                boolean[] b = t.bools();
                ByteBuffer bytes = ByteBuffer.allocateDirect(b.length).order(ByteOrder.nativeOrder());
                for (boolean v : b) {
                    bytes.put((byte) (v ? 1 : 0));
                }
                yield OnnxTensor.createTensor(env, bytes.rewind(), shape, OnnxJavaType.BOOL);
            }
        };
    }

    private static HostTensor fromOrt(String outputName, OnnxValue value) {
        if (!(value instanceof OnnxTensor tensor)) {
            throw new IllegalStateException("output '" + outputName + "' is a " + value.getType()
                    + ", not a tensor; seqlab reads tensor outputs only");
        }
        TensorInfo info = tensor.getInfo();
        long[] shape = info.getShape();
        int n = Math.toIntExact(info.getNumElements());
        switch (info.onnxType) {
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT: {
                float[] data = new float[n];
                tensor.getFloatBuffer().get(data);
                return HostTensor.floats(data, shape);
            }
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64: {
                long[] data = new long[n];
                tensor.getLongBuffer().get(data);
                return HostTensor.longs(data, shape);
            }
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32: {
                int[] data = new int[n];
                tensor.getIntBuffer().get(data);
                return HostTensor.ints(data, shape);
            }
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL: {
                boolean[] data = new boolean[n];
                ByteBuffer bytes = tensor.getByteBuffer();
                for (int i = 0; i < n; i++) {
                    data[i] = bytes.get(i) != 0;
                }
                return HostTensor.bools(data, shape);
            }
            default:
                throw new IllegalStateException("output '" + outputName + "' holds " + elementTypeName(info.onnxType)
                        + "; HostTensor holds float, int64, int32 and bool");
        }
    }

    private String listInputs() {
        return "the model's inputs are "
                + inputs.values().stream().map(TensorSpec::toString).collect(Collectors.joining(", "));
    }

    private String listOutputs() {
        return "the model's outputs are " + String.join(", ", outputs.keySet());
    }

    /** Releases the native session. Calling it again does nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                session.close();
            } catch (OrtException e) {
                LOG.debug("closing {}: {}", name, e.getMessage());
            }
        }
    }

    /** {@code OnnxModel[model.onnx: inputs ..., outputs ...]}. */
    @Override
    public String toString() {
        return "OnnxModel[" + name + ": inputs " + new ArrayList<>(inputs.values()) + ", outputs "
                + new ArrayList<>(outputs.values()) + "]";
    }
}
