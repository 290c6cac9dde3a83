package dev.seqlab.spark.sentences;

import dev.seqlab.sentences.SentenceEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sentence encoders of one executor JVM, one per model and options, opened on first use by
 * any task and kept (with their ONNX Runtime session) for the JVM's life, so tasks share one
 * session instead of loading the model each.
 */
final class ExecutorEncoders {
    private static final Map<SparkSentenceOptions, SentenceEncoder> OPEN = new ConcurrentHashMap<>();

    private ExecutorEncoders() {}

    /** The encoder of {@code options} in this JVM. */
    static SentenceEncoder get(SparkSentenceOptions options) {
        return OPEN.computeIfAbsent(options, o -> {
            try {
                SentenceEncoder encoder = SentenceEncoder.load(o.model(), o.encoderOptions());
                Runtime.getRuntime().addShutdownHook(new Thread(encoder::close));
                return encoder;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open sentence encoder " + o.model(), e);
            }
        });
    }
}
