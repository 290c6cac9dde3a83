package dev.seqlab.core.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one kernel-selection mechanism: decides once, at first use, whether this JVM runs the plain
 * or the SIMD kernels ({@link #flavor()}), and gives every kernel family, in core or in other
 * modules, its implementation through {@link #select(MethodHandles.Lookup, Class, String, Supplier)}.
 *
 * <p>The SIMD implementation is used when the JVM runs with
 * {@code --add-modules jdk.incubator.vector} and its preferred float vectors are at least 256
 * bits wide; otherwise the plain-Java one. The system property {@code seqlab.kernels=plain|vector}
 * forces a choice ({@code vector} falls back to plain, with a warning, when the module is
 * missing). Large GEMMs run on a dedicated pool of daemon threads whose size is the system property
 * {@code seqlab.threads} (default: the number of processors). The array forms of
 * {@link Activations#sigmoid(int, float[], int, float[], int)} and
 * {@link Activations#tanh(int, float[], int, float[], int)} use SIMD math routines exactly when the
 * SIMD Blas is chosen, and so do {@link #int8BlockDots()}, {@link Softmax} and every family that
 * asks {@link #select}. The choice is logged once at debug level.
 *
 * <p>A kernel family outside this package (modelled on Lucene's {@code VectorizationProvider}):
 * <pre>{@code
 * static final GloVeKernel KERNEL = Kernels.select(MethodHandles.lookup(), GloVeKernel.class,
 *         "VectorGloVeKernel", PlainGloVeKernel::new);
 * }</pre>
 * Code that needs to know which flavour runs asks {@link #flavor()} or {@link #isVectorized()},
 * never a kernel's name.
 */
public final class Kernels {
    /** The system property forcing the implementation: {@code plain} or {@code vector}. */
    public static final String KERNELS_PROPERTY = "seqlab.kernels";
    /** The system property setting the default number of kernel threads. */
    public static final String THREADS_PROPERTY = KernelPool.THREADS_PROPERTY;

    private static final Logger LOG = LoggerFactory.getLogger(Kernels.class);
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final Blas SERIAL = choose();
    private static final KernelFlavor FLAVOR = SERIAL instanceof PlainBlas ? KernelFlavor.PLAIN : KernelFlavor.VECTOR;
    private static final Blas DEFAULT = new ParallelBlas(SERIAL, KernelPool.defaultThreads());
    private static final Elementwise ELEMENTWISE =
            select(MethodHandles.lookup(), Elementwise.class, "VectorElementwise", PlainElementwise::new);
    private static final Int8BlockDots PLAIN_INT8_BLOCK_DOTS = new PlainInt8BlockDots();
    private static final Int8BlockDots INT8_BLOCK_DOTS =
            select(MethodHandles.lookup(), Int8BlockDots.class, "VectorInt8BlockDots", PlainInt8BlockDots::new);
    private static final Int4BlockDots INT4_BLOCK_DOTS =
            select(MethodHandles.lookup(), Int4BlockDots.class, "VectorInt4BlockDots", PlainInt4BlockDots::new);

    private Kernels() {}

    /** The flavour every kernel family runs on in this JVM, decided once. */
    public static KernelFlavor flavor() {
        return FLAVOR;
    }

    /** True when the SIMD kernels run: {@code flavor() == KernelFlavor.VECTOR}. */
    public static boolean isVectorized() {
        return FLAVOR == KernelFlavor.VECTOR;
    }

    /**
     * The implementation of one kernel family for this JVM: when {@link #flavor()} is
     * {@link KernelFlavor#VECTOR}, a new instance of the class named {@code vectorClass} in the
     * package of {@code lookup}'s class, made through its no-argument constructor (which may be
     * package-private); otherwise, or if that class cannot be loaded or made (logged at debug
     * level), {@code plain.get()}. The SIMD class is loaded only here, by name, so code naming the
     * Vector API is never touched without {@code --add-modules jdk.incubator.vector}; it must use
     * {@link VectorShapes#FLOATS} as its float species. Call once per family and keep the result.
     *
     * @param lookup      {@code MethodHandles.lookup()} in the family's package, granting access to
     *                    the SIMD class
     * @param type        the family's interface
     * @param vectorClass the simple name of the SIMD implementation
     * @param plain       makes the plain-Java implementation
     */
    public static <T> T select(
            MethodHandles.Lookup lookup, Class<T> type, String vectorClass, Supplier<? extends T> plain) {
        if (FLAVOR == KernelFlavor.VECTOR) {
            T vector = instantiate(lookup, type, vectorClass);
            if (vector != null) {
                return vector;
            }
        }
        return plain.get();
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

    /** The 4-bit block bounds (the first pass of exact search over millions of rows) for this JVM. */
    public static Int4BlockDots int4BlockDots() {
        return INT4_BLOCK_DOTS;
    }

    /**
     * The plain-Java int8 block dot products, whatever the flavour: slower than the SIMD ones once
     * compiled, but the JIT compiles them in a fraction of the time, so a process's first searches
     * (before the SIMD kernel has been compiled) use them.
     */
    public static Int8BlockDots plainInt8BlockDots() {
        return PLAIN_INT8_BLOCK_DOTS;
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
        Blas chosen = null;
        if (!forced.equals("plain")) {
            if (vectorModulePresent()) {
                chosen = instantiate(MethodHandles.lookup(), Blas.class, "VectorBlas");
                if (chosen == null && forced.equals("vector")) {
                    LOG.warn("{}=vector cannot be honoured on this JVM; using plain kernels", KERNELS_PROPERTY);
                }
            } else if (forced.equals("vector")) {
                LOG.warn(
                        "{}=vector needs the JVM flag --add-modules {}; using plain kernels",
                        KERNELS_PROPERTY,
                        VECTOR_MODULE);
            }
        }
        if (chosen == null) {
            chosen = new PlainBlas();
        }
        LOG.debug(
                "seqlab kernels: {} ({}={}, {} module {})",
                chosen.name(),
                KERNELS_PROPERTY,
                forced.isEmpty() ? "auto" : forced,
                VECTOR_MODULE,
                vectorModulePresent() ? "present" : "absent");
        return chosen;
    }

    /**
     * A new instance of the class {@code simpleName} in the package of {@code lookup}'s class,
     * through its no-argument constructor; null (logged at debug level) when it cannot be made.
     */
    private static <T> T instantiate(MethodHandles.Lookup lookup, Class<T> type, String simpleName) {
        String name = lookup.lookupClass().getPackageName() + "." + simpleName;
        try {
            Class<?> c = lookup.findClass(name);
            return type.cast(
                    lookup.findConstructor(c, MethodType.methodType(void.class)).invoke());
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            LOG.debug("SIMD kernel {} unavailable ({}); using plain Java", name, cause.toString());
            return null;
        }
    }
}
