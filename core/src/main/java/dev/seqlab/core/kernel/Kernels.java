package dev.seqlab.core.kernel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the {@link Blas} implementation for this JVM once, at first use.
 *
 * <p>The SIMD implementation is used when the JVM runs with
 * {@code --add-modules jdk.incubator.vector} and its preferred float vectors are at least 256
 * bits wide; otherwise the plain-Java one. The system property {@code seqlab.kernels=plain|vector}
 * forces a choice ({@code vector} falls back to plain, with a warning, when the module is
 * missing). Large GEMMs run on a dedicated pool of daemon threads whose size is the system property
 * {@code seqlab.threads} (default: the number of processors). The array forms of
 * {@link Activations#sigmoid(int, float[], int, float[], int)} and
 * {@link Activations#tanh(int, float[], int, float[], int)} use SIMD math routines exactly when the
 * SIMD Blas is chosen, and so does {@link #int8BlockDots()}. The choice is logged once at debug level.
 */
public final class Kernels {
    /** The system property forcing the implementation: {@code plain} or {@code vector}. */
    public static final String KERNELS_PROPERTY = "seqlab.kernels";
    /** The system property setting the default number of kernel threads. */
    public static final String THREADS_PROPERTY = KernelPool.THREADS_PROPERTY;

    private static final Logger LOG = LoggerFactory.getLogger(Kernels.class);
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final Blas SERIAL = choose();
    private static final Blas DEFAULT = new ParallelBlas(SERIAL, KernelPool.defaultThreads());
    private static final Elementwise ELEMENTWISE = chooseElementwise();
    private static final Int8BlockDots INT8_BLOCK_DOTS = chooseInt8BlockDots();

    private Kernels() {
    }

    /** The fastest {@link Blas} available in this JVM, running large GEMMs on the kernel pool. */
    public static Blas blas() {
        return DEFAULT;
    }

    /**
     * The fastest {@link Blas} available, splitting large GEMMs over at most {@code threads}
     * threads; {@code blas(1)} never leaves the calling thread. Results are bit-identical for any
     * thread count.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static Blas blas(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return threads == 1 ? SERIAL : new ParallelBlas(SERIAL, threads);
    }

    /** The element-wise maps matching the chosen Blas: SIMD exactly when the Blas is. */
    static Elementwise elementwise() {
        return ELEMENTWISE;
    }

    /** The int8 block dot products matching the chosen Blas: SIMD exactly when the Blas is. */
    public static Int8BlockDots int8BlockDots() {
        return INT8_BLOCK_DOTS;
    }

    /** The default number of kernel threads ({@code seqlab.threads}, or the processor count). */
    public static int defaultThreads() {
        return KernelPool.defaultThreads();
    }

    /** True when this JVM has the {@code jdk.incubator.vector} module in its boot layer. */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    private static Blas choose() {
        String forced = System.getProperty(KERNELS_PROPERTY, "").trim();
        if (!forced.isEmpty() && !forced.equals("plain") && !forced.equals("vector")) {
            LOG.warn("ignoring {}={}: expected plain or vector", KERNELS_PROPERTY, forced);
            forced = "";
        }
        Blas chosen;
        if (forced.equals("plain")) {
            chosen = new PlainBlas();
        } else {
            Blas vector = loadVector("VectorBlas", Blas.class, forced.equals("vector"));
            chosen = vector != null ? vector : new PlainBlas();
        }
        LOG.debug("seqlab kernels: {} ({}={}, {} module {})", chosen.name(), KERNELS_PROPERTY,
                forced.isEmpty() ? "auto" : forced, VECTOR_MODULE, vectorModulePresent() ? "present" : "absent");
        return chosen;
    }

    private static Elementwise chooseElementwise() {
        Elementwise e = SERIAL.name().equals("vector") ? loadVector("VectorElementwise", Elementwise.class, false) : null;
        return e != null ? e : new PlainElementwise();
    }

    private static Int8BlockDots chooseInt8BlockDots() {
        Int8BlockDots d = SERIAL.name().equals("vector") ? loadVector("VectorInt8BlockDots", Int8BlockDots.class, false)
                : null;
        return d != null ? d : new PlainInt8BlockDots();
    }

    /**
     * Instantiates a class of this package that uses the Vector API reflectively, so that it is
     * never loaded without the module; null when it cannot be.
     */
    private static <T> T loadVector(String simpleName, Class<T> type, boolean forced) {
        if (!vectorModulePresent()) {
            if (forced) {
                LOG.warn("{}=vector needs the JVM flag --add-modules {}; using plain kernels",
                        KERNELS_PROPERTY, VECTOR_MODULE);
            }
            return null;
        }
        try {
            return type.cast(Class.forName(Kernels.class.getPackageName() + "." + simpleName)
                    .getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            (forced ? LOG.atWarn() : LOG.atDebug()).log("SIMD kernels unavailable ({}); using plain kernels",
                    cause.toString());
            return null;
        }
    }
}
