package dev.seqlab.embeddings.query;

import dev.seqlab.core.kernel.Blas;
import dev.seqlab.core.kernel.Int4BlockDots;
import dev.seqlab.core.kernel.Int8BlockDots;
import dev.seqlab.core.kernel.Kernels;
import dev.seqlab.core.kernel.SwarInt8BlockDots;
import dev.seqlab.embeddings.store.FloatRows;
import dev.seqlab.embeddings.store.Floats;
import dev.seqlab.embeddings.store.Int8Rows;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cosine similarity of query vectors against every row of a row-major float matrix, as gensim
 * computes it: {@code dot(row, q) / norm(row)} for a unit query {@code q}. The rows are read where
 * they are stored ({@link FloatRows}: the heap, or a memory-mapped seqlab file); the row norms are
 * computed once (in double) unless stored with the rows; the matrix itself is not copied or
 * normalised, so queries need no second matrix in memory. Rows whose vector is all zeros have no
 * direction: their score is NaN
 * and they are never returned, as in gensim.
 *
 * <p>The dot products of a query are one {@link Blas#gemv} per thread over a contiguous block of
 * rows; each thread then selects its best rows with a {@link TopK} heap, and the heaps are merged.
 * Nearest-neighbour queries over many rows first bound every cosine from an int8 copy of the
 * rows and score exactly only the rows that can make the top k (see {@link #nearest}).
 */
public final class SimilarityIndex {
    /** Below this many matrix elements a query stays on the calling thread. */
    private static final long PARALLEL_MIN = 1L << 20;
    /** From this many rows on, nearest-neighbour queries take the two-pass quantised route. */
    static final int QUANTIZED_MIN = 1 << 15;
    /**
     * Whether the kernels (the int8 one among them) are SIMD: only then is an int8 copy built when
     * the file has none (its pass must then pay for the build), and the batched SIMD pass used.
     */
    private static final boolean TWO_PASS = Kernels.isVectorized();
    /** Full passes over the int8 copy after building it: enough for C2 to compile the kernel. */
    private static final int WARM_UP_PASSES = 4;
    /**
     * Batched passes over the first {@value #WARM_UP_ROWS} rows after building the int8 copy: more
     * calls of each kernel than the JIT needs before it compiles a method for good (some hundreds),
     * at a few milliseconds of CPU in all once compiled.
     */
    private static final int WARM_UP_SMALL_PASSES = 800;

    private static final int WARM_UP_ROWS = 256;
    /** Batch sizes that take every group of the batched kernel: 16 and one alone, 8, 4. */
    private static final int[] WARM_UP_BATCHES = {17, 8, 4};
    /**
     * Files with more float components than this get {@link KernelWarmUp} in processes that run
     * the SIMD kernels: their first search would otherwise bound with the integer kernel
     * ({@link SwarInt8BlockDots}, about 0.5 ns a code from the JIT's first tier on, 0.3 once
     * optimised), several times the CPU of the compiled SIMD one at 3,000,000 × 300; below it the
     * warm-up costs more than it saves (measured at 400,000 × 100: 0.2–0.4 s more CPU).
     */
    static final long PLAIN_WHILE_COLD_MAX = 1L << 27;
    /**
     * From this many matrix components (128 MB of int8 codes, far beyond any cache) a warm search
     * takes its first pass over a 4-bit copy ({@link NibbleRows}): the int8 pass is then bound by
     * memory bandwidth (measured at 3,000,000 × 300: 900 MB a query at about 20 GB/s on two
     * threads), and the 4-bit pass reads half as much. Below it the int8 copy, with its shared scan
     * for concurrent searches, is as fast.
     */
    static final long NIBBLE_MIN = 1L << 27;
    /** How long the background build of the int8 copy waits after the query that asked for it. */
    private static final long GRACE_MS = 500;

    /** Rows scored at a time by the one-pass search. */
    private static final int ONE_PASS_CHUNK = 4096;
    /** Per thread: the scores of one chunk of the one-pass search. */
    private static final ThreadLocal<float[]> ONE_PASS_SCORES =
            ThreadLocal.withInitial(() -> new float[ONE_PASS_CHUNK]);

    private static final Logger LOG = LoggerFactory.getLogger(SimilarityIndex.class);
    private static final Blas SERIAL = Kernels.blas(1);

    private final FloatRows matrix;
    private final int rows;
    private final int dim;
    private final Floats norms;
    private volatile QuantizedRows quantized;
    /**
     * The 4-bit copy of the rows, set once built and its kernel compiled: from then on every
     * search over at least {@value #QUANTIZED_MIN} rows takes its first pass over it
     * ({@link NibbleNearest}). Built only for matrices of at least {@value #NIBBLE_MIN} components.
     */
    private volatile NibbleRows nibbles;
    /**
     * Whether the SIMD int8 kernel has run enough to be compiled: until then two-pass searches
     * bound the cosines with the plain kernel, which the JIT compiles many times sooner (a SIMD
     * kernel runs interpreted, its vectors boxed, until the JIT's last tier compiles it).
     */
    private volatile boolean int8Warm;

    private Thread preparer;
    private final ThreadLocal<float[]> scratch = new ThreadLocal<>();
    /** The circular scan over the int8 copy that two-pass searches join, made once the copy is ready. */
    private volatile SharedScan scan;

    /** The matrix components from which warm searches take the 4-bit route ({@link #NIBBLE_MIN}; tests set less). */
    private final long nibbleMin;

    private SimilarityIndex(FloatRows matrix, Floats norms, QuantizedRows quantized, long nibbleMin) {
        this.nibbleMin = nibbleMin;
        this.matrix = matrix;
        this.rows = matrix.rows();
        this.dim = matrix.dim();
        this.norms = norms;
        this.quantized = quantized;
    }

    /** As {@link #of(float[], int, int)}, taking the 4-bit route from {@code nibbleMin} components on (for tests). */
    static SimilarityIndex withNibbleMin(float[] matrix, int rows, int dim, long nibbleMin) {
        FloatRows m = FloatRows.of(matrix, rows, dim);
        return new SimilarityIndex(m, Floats.of(norms(m)), null, nibbleMin);
    }

    /** Whether warm searches now take their first pass over the 4-bit copy. */
    boolean nibblesReady() {
        return nibbles != null;
    }

    /** The 4-bit copy of the rows, built now on the calling thread (for tests). */
    NibbleRows nibblesNow() {
        return NibbleRows.of(matrix, norms, QueryThreads.THREADS);
    }

    /** An index over the first {@code rows} rows of {@code matrix} (not copied; must not change). */
    public static SimilarityIndex of(float[] matrix, int rows, int dim) {
        return of(FloatRows.of(matrix, rows, dim), null, null);
    }

    /**
     * An index over {@code matrix} with the norms and int8 copy stored with it; either may be null,
     * and is then computed (the norms now, the int8 copy when first useful, see {@link #nearest}).
     */
    public static SimilarityIndex of(FloatRows matrix, Floats norms, Int8Rows int8) {
        Floats n = norms != null ? norms : Floats.of(norms(matrix));
        QuantizedRows q = int8 != null ? QuantizedRows.stored(int8, matrix.rows(), matrix.dim()) : null;
        return new SimilarityIndex(matrix, n, q, NIBBLE_MIN);
    }

    private static float[] norms(FloatRows matrix) {
        int rows = matrix.rows();
        int dim = matrix.dim();
        float[] norms = new float[rows];
        float[] row = new float[dim];
        for (int i = 0; i < rows; i++) {
            matrix.copyRows(i, 1, row, 0);
            norms[i] = Int8Quantizer.norm(row, 0, dim);
        }
        return norms;
    }

    /** The number of rows. */
    public int rows() {
        return rows;
    }

    /** The length of a row. */
    int dim() {
        return dim;
    }

    /** Copies the rows {@code [from, from + count)} into {@code dst} from its start. */
    void copyRows(int from, int count, float[] dst) {
        matrix.copyRows(from, count, dst, 0);
    }

    /** The Euclidean norm of row {@code i}. */
    public float norm(int i) {
        return norms.get(i);
    }

    /** Row {@code i} divided by its norm (gensim's {@code get_vector(norm=True)}), into {@code dst}. */
    public void unitRow(int i, float[] dst) {
        float n = norms.get(i);
        matrix.copyRows(i, 1, dst, 0);
        for (int k = 0; k < dim; k++) {
            dst[k] /= n;
        }
    }

    /** Scales {@code v} to unit length in place (left as is when it is all zeros); returns it. */
    public static float[] normalize(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        if (s > 0) {
            float n = (float) Math.sqrt(s);
            for (int k = 0; k < v.length; k++) {
                v[k] /= n;
            }
        }
        return v;
    }

    /**
     * The {@code k} rows among the first {@code limit} with the highest cosine to the unit
     * vector {@code unitQuery}, skipping the rows in {@code exclude}.
     *
     * <p>Over at least {@value #QUANTIZED_MIN} rows, and where the SIMD kernels are available, the
     * search becomes two-pass and stays exact: an int8 copy of the unit rows
     * ({@link QuantizedRows}) gives every row an upper bound of its cosine at a quarter of the
     * memory traffic; the rows with the best bounds are scored exactly, and then every row whose
     * bound reaches the k-th best exact score so far. Exact scores are the same floats the
     * one-pass search computes, so both return the same rows in the same order. The int8 copy is
     * built, and its kernel compiled by the JIT, on a background thread started by the first such
     * query; queries use one pass until it is ready, so a single query never waits for it.
     * (Without SIMD an int8 copy is never built, but one stored with the rows is used.)
     *
     * <p>Until the SIMD int8 kernel is compiled ({@link KernelWarmUp}, or the background
     * preparation), and without SIMD, the first pass takes exact integer dot products of the
     * query rounded to integers ({@link IntegerQuery}, {@link SwarInt8BlockDots}): fast in the
     * JIT's first tier, where a one-shot command runs, and its bounds allow for the rounding.
     *
     * <p>Once the int8 copy is ready, every such search joins one circular scan over it
     * ({@link SharedScan}): the scan walks the row chunks in a circle, a search joins at the chunk
     * it reaches next and leaves after one turn, and each chunk is screened for all the searches
     * present at once ({@link BatchedNearest}), its codes read once for all of them; each search
     * is then rescored on its own thread, with exactly the answer it would get alone. A search
     * arriving alone starts at once, scanned by every worker thread.
     *
     * <p>At {@value #NIBBLE_MIN} matrix components and more, where a pass over the int8 copy is bound
     * by memory bandwidth, the background preparation builds a 4-bit copy instead (when the heap
     * has room for it, an eighth of the float matrix), and from then on every such search takes its
     * first pass over that ({@link NibbleNearest}): half the bytes, the same exact answers.
     */
    public TopK nearest(float[] unitQuery, int limit, int k, int[] exclude) {
        int n = Math.min(limit, rows);
        if (n >= QUANTIZED_MIN) {
            NibbleRows coarse = nibbles;
            if (coarse != null) {
                return NibbleNearest.search(this, coarse, Kernels.int4BlockDots(), unitQuery, n, k, exclude, scratch());
            }
            QuantizedRows ready = quantized;
            if (ready != null && TWO_PASS && int8Warm) {
                return scan().answer(new BatchedNearest.Query(unitQuery, n, k, exclude));
            }
            if (ready != null) {
                if (TWO_PASS) {
                    prepareInBackground();
                }
                if (TWO_PASS && KernelWarmUp.done()) {
                    return nearestTwoPass(ready, Kernels.int8BlockDots(), unitQuery, n, k, exclude);
                }
                // the SIMD kernel is not compiled yet (or there is none): integer dots, fast from the first tier
                return nearestTwoPassIntegers(ready, unitQuery, n, k, exclude);
            }
            if (TWO_PASS) {
                // started after the search, so that its grace period runs from the answer on
                TopK top = nearestOnePass(unitQuery, n, k, exclude);
                prepareInBackground();
                return top;
            }
        }
        return nearestOnePass(unitQuery, n, k, exclude);
    }

    /** The first pass of a two-pass search: upper bounds of the cosines of the rows of some blocks. */
    @FunctionalInterface
    private interface FirstPass {
        /** Bounds the rows of the blocks {@code [fromBlock, toBlock)} into {@code upper}. */
        void bound(int fromBlock, int toBlock, float[] upper);
    }

    /**
     * Starts building the int8 copy (or, when it is stored with the rows, copying it into the heap
     * if there is room, and compiling its SIMD kernel), once, on a daemon thread. Started by a query, the thread first waits
     * {@value #GRACE_MS} ms: a one-shot command exits right after its query and so never allocates
     * or fills a copy it would not use (a quarter of the float matrix, 900 MB at 3M × 300).
     * {@link #prepare()} wakes it at once. The copy is not built when the heap has no
     * room for it: searches then stay one-pass, with the same answers.
     */
    private synchronized Thread prepareInBackground() {
        if (preparer != null) {
            return preparer;
        }
        Thread t = new Thread(
                () -> {
                    try {
                        Thread.sleep(GRACE_MS);
                    } catch (InterruptedException e) {
                        // prepare() wants it now
                    }
                    try {
                        QuantizedRows stored = quantized;
                        if (nibbleTier() && heapHasRoomFor(NibbleRows.bytes(rows, dim))) {
                            nibbles = warmedUp(NibbleRows.of(matrix, norms, QueryThreads.THREADS));
                        } else if (stored != null) {
                            if (!stored.inHeap() && heapHasRoomForInt8Copy()) {
                                quantized = warmedUp(stored.copiedToHeap());
                            } else {
                                warmedUp(stored);
                            }
                            int8Warm = true;
                        } else if (heapHasRoomForInt8Copy()) {
                            int8Warm = true;
                            quantized = warmedUp(QuantizedRows.of(matrix, norms));
                        } else {
                            LOG.debug(
                                    "similarity search stays one-pass: no heap room for an int8 copy of {} rows", rows);
                        }
                    } catch (RuntimeException | OutOfMemoryError e) {
                        LOG.debug(
                                "similarity search stays one-pass: the int8 index could not be built ({})",
                                e.toString());
                    }
                },
                "seqlab-index");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        preparer = t;
        t.start();
        return t;
    }

    /** Whether the heap can take the int8 copy (codes and two floats a row) and keep a tenth of itself free. */
    private boolean heapHasRoomForInt8Copy() {
        return heapHasRoomFor(((long) rows + Int8BlockDots.BLOCK) * (dim + 8L));
    }

    /** Whether the heap can take {@code need} more bytes and keep a tenth of itself free. */
    private static boolean heapHasRoomFor(long need) {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        return rt.maxMemory() - used - need >= rt.maxMemory() / 10;
    }

    /**
     * Whether warm searches take their first pass over a 4-bit copy ({@link #NIBBLE_MIN}): only
     * with the SIMD kernels, and when its codes fit in one array. When the heap has room for it,
     * the int8 copy is then neither built nor moved into the heap (once the 4-bit copy is ready no
     * search reads it); when not, the int8 route is prepared as below the threshold.
     */
    private boolean nibbleTier() {
        return TWO_PASS && (long) rows * dim >= nibbleMin && NibbleRows.fits(rows, dim);
    }

    /**
     * Compiles the 4-bit kernel before the copy is used, as {@link #warmedUp(QuantizedRows)} does
     * for the int8 one: many searches over a few blocks (the JIT compiles a method for good only
     * after hundreds of calls), then two over every row.
     */
    private NibbleRows warmedUp(NibbleRows r) {
        float[] upper = scratch();
        int few = Math.min(rows, QUANTIZED_MIN);
        for (int i = 0; i < WARM_UP_SMALL_PASSES / 4; i++) {
            float[] q = new float[dim];
            q[i % dim] = 1f;
            NibbleNearest.search(this, r, Kernels.int4BlockDots(), q, few, 10, new int[0], upper);
        }
        for (int i = 0; i < 2; i++) {
            float[] q = new float[dim];
            q[i] = 1f;
            NibbleNearest.search(this, r, Kernels.int4BlockDots(), q, rows, 10, new int[0], upper);
        }
        return r;
    }

    /**
     * Makes searches as fast as they will get before returning: starts building the int8 copy if
     * the searches would use it (see {@link #nearest}) and waits until it is ready.
     */
    public void prepare() {
        if (rows < QUANTIZED_MIN || !TWO_PASS || (nibbleTier() ? nibbles != null : quantized != null && int8Warm)) {
            return;
        }
        Thread t = prepareInBackground();
        t.interrupt();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private QuantizedRows warmedUp(QuantizedRows r) {
        // the batched screen the shared scan runs, through every group of its kernel (batches of
        // 17, 8 and 4: groups of 16, 8 and 4 and a query alone), first over a few rows many
        // times: until compiled, a SIMD kernel runs boxed, tens of times slower, and the JIT
        // compiles a method for good only once it has been called hundreds of times, which a few
        // full passes (a call per chunk of rows) do not reach; the first burst of concurrent
        // searches would otherwise pay for it
        int few = Math.min(rows, WARM_UP_ROWS);
        for (int i = 0; i < WARM_UP_SMALL_PASSES; i++) {
            for (int size : WARM_UP_BATCHES) {
                BatchedNearest.search(this, r, Kernels.int8BlockDots(), warmUpBatch(few, size));
            }
        }
        float[] q = new float[dim];
        q[0] = 1f;
        int blocks = (rows + Int8BlockDots.BLOCK - 1) / Int8BlockDots.BLOCK;
        float[] upper = new float[blocks * Int8BlockDots.BLOCK];
        for (int i = 0; i < WARM_UP_PASSES; i++) {
            r.upperBounds(q, 1f, 0, blocks, upper);
        }
        for (int size : WARM_UP_BATCHES) {
            BatchedNearest.search(this, r, Kernels.int8BlockDots(), warmUpBatch(rows, size));
        }
        return r;
    }

    /** {@code size} queries along the axes over the first {@code limit} rows. */
    private BatchedNearest.Query[] warmUpBatch(int limit, int size) {
        BatchedNearest.Query[] batch = new BatchedNearest.Query[size];
        for (int j = 0; j < batch.length; j++) {
            float[] unit = new float[dim];
            unit[j % dim] = 1f;
            batch[j] = new BatchedNearest.Query(unit, limit, 1, new int[0]);
        }
        return batch;
    }

    /** Whether queries over many rows now take the two-pass route. */
    boolean twoPassReady() {
        return quantized != null;
    }

    /**
     * The calling thread's score buffer, one per thread and index, with room for every row in whole
     * blocks. Reused rather than allocated per query: a fresh array of a few megabytes per query
     * costs its page faults again and again (measured: up to 4 ms a query at 400,000 rows).
     */
    private float[] scratch() {
        float[] s = scratch.get();
        if (s == null) {
            // whole blocks of either copy (the 4-bit blocks are a multiple of the int8 ones)
            s = new float[(rows + Int4BlockDots.BLOCK - 1) / Int4BlockDots.BLOCK * Int4BlockDots.BLOCK];
            scratch.set(s);
        }
        return s;
    }

    /** The int8 copy, built now on the calling thread if the background has not finished it. */
    QuantizedRows quantizedNow() {
        QuantizedRows r = quantized;
        return r != null ? r : QuantizedRows.of(matrix, norms);
    }

    /**
     * Scores every row, {@value #ONE_PASS_CHUNK} rows at a time into a small buffer of the calling
     * thread: no score buffer for every row, which in G1 is a humongous array (1.6 MB at 400,000
     * rows) that a heap little larger than the matrix may have no room left for.
     */
    TopK nearestOnePass(float[] unitQuery, int n, int k, int[] exclude) {
        int parts = parts(n);
        TopK[] partial = new TopK[parts];
        Runnable[] tasks = new Runnable[parts];
        for (int t = 0; t < parts; t++) {
            int from = split(n, parts, t);
            int to = split(n, parts, t + 1);
            int part = t;
            tasks[t] = () -> {
                float[] y = ONE_PASS_SCORES.get();
                TopK top = new TopK(k);
                for (int c = from; c < to; c += ONE_PASS_CHUNK) {
                    int end = Math.min(to, c + ONE_PASS_CHUNK);
                    matrix.dots(SERIAL, unitQuery, c, end, y, 0);
                    for (int i = c; i < end; i++) {
                        float s = y[i - c] / norms.get(i);
                        if (s >= top.threshold() && !contains(exclude, i)) {
                            top.offer(s, i);
                        }
                    }
                }
                partial[part] = top;
            };
        }
        QueryThreads.runAll(tasks);
        return merge(partial);
    }

    /**
     * The circular scan over the int8 copy, made by the first search that needs it once the copy
     * is warm: from then on the copy is final ({@link #int8Warm} is set after its last change), so
     * one scan serves every later search.
     */
    private SharedScan scan() {
        SharedScan s = scan;
        if (s == null) {
            synchronized (this) {
                s = scan;
                if (s == null) {
                    s = new SharedScan(this, quantized, Kernels.int8BlockDots(), QueryThreads.THREADS);
                    scan = s;
                }
            }
        }
        return s;
    }

    TopK nearestTwoPass(QuantizedRows quantized, float[] q, int n, int k, int[] exclude) {
        return nearestTwoPass(quantized, Kernels.int8BlockDots(), q, n, k, exclude);
    }

    private TopK nearestTwoPass(QuantizedRows quantized, Int8BlockDots kernel, float[] q, int n, int k, int[] exclude) {
        float qNorm = (float) Math.sqrt(squaredNorm(q));
        return nearestTwoPass(
                (from, to, upper) -> quantized.upperBounds(kernel, q, qNorm, from, to, upper), q, n, k, exclude);
    }

    /** The two-pass search whose first pass bounds from integer dot products ({@link IntegerQuery}). */
    TopK nearestTwoPassIntegers(QuantizedRows quantized, float[] q, int n, int k, int[] exclude) {
        IntegerQuery iq = IntegerQuery.of(q, dim);
        float qNorm = (float) Math.sqrt(squaredNorm(q));
        return nearestTwoPass((from, to, upper) -> quantized.upperBounds(iq, qNorm, from, to, upper), q, n, k, exclude);
    }

    private TopK nearestTwoPass(FirstPass firstPass, float[] q, int n, int k, int[] exclude) {
        int blocks = (n + Int8BlockDots.BLOCK - 1) / Int8BlockDots.BLOCK;
        float[] upper = scratch();
        int parts = Math.max(1, Math.min(QueryThreads.THREADS, blocks / 64));
        int firstK = k + exclude.length;
        TopK[] partial = new TopK[parts];
        Runnable[] tasks = new Runnable[parts];
        for (int t = 0; t < parts; t++) {
            int fromBlock = split(blocks, parts, t);
            int toBlock = split(blocks, parts, t + 1);
            int part = t;
            tasks[t] = () -> {
                firstPass.bound(fromBlock, toBlock, upper);
                TopK best = new TopK(firstK);
                int end = Math.min(n, toBlock * Int8BlockDots.BLOCK);
                for (int i = fromBlock * Int8BlockDots.BLOCK; i < end; i++) {
                    if (upper[i] >= best.threshold()) {
                        best.offer(upper[i], i);
                    }
                }
                partial[part] = best;
            };
        }
        QueryThreads.runAll(tasks);
        int[] scored = merge(partial).indices();
        TopK top = new TopK(k);
        for (int i : scored) {
            if (!contains(exclude, i)) {
                top.offer(exactScore(q, i), i);
            }
        }
        Arrays.sort(scored);
        for (int i = 0; i < n; i++) {
            if (upper[i] >= top.threshold() && Arrays.binarySearch(scored, i) < 0 && !contains(exclude, i)) {
                top.offer(exactScore(q, i), i);
            }
        }
        return top;
    }

    /** The cosine of row {@code i} as the one-pass search computes it: the same dot, then the division. */
    float exactScore(float[] q, int i) {
        return matrix.dot(SERIAL, i, q) / norms.get(i);
    }

    private static TopK merge(TopK[] partial) {
        TopK all = partial[0];
        for (int t = 1; t < partial.length; t++) {
            all.addAll(partial[t]);
        }
        return all;
    }

    private static double squaredNorm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return s;
    }

    /** Cosines of the vector {@code q} (not necessarily unit) scaled by |q|, i.e. {@code dot(row, q)/|row|}, for the first {@code limit} rows. */
    public float[] scaledCosines(float[] q, int limit) {
        int n = Math.min(limit, rows);
        float[] y = new float[n];
        int parts = parts(n);
        Runnable[] tasks = new Runnable[parts];
        for (int t = 0; t < parts; t++) {
            int from = split(n, parts, t);
            int to = split(n, parts, t + 1);
            tasks[t] = () -> {
                dots(q, from, to, y);
                for (int i = from; i < to; i++) {
                    y[i] /= norms.get(i);
                }
            };
        }
        QueryThreads.runAll(tasks);
        return y;
    }

    /**
     * 3CosMul (gensim's {@code most_similar_cosmul}): for each row, the product over the unit
     * vectors {@code positive} of (1 + cos)/2 divided by the product over {@code negative} of
     * (1 + cos)/2 plus 1e-6; the {@code k} best rows among the first {@code limit}, skipping
     * {@code exclude}.
     */
    public TopK cosMul(float[][] positive, float[][] negative, int limit, int k, int[] exclude) {
        int n = Math.min(limit, rows);
        float[][] pos = new float[positive.length][];
        float[][] neg = new float[negative.length][];
        for (int j = 0; j < positive.length; j++) {
            pos[j] = scaledCosines(positive[j], n);
        }
        for (int j = 0; j < negative.length; j++) {
            neg[j] = scaledCosines(negative[j], n);
        }
        TopK top = new TopK(k);
        for (int i = 0; i < n; i++) {
            float num = 1f;
            for (float[] c : pos) {
                num *= (1f + c[i]) / 2f;
            }
            float den = 1f;
            for (float[] c : neg) {
                den *= (1f + c[i]) / 2f;
            }
            float s = num / (den + 0.000001f);
            if (s >= top.threshold() && !contains(exclude, i)) {
                top.offer(s, i);
            }
        }
        return top;
    }

    /** y[from..to) = rows[from..to) · x, one GEMV over the contiguous block. */
    private void dots(float[] x, int from, int to, float[] y) {
        matrix.dots(SERIAL, x, from, to, y);
    }

    private int parts(int n) {
        return (long) n * dim < PARALLEL_MIN ? 1 : Math.min(QueryThreads.THREADS, Math.max(1, n / 1024));
    }

    private static int split(int n, int parts, int t) {
        return (int) ((long) n * t / parts);
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
