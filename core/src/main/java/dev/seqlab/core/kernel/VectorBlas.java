package dev.seqlab.core.kernel;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Blas} on the {@code jdk.incubator.vector} API: a packed, register-tiled GEMM in the
 * style of GotoBLAS/BLIS, and SIMD gemv, dot and axpy.
 *
 * <p>Three microkernels share one arithmetic: {@link #microKernelPacked} for packed A and B (the
 * large products; its strides are constants, see there), {@link #microKernel} for B read in place
 * and {@link #microKernelDirectA} for A read in place. Each accumulates the same products in the
 * same order, so which one computes a tile never changes a bit of C.
 *
 * <p>GEMM packs op(A) into {@value #MR}-row micro-panels and op(B) into micro-panels two
 * vectors wide (packing absorbs all four transpose combinations and zero-pads the edges), blocks
 * K by {@value #KC} and M by {@value #MC}, and runs a hand-unrolled microkernel that keeps its
 * {@value #MR}×2 vector accumulators in registers. For short C (up to one M block) a
 * non-transposed B is read in place instead of packed. Edge tiles run the same microkernel into a
 * scratch tile and are merged with the same scalar arithmetic the full tiles use, so each element
 * of C is computed by the same sequence of operations wherever it lies in the matrix: splitting C
 * into blocks (see {@link ParallelBlas}) does not change a single bit.
 *
 * <p>This class references {@code jdk.incubator.vector}; it is only loaded reflectively by
 * {@link Kernels} when that module is in the boot layer.
 */
final class VectorBlas implements Blas {
    static final VectorSpecies<Float> S = VectorShapes.FLOATS;
    static final int L = S.length();
    /**
     * The concrete class of {@link #S}'s vectors (a final class such as {@code Float512Vector}).
     * Every vector that was carried round a loop (the microkernels' accumulators, dot's partial
     * sums) or merged from two branches goes through {@code VECTOR.cast} before it is stored or
     * used as the receiver of a vector method.
     *
     * <p>Why: C2 types a loop's or a branch's merged local by its declared type, {@code
     * FloatVector}, so a method called on it ({@code intoArray} asks its receiver for
     * {@code vspecies()}) is bound through the call's type profile, which all of the JVM's callers
     * of {@code FloatVector.intoArray} share, and depends on that profile's trap history. In about
     * a quarter of {@code text train} runs of a 2×256 LSTM (3 of 12 here; 1 in 5 on the earlier
     * machine) some C2 compilations of the microkernels then got no constant species at the
     * stores: {@code -XX:CompileCommand=PrintIntrinsics,...} prints "missing constant:
     * vclass=DecodeN etype=ConP vlen=LoadI" and {@code VectorSupport.store} "failed to inline
     * (intrinsic)", so the accumulator must exist as an object and a new vector is boxed at every
     * step of the loop: 28–31 s of training against 8–10 s. {@code Class.cast} with a constant
     * class is a C2 intrinsic whose result is typed exactly, so the receiver is bound statically
     * whatever the profile holds (12 of 12 runs without a failed intrinsic). It changes no value.
     */
    @SuppressWarnings("unchecked")
    static final Class<FloatVector> VECTOR = (Class<FloatVector>) (Class<?>) S.vectorType();
    /** Rows of the register tile: 8×2 accumulators, 16 of the 32 AVX-512 vector registers. */
    static final int MR = 8;
    /** Columns of the register tile: two vectors. */
    static final int NR = 2 * L;
    /**
     * K block: the depth of the micro-panels one microkernel call streams (A: MR×KC, 8 KiB; B:
     * KC×NR, 32 KiB with 512-bit vectors); C is loaded and stored once per KC steps.
     */
    static final int KC = 256;
    /**
     * M block: the packed A block (MC × KC, 256 KiB) stays in L2. Measured on the project's 2-core
     * AVX-512 machine (thread CPU time, one thread): the 8×2-vector tile with MC 256 ran 1024³ at
     * 116–125 GFLOP/s where the former 6×2 tile with MC 96 ran 81–90, and the RNN shapes
     * (32×1024×256, 32×256×1024, 1024×256×3200) 100–120 where it ran 70–88; 12-row tiles were no
     * faster, KC 384 slower.
     */
    static final int MC = 256;
    /**
     * N block: the packed B block (KC × NC, 1 MiB with 512-bit vectors) stays in L2 (2 MiB per
     * core on the project's machine) while {@link #macroKernel} streams its micro-panels once per
     * row panel of A. Changing it changes no bit of C (it only splits the columns).
     */
    static final int NC = 32 * NR;
    /**
     * Up to this many rows of C (one M block), a non-transposed B is read in place instead of
     * packed: each B panel then serves a single pass of the microkernel column, so packing only
     * adds a copy. Measured at n=1024, k=321: m=32 73 → 86 GFLOP/s, m=96 95 → 102; at 1024³
     * packing wins (91 against 81), hence the limit. The microkernel performs the same operations
     * either way, so the choice does not change any result bit. (Measured with an M block of 96,
     * which this limit keeps.)
     */
    static final int DIRECT_B_MAX_ROWS = 96;
    /**
     * Up to this many microkernel column panels (n ≤ this·NR), op(A) is read in place instead of
     * packed (all but a ragged last row panel): each A panel then serves at most this many
     * microkernel calls, too few to repay the scalar copy, which took a fifth of the Transformer's
     * and the attention model's training (many GEMMs with n of 10 to 64). The microkernel performs
     * the same operations either way, so the choice does not change any result bit.
     */
    static final int DIRECT_A_MAX_PANELS = 2;
    /**
     * From this many rows of an M block on, {@link #macroKernel} runs A's row panels outermost
     * (see there). Below it, column panels stay outermost: with a few row panels each B panel is
     * then read once and kept in L1, where the row-major order streams the whole B block from L2
     * once per row panel (measured on 32×577×2048 with B transposed, an LSTM's input gradient:
     * 15% slower row-major).
     */
    static final int ROWS_OUTER_MIN_ROWS = 128;
    /** Rows of B packed together across all panels (see {@link #packBRows}). */
    static final int PACK_B_ROWS = 8;

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /**
     * Per-thread packing buffers, reused across calls and grown on demand (up to MC×KC for A and
     * KC×NC, 2 MiB with 512-bit vectors, for B), so small products keep small buffers.
     */
    private static final class Buffers {
        float[] a = new float[0];
        float[] b = new float[0];
        final float[] tile = new float[MR * NR];

        void reserve(int aSize, int bSize) {
            if (a.length < aSize) {
                a = new float[aSize];
            }
            if (b.length < bSize) {
                b = new float[bSize];
            }
        }
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }

    /**
     * @throws UnsupportedOperationException when the preferred vector species is narrower than
     *     256 bits, where the scalar code is as fast
     */
    VectorBlas() {
        if (S.vectorBitSize() < 256) {
            throw new UnsupportedOperationException(
                    "preferred float vectors are " + S.vectorBitSize() + " bits; the SIMD kernels need at least 256");
        }
    }

    @Override
    public void gemm(
            boolean transA,
            boolean transB,
            int m,
            int n,
            int k,
            float alpha,
            float[] a,
            int aOff,
            int lda,
            float[] b,
            int bOff,
            int ldb,
            float beta,
            float[] c,
            int cOff,
            int ldc) {
        BlasArgs.checkGemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0f) {
            PlainBlas.scale(m, n, beta, c, cOff, ldc);
            return;
        }
        if (m == 1 && !transA) {
            // One row times a matrix is a GEMV on B: no packing (generation runs at batch 1).
            gemv(!transB, transB ? n : k, transB ? k : n, alpha, b, bOff, ldb, a, aOff, beta, c, cOff);
            return;
        }
        Buffers buf = BUFFERS.get();
        buf.reserve(roundUp(Math.min(m, MC), MR) * Math.min(k, KC), Math.min(k, KC) * roundUp(Math.min(n, NC), NR));
        boolean directB = !transB && m <= DIRECT_B_MAX_ROWS;
        boolean directA = n <= DIRECT_A_MAX_PANELS * NR;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            // full-width panels read from B itself when direct; the ragged last one is always packed
            int nDirect = directB ? nc - nc % NR : 0;
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                float blockBeta = pc == 0 ? beta : 1f;
                if (nDirect < nc) {
                    packB(transB, b, bOff, ldb, pc, kc, jc + nDirect, nc - nDirect, buf.b);
                }
                int bDirect = bOff + pc * ldb + jc;
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    ARead aRead;
                    if (directA) {
                        int ragged = mc - mc % MR;
                        if (ragged < mc) {
                            packA(transA, a, aOff, lda, ic + ragged, mc - ragged, pc, kc, buf.a);
                        }
                        aRead = transA
                                ? new ARead(a, aOff + pc * lda + ic, 1, lda, ragged)
                                : new ARead(a, aOff + ic * lda + pc, lda, 1, ragged);
                    } else {
                        packA(transA, a, aOff, lda, ic, mc, pc, kc, buf.a);
                        aRead = null;
                    }
                    macroKernel(
                            mc,
                            nc,
                            kc,
                            buf,
                            aRead,
                            b,
                            bDirect,
                            ldb,
                            nDirect,
                            c,
                            cOff + ic * ldc + jc,
                            ldc,
                            alpha,
                            blockBeta);
                }
            }
        }
    }

    /**
     * op(A) of an M block read in place: element (row r, depth p) of the block at
     * {@code a[start + r·rowStride + p·depthStride]}, for the rows below {@code rows} (whole
     * panels; the ragged rest is packed at the start of the A buffer).
     */
    private record ARead(float[] a, int start, int rowStride, int depthStride, int rows) {}

    /**
     * Runs the microkernel over an mc×nc block of C: columns below {@code nDirect} take B in place
     * (row stride ldb from {@code bDirect}), the rest take the packed panels from the buffer; A
     * comes from the packed buffer, or in place as {@code aRead} says when it is not null.
     *
     * <p>With both operands packed and at least {@value #ROWS_OUTER_MIN_ROWS} rows (the large
     * products), the loop over A's row panels is the outer one: one A micro-panel (MR × KC, 8 KiB) stays in L1 while the B micro-panels stream from the
     * packed B block in L2, and C is written tile after tile along its rows, which the hardware
     * prefetchers follow. Column panel by column panel (the order kept for B or A read in place,
     * where a strided B panel is best read once and kept in L1), each C tile sat on 8 new pages
     * 4 KiB apart at n = 1024. Measured on the project's 2-core machine (thread CPU time, one
     * thread, loaded machine): 1024³ 125 → 136 GFLOP/s. Either order computes every tile by the
     * same operations.
     */
    private static void macroKernel(
            int mc,
            int nc,
            int kc,
            Buffers buf,
            ARead aRead,
            float[] b,
            int bDirect,
            int ldb,
            int nDirect,
            float[] c,
            int cBase,
            int ldc,
            float alpha,
            float beta) {
        float[] ap = buf.a;
        float[] tile = buf.tile;
        if (aRead == null && nDirect == 0 && mc >= ROWS_OUTER_MIN_ROWS) {
            float[] bp = buf.b;
            for (int ir = 0; ir < mc; ir += MR) {
                int mr = Math.min(MR, mc - ir);
                int ai = ir * kc;
                int ci = cBase + ir * ldc;
                for (int jr = 0; jr < nc; jr += NR) {
                    microKernelPacked(kc, ap, ai, bp, jr * kc, tile);
                    mergeTile(tile, mr, Math.min(NR, nc - jr), c, ci + jr, ldc, alpha, beta);
                }
            }
            return;
        }
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            boolean direct = jr < nDirect;
            float[] bArr = direct ? b : buf.b;
            int bi = direct ? bDirect + jr : (jr - nDirect) * kc;
            int bStride = direct ? ldb : NR;
            for (int ir = 0; ir < mc; ir += MR) {
                int mr = Math.min(MR, mc - ir);
                int ci = cBase + ir * ldc + jr;
                if (aRead == null && !direct) {
                    microKernelPacked(kc, ap, ir * kc, bArr, bi, tile);
                } else if (aRead == null) {
                    microKernel(kc, ap, ir * kc, bArr, bi, bStride, tile);
                } else if (ir < aRead.rows()) {
                    microKernelDirectA(
                            kc,
                            aRead.a(),
                            aRead.start() + ir * aRead.rowStride(),
                            aRead.rowStride(),
                            aRead.depthStride(),
                            bArr,
                            bi,
                            bStride,
                            tile);
                } else {
                    microKernel(kc, ap, 0, bArr, bi, bStride, tile);
                }
                mergeTile(tile, mr, nr, c, ci, ldc, alpha, beta);
            }
        }
    }

    /**
     * tile[MR×NR] = A-panel · B-panel (B rows {@code bStride} apart), the products accumulated in
     * increasing p by fused multiply-adds in {@value #MR}×2 register accumulators. Used where B is
     * read in place, and for the ragged last row panel of an A otherwise read in place; packed A
     * with packed B goes through {@link #microKernelPacked}. The accumulators leave through the
     * tile (not through a helper method) so that C2 keeps them in registers: a call that fails to
     * inline would box every vector.
     */
    private static void microKernel(int kc, float[] a, int ai, float[] b, int bi, int bStride, float[] tile) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z,
                c01 = z,
                c10 = z,
                c11 = z,
                c20 = z,
                c21 = z,
                c30 = z,
                c31 = z,
                c40 = z,
                c41 = z,
                c50 = z,
                c51 = z,
                c60 = z,
                c61 = z,
                c70 = z,
                c71 = z;
        for (int p = 0; p < kc; p++) {
            int bp = bi + p * bStride;
            int ap = ai + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector av;
            av = FloatVector.broadcast(S, a[ap]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = FloatVector.broadcast(S, a[ap + 1]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = FloatVector.broadcast(S, a[ap + 2]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = FloatVector.broadcast(S, a[ap + 3]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
            av = FloatVector.broadcast(S, a[ap + 4]);
            c40 = av.fma(b0, c40);
            c41 = av.fma(b1, c41);
            av = FloatVector.broadcast(S, a[ap + 5]);
            c50 = av.fma(b0, c50);
            c51 = av.fma(b1, c51);
            av = FloatVector.broadcast(S, a[ap + 6]);
            c60 = av.fma(b0, c60);
            c61 = av.fma(b1, c61);
            av = FloatVector.broadcast(S, a[ap + 7]);
            c70 = av.fma(b0, c70);
            c71 = av.fma(b1, c71);
        }
        VECTOR.cast(c00).intoArray(tile, 0 * L);
        VECTOR.cast(c01).intoArray(tile, 1 * L);
        VECTOR.cast(c10).intoArray(tile, 2 * L);
        VECTOR.cast(c11).intoArray(tile, 3 * L);
        VECTOR.cast(c20).intoArray(tile, 4 * L);
        VECTOR.cast(c21).intoArray(tile, 5 * L);
        VECTOR.cast(c30).intoArray(tile, 6 * L);
        VECTOR.cast(c31).intoArray(tile, 7 * L);
        VECTOR.cast(c40).intoArray(tile, 8 * L);
        VECTOR.cast(c41).intoArray(tile, 9 * L);
        VECTOR.cast(c50).intoArray(tile, 10 * L);
        VECTOR.cast(c51).intoArray(tile, 11 * L);
        VECTOR.cast(c60).intoArray(tile, 12 * L);
        VECTOR.cast(c61).intoArray(tile, 13 * L);
        VECTOR.cast(c70).intoArray(tile, 14 * L);
        VECTOR.cast(c71).intoArray(tile, 15 * L);
    }

    /**
     * {@link #microKernel} on packed panels of both operands: A panel rows {@value #MR} apart, B
     * panel rows {@value #NR} apart, the same operations in the same order.
     *
     * <p>Both strides are constants here, not arguments, because that is what lets C2 drop the
     * range checks from the loop: its range-check elimination needs array indices linear in the
     * loop variable with a compile-time scale. With the B stride as an argument (as in
     * {@link #microKernel}), every iteration kept two compare-and-branch pairs, an {@code imul}
     * and a reload of the stride beside its 16 FMAs, and those scalar µops shared the FMA ports.
     * The loop is unrolled by hand in steps of two (C2 does not unroll a body this large), halving
     * the remaining loop overhead per FMA; all 16 accumulators stay in registers.
     *
     * <p>This is a third near-copy of the loop on purpose, since constants reach a kernel only
     * through its own code (C2 does not inline a method this large). Measured on the project's
     * 2-core AVX-512 machine (thread CPU time, one thread, one B panel in L1 and 32 A panels from
     * L2, depth 256): 175–179 GFLOP/s, where a loop of 16 independent FMAs without loads ran at
     * 179, so the loop runs at the FMA peak; the strided kernel's loop was held to 80–84% of it by
     * its scalar µops alone. Decoded with {@code bench/python/c2_disasm.py}.
     */
    private static void microKernelPacked(int kc, float[] a, int ai, float[] b, int bi, float[] tile) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z,
                c01 = z,
                c10 = z,
                c11 = z,
                c20 = z,
                c21 = z,
                c30 = z,
                c31 = z,
                c40 = z,
                c41 = z,
                c50 = z,
                c51 = z,
                c60 = z,
                c61 = z,
                c70 = z,
                c71 = z;
        int even = kc & ~1;
        int p = 0;
        for (; p < even; p += 2) {
            int bp = bi + p * NR;
            int ap = ai + p * MR;
            FloatVector av;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            av = FloatVector.broadcast(S, a[ap]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = FloatVector.broadcast(S, a[ap + 1]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = FloatVector.broadcast(S, a[ap + 2]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = FloatVector.broadcast(S, a[ap + 3]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
            av = FloatVector.broadcast(S, a[ap + 4]);
            c40 = av.fma(b0, c40);
            c41 = av.fma(b1, c41);
            av = FloatVector.broadcast(S, a[ap + 5]);
            c50 = av.fma(b0, c50);
            c51 = av.fma(b1, c51);
            av = FloatVector.broadcast(S, a[ap + 6]);
            c60 = av.fma(b0, c60);
            c61 = av.fma(b1, c61);
            av = FloatVector.broadcast(S, a[ap + 7]);
            c70 = av.fma(b0, c70);
            c71 = av.fma(b1, c71);
            FloatVector b0n = FloatVector.fromArray(S, b, bp + NR);
            FloatVector b1n = FloatVector.fromArray(S, b, bp + NR + L);
            av = FloatVector.broadcast(S, a[ap + MR]);
            c00 = av.fma(b0n, c00);
            c01 = av.fma(b1n, c01);
            av = FloatVector.broadcast(S, a[ap + MR + 1]);
            c10 = av.fma(b0n, c10);
            c11 = av.fma(b1n, c11);
            av = FloatVector.broadcast(S, a[ap + MR + 2]);
            c20 = av.fma(b0n, c20);
            c21 = av.fma(b1n, c21);
            av = FloatVector.broadcast(S, a[ap + MR + 3]);
            c30 = av.fma(b0n, c30);
            c31 = av.fma(b1n, c31);
            av = FloatVector.broadcast(S, a[ap + MR + 4]);
            c40 = av.fma(b0n, c40);
            c41 = av.fma(b1n, c41);
            av = FloatVector.broadcast(S, a[ap + MR + 5]);
            c50 = av.fma(b0n, c50);
            c51 = av.fma(b1n, c51);
            av = FloatVector.broadcast(S, a[ap + MR + 6]);
            c60 = av.fma(b0n, c60);
            c61 = av.fma(b1n, c61);
            av = FloatVector.broadcast(S, a[ap + MR + 7]);
            c70 = av.fma(b0n, c70);
            c71 = av.fma(b1n, c71);
        }
        for (; p < kc; p++) {
            int bp = bi + p * NR;
            int ap = ai + p * MR;
            FloatVector av;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            av = FloatVector.broadcast(S, a[ap]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = FloatVector.broadcast(S, a[ap + 1]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = FloatVector.broadcast(S, a[ap + 2]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = FloatVector.broadcast(S, a[ap + 3]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
            av = FloatVector.broadcast(S, a[ap + 4]);
            c40 = av.fma(b0, c40);
            c41 = av.fma(b1, c41);
            av = FloatVector.broadcast(S, a[ap + 5]);
            c50 = av.fma(b0, c50);
            c51 = av.fma(b1, c51);
            av = FloatVector.broadcast(S, a[ap + 6]);
            c60 = av.fma(b0, c60);
            c61 = av.fma(b1, c61);
            av = FloatVector.broadcast(S, a[ap + 7]);
            c70 = av.fma(b0, c70);
            c71 = av.fma(b1, c71);
        }
        VECTOR.cast(c00).intoArray(tile, 0 * L);
        VECTOR.cast(c01).intoArray(tile, 1 * L);
        VECTOR.cast(c10).intoArray(tile, 2 * L);
        VECTOR.cast(c11).intoArray(tile, 3 * L);
        VECTOR.cast(c20).intoArray(tile, 4 * L);
        VECTOR.cast(c21).intoArray(tile, 5 * L);
        VECTOR.cast(c30).intoArray(tile, 6 * L);
        VECTOR.cast(c31).intoArray(tile, 7 * L);
        VECTOR.cast(c40).intoArray(tile, 8 * L);
        VECTOR.cast(c41).intoArray(tile, 9 * L);
        VECTOR.cast(c50).intoArray(tile, 10 * L);
        VECTOR.cast(c51).intoArray(tile, 11 * L);
        VECTOR.cast(c60).intoArray(tile, 12 * L);
        VECTOR.cast(c61).intoArray(tile, 13 * L);
        VECTOR.cast(c70).intoArray(tile, 14 * L);
        VECTOR.cast(c71).intoArray(tile, 15 * L);
    }

    /**
     * {@link #microKernel} on an A panel read in place: row r, depth p at
     * {@code a[ai + r·rowStride + p·depthStride]}; the same operations in the same order.
     *
     * <p>This is a near-copy of {@link #microKernel} on purpose. Measured on the project's 2-core
     * AVX-512 machine (thread CPU time, one thread, the two interleaved in one JVM): running the
     * packed panels through this kernel (strides 1 and MR as arguments) cost 13–18% at 512³,
     * 1024³ and the LSTM's products, since its eight row indices take the registers the loop
     * needs (C2 does not inline a kernel this large, so the constants never reach it); a kernel
     * with adjacent rows and only the depth stride as an argument kept the packed speed but
     * cannot read a non-transposed A in place, and packing that A instead ran products with n
     * of 16 to 64 (attention, the Transformer) 1.3–2.4 times slower.
     */
    private static void microKernelDirectA(
            int kc, float[] a, int ai, int rowStride, int depthStride, float[] b, int bi, int bStride, float[] tile) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z,
                c01 = z,
                c10 = z,
                c11 = z,
                c20 = z,
                c21 = z,
                c30 = z,
                c31 = z,
                c40 = z,
                c41 = z,
                c50 = z,
                c51 = z,
                c60 = z,
                c61 = z,
                c70 = z,
                c71 = z;
        int a0 = ai;
        int a1 = a0 + rowStride;
        int a2 = a1 + rowStride;
        int a3 = a2 + rowStride;
        int a4 = a3 + rowStride;
        int a5 = a4 + rowStride;
        int a6 = a5 + rowStride;
        int a7 = a6 + rowStride;
        for (int p = 0; p < kc; p++) {
            int bp = bi + p * bStride;
            int q = p * depthStride;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector av;
            av = FloatVector.broadcast(S, a[a0 + q]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = FloatVector.broadcast(S, a[a1 + q]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = FloatVector.broadcast(S, a[a2 + q]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = FloatVector.broadcast(S, a[a3 + q]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
            av = FloatVector.broadcast(S, a[a4 + q]);
            c40 = av.fma(b0, c40);
            c41 = av.fma(b1, c41);
            av = FloatVector.broadcast(S, a[a5 + q]);
            c50 = av.fma(b0, c50);
            c51 = av.fma(b1, c51);
            av = FloatVector.broadcast(S, a[a6 + q]);
            c60 = av.fma(b0, c60);
            c61 = av.fma(b1, c61);
            av = FloatVector.broadcast(S, a[a7 + q]);
            c70 = av.fma(b0, c70);
            c71 = av.fma(b1, c71);
        }
        VECTOR.cast(c00).intoArray(tile, 0 * L);
        VECTOR.cast(c01).intoArray(tile, 1 * L);
        VECTOR.cast(c10).intoArray(tile, 2 * L);
        VECTOR.cast(c11).intoArray(tile, 3 * L);
        VECTOR.cast(c20).intoArray(tile, 4 * L);
        VECTOR.cast(c21).intoArray(tile, 5 * L);
        VECTOR.cast(c30).intoArray(tile, 6 * L);
        VECTOR.cast(c31).intoArray(tile, 7 * L);
        VECTOR.cast(c40).intoArray(tile, 8 * L);
        VECTOR.cast(c41).intoArray(tile, 9 * L);
        VECTOR.cast(c50).intoArray(tile, 10 * L);
        VECTOR.cast(c51).intoArray(tile, 11 * L);
        VECTOR.cast(c60).intoArray(tile, 12 * L);
        VECTOR.cast(c61).intoArray(tile, 13 * L);
        VECTOR.cast(c70).intoArray(tile, 14 * L);
        VECTOR.cast(c71).intoArray(tile, 15 * L);
    }

    /**
     * C = alpha·tile + beta·C over the valid mr×nr corner of the tile, C not read when beta is 0.
     * Full-width rows go through vectors, ragged ones through scalars; both round
     * {@code (alpha*t) + (beta*c)} identically, so an element's value does not depend on whether its
     * tile is full.
     */
    private static void mergeTile(float[] tile, int mr, int nr, float[] c, int ci, int ldc, float alpha, float beta) {
        if (nr == NR) {
            for (int r = 0; r < mr; r++) {
                int t = r * NR;
                int o = ci + r * ldc;
                FloatVector t0 = FloatVector.fromArray(S, tile, t).mul(alpha);
                FloatVector t1 = FloatVector.fromArray(S, tile, t + L).mul(alpha);
                if (beta != 0f) {
                    t0 = t0.add(FloatVector.fromArray(S, c, o).mul(beta));
                    t1 = t1.add(FloatVector.fromArray(S, c, o + L).mul(beta));
                }
                VECTOR.cast(t0).intoArray(c, o);
                VECTOR.cast(t1).intoArray(c, o + L);
            }
            return;
        }
        for (int r = 0; r < mr; r++) {
            int t = r * NR;
            int o = ci + r * ldc;
            if (beta == 0f) {
                for (int j = 0; j < nr; j++) {
                    c[o + j] = alpha * tile[t + j];
                }
            } else {
                for (int j = 0; j < nr; j++) {
                    c[o + j] = alpha * tile[t + j] + beta * c[o + j];
                }
            }
        }
    }

    /**
     * Packs op(A)[i0..i0+mc, p0..p0+kc) into MR-row panels, each laid out p-major, zero-padded. A
     * transposed A is read one stored row (all mc elements of one depth p) at a time: going panel
     * by panel instead would read MR floats from each of kc rows lda apart, which with a
     * power-of-two lda all fall into the same L1 sets and miss on every panel.
     */
    private static void packA(boolean trans, float[] a, int aOff, int lda, int i0, int mc, int p0, int kc, float[] ap) {
        if (trans) {
            int full = mc - mc % MR;
            for (int p = 0; p < kc; p++) {
                int src = aOff + (p0 + p) * lda + i0;
                int dst = p * MR;
                for (int ir = 0; ir < full; ir += MR, src += MR, dst += MR * kc) {
                    System.arraycopy(a, src, ap, dst, MR);
                }
                if (full < mc) {
                    System.arraycopy(a, src, ap, dst, mc - full);
                }
            }
        }
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int base = ir * kc;
            if (!trans) {
                for (int r = 0; r < mr; r++) {
                    int src = aOff + (i0 + ir + r) * lda + p0;
                    for (int p = 0; p < kc; p++) {
                        ap[base + p * MR + r] = a[src + p];
                    }
                }
            }
            if (mr < MR) {
                for (int p = 0; p < kc; p++) {
                    Arrays.fill(ap, base + p * MR + mr, base + (p + 1) * MR, 0f);
                }
            }
        }
    }

    /**
     * Packs op(B)[p0..p0+kc, j0..j0+nc) into NR-column panels, each laid out p-major, zero-padded.
     * The full-width panels of a non-transposed B go through {@link #packBRows}; the rest (the
     * ragged last panel, a transposed B) are copied panel by panel.
     */
    private static void packB(boolean trans, float[] b, int bOff, int ldb, int p0, int kc, int j0, int nc, float[] bp) {
        int full = trans ? 0 : nc - nc % NR;
        if (full > 0) {
            packBRows(b, bOff, ldb, p0, kc, j0, full, bp);
        }
        for (int jr = full; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int base = jr * kc;
            if (!trans) {
                int src = bOff + p0 * ldb + j0 + jr;
                for (int p = 0; p < kc; p++, src += ldb) {
                    System.arraycopy(b, src, bp, base + p * NR, nr);
                }
            } else {
                for (int jj = 0; jj < nr; jj++) {
                    int src = bOff + (j0 + jr + jj) * ldb + p0;
                    for (int p = 0; p < kc; p++) {
                        bp[base + p * NR + jj] = b[src + p];
                    }
                }
            }
            if (nr < NR) {
                for (int p = 0; p < kc; p++) {
                    Arrays.fill(bp, base + p * NR + nr, base + (p + 1) * NR, 0f);
                }
            }
        }
    }

    /**
     * Packs the full-width panels (width a multiple of NR) of a non-transposed B, a strip of
     * {@value #PACK_B_ROWS} rows at a time across all panels, each row of a panel copied as two
     * vectors. Panel by panel, each step read 128 bytes from the next row, a new page every time
     * (with B 1024 wide, all in the same L1 sets), which no prefetcher follows; in strips, B is
     * read along its rows.
     */
    private static void packBRows(float[] b, int bOff, int ldb, int p0, int kc, int j0, int width, float[] bp) {
        for (int ps = 0; ps < kc; ps += PACK_B_ROWS) {
            int pe = Math.min(kc, ps + PACK_B_ROWS);
            for (int jr = 0; jr < width; jr += NR) {
                int src = bOff + (p0 + ps) * ldb + j0 + jr;
                int dst = jr * kc + ps * NR;
                for (int p = ps; p < pe; p++, src += ldb, dst += NR) {
                    FloatVector.fromArray(S, b, src).intoArray(bp, dst);
                    FloatVector.fromArray(S, b, src + L).intoArray(bp, dst + L);
                }
            }
        }
    }

    @Override
    public void gemv(
            boolean trans,
            int m,
            int n,
            float alpha,
            float[] a,
            int aOff,
            int lda,
            float[] x,
            int xOff,
            float beta,
            float[] y,
            int yOff) {
        BlasArgs.checkGemv(trans, m, n, a, aOff, lda, x, xOff, y, yOff);
        if (!trans) {
            for (int i = 0; i < m; i++) {
                float s = n == 0 ? 0f : dotUnchecked(n, a, aOff + i * lda, x, xOff);
                y[yOff + i] = beta == 0f ? alpha * s : alpha * s + beta * y[yOff + i];
            }
        } else {
            PlainBlas.scale(1, n, beta, y, yOff, n);
            for (int i = 0; i < m; i++) {
                axpyUnchecked(n, alpha * x[xOff + i], a, aOff + i * lda, y, yOff);
            }
        }
    }

    @Override
    public float dot(int n, float[] x, int xOff, float[] y, int yOff) {
        BlasArgs.checkVector("x", x, xOff, n);
        BlasArgs.checkVector("y", y, yOff, n);
        return dotUnchecked(n, x, xOff, y, yOff);
    }

    private static float dotUnchecked(int n, float[] x, int xOff, float[] y, int yOff) {
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        int i = 0;
        int upper4 = n - n % (4 * L);
        for (; i < upper4; i += 4 * L) {
            s0 = FloatVector.fromArray(S, x, xOff + i).fma(FloatVector.fromArray(S, y, yOff + i), s0);
            s1 = FloatVector.fromArray(S, x, xOff + i + L).fma(FloatVector.fromArray(S, y, yOff + i + L), s1);
            s2 = FloatVector.fromArray(S, x, xOff + i + 2 * L).fma(FloatVector.fromArray(S, y, yOff + i + 2 * L), s2);
            s3 = FloatVector.fromArray(S, x, xOff + i + 3 * L).fma(FloatVector.fromArray(S, y, yOff + i + 3 * L), s3);
        }
        int upper = n - n % L;
        for (; i < upper; i += L) {
            s0 = FloatVector.fromArray(S, x, xOff + i).fma(FloatVector.fromArray(S, y, yOff + i), s0);
        }
        float s = VECTOR.cast(s0).add(s1).add(VECTOR.cast(s2).add(s3)).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += x[xOff + i] * y[yOff + i];
        }
        return s;
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        BlasArgs.checkVector("x", x, xOff, n);
        BlasArgs.checkVector("y", y, yOff, n);
        axpyUnchecked(n, alpha, x, xOff, y, yOff);
    }

    /** {@code y += alpha*x}, rounded like the scalar {@code y + alpha*x} (no fused multiply-add). */
    private static void axpyUnchecked(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        int i = 0;
        int upper = n - n % L;
        for (; i < upper; i += L) {
            FloatVector yv = FloatVector.fromArray(S, y, yOff + i);
            yv.add(FloatVector.fromArray(S, x, xOff + i).mul(alpha)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public String name() {
        return "vector";
    }
}
