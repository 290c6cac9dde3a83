package dev.seqlab.onnx.session;

/**
 * How an ONNX Runtime session runs a model.
 *
 * @param intraOpThreads threads used inside one operator (0: ONNX Runtime's default, one per physical core)
 * @param interOpThreads threads running independent operators in parallel (0: ONNX Runtime's
 *                       default; only used when above 1, which switches to parallel execution)
 * @param optimization   graph optimisation level
 */
public record SessionOptions(int intraOpThreads, int interOpThreads, OptimizationLevel optimization) {

    public SessionOptions {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intra-op threads must be 0 (default) or positive, got " + intraOpThreads);
        }
        if (interOpThreads < 0) {
            throw new IllegalArgumentException("inter-op threads must be 0 (default) or positive, got " + interOpThreads);
        }
        if (optimization == null) {
            throw new IllegalArgumentException("optimization level must be given");
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

    /** These options with another optimisation level. */
    public SessionOptions withOptimization(OptimizationLevel level) {
        return new SessionOptions(intraOpThreads, interOpThreads, level);
    }
}
