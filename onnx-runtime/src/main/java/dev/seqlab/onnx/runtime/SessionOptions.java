package dev.seqlab.onnx.runtime;

import dev.seqlab.core.options.Withers;
import java.util.Objects;

/**
 * How an ONNX Runtime session runs a model.
 *
 * <pre>{@code
 * SessionOptions.defaults();                         // runtime's threads, all optimisations
 * SessionOptions.threads(1).withOptimization(OptimizationLevel.BASIC);
 * }</pre>
 *
 * @param intraOpThreads threads used inside one operator (0: ONNX Runtime's default, one per
 *                       physical core); with 1 a run stays on the calling thread, which is what
 *                       callers running several models or batches in parallel want
 * @param interOpThreads threads running independent operators in parallel (0: ONNX Runtime's
 *                       default; above 1 switches the session to parallel execution)
 * @param optimization   graph optimisation level
 */
public record SessionOptions(int intraOpThreads, int interOpThreads, OptimizationLevel optimization) {

    /** The most threads either pool may be given; more is certainly a mistake. */
    public static final int MAX_THREADS = 1024;

    /** Validates the options. */
    public SessionOptions {
        if (intraOpThreads < 0 || intraOpThreads > MAX_THREADS) {
            throw new IllegalArgumentException("intra-op threads must be 0 (ONNX Runtime's default) to " + MAX_THREADS
                    + ", got " + intraOpThreads);
        }
        if (interOpThreads < 0 || interOpThreads > MAX_THREADS) {
            throw new IllegalArgumentException("inter-op threads must be 0 (ONNX Runtime's default) to " + MAX_THREADS
                    + ", got " + interOpThreads);
        }
        if (optimization == null) {
            throw new IllegalArgumentException("optimization level must be given (NONE, BASIC, EXTENDED or ALL)");
        }
    }

    /** ONNX Runtime's default threading with all graph optimisations. */
    public static SessionOptions defaults() {
        return new SessionOptions(0, 0, OptimizationLevel.ALL);
    }

    /** {@code threads} intra-op threads, sequential execution, all graph optimisations. */
    public static SessionOptions threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return new SessionOptions(threads, 0, OptimizationLevel.ALL);
    }

    /** These options with {@code threads} intra-op threads (0: ONNX Runtime's default). */
    public SessionOptions withIntraOpThreads(int threads) {
        return Withers.with(this, "intraOpThreads", threads);
    }

    /** These options with another optimisation level. */
    public SessionOptions withOptimization(OptimizationLevel level) {
        return new SessionOptions(intraOpThreads, interOpThreads, Objects.requireNonNull(level, "level"));
    }
}
