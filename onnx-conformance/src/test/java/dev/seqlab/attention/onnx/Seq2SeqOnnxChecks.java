package dev.seqlab.attention.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.corpora.dates.DateVocabulary;
import dev.seqlab.onnx.HostTensor;
import java.util.Set;

/** What the exported sequence-to-sequence graphs' tests check alike. */
final class Seq2SeqOnnxChecks {
    /** The largest |ONNX Runtime − seqlab| any exported value may show. */
    static final double TOLERANCE = 1e-5;

    private Seq2SeqOnnxChecks() {}

    /** Prints {@code what}'s max |diff| and fails when it exceeds {@link #TOLERANCE} (or is NaN). */
    static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": value count");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double d = Math.abs(expected[i] - actual[i]);
            if (Double.isNaN(d)) {
                throw new AssertionError(what + ": NaN at " + i);
            }
            worst = Math.max(worst, d);
        }
        System.out.printf("%-45s max |diff| = %.2e%n", what, worst);
        if (!(worst <= TOLERANCE)) {
            throw new AssertionError(what + ": max difference " + worst + " > " + TOLERANCE);
        }
    }

    /** Only operators of {@code standard}, all in the default domain, at the exporters' opset. */
    static void assertStandard(ModelProto proto, Set<String> standard) {
        for (NodeProto n : proto.getGraph().getNodeList()) {
            assertTrue(standard.contains(n.getOpType()) && n.getDomain().isEmpty(), n.getOpType());
        }
        assertEquals(1, proto.getOpsetImportCount());
        assertEquals(Seq2SeqGraph.OPSET, proto.getOpsetImport(0).getVersion());
    }

    /** The batch as the graph's int64 {@code tokens [B, Tx]}. */
    static HostTensor tokens(int[][] x) {
        int tx = x[0].length;
        long[] t = new long[x.length * tx];
        for (int b = 0; b < x.length; b++) {
            for (int i = 0; i < tx; i++) {
                t[b * tx + i] = x[b][i];
            }
        }
        return HostTensor.longs(t, x.length, tx);
    }

    /** {@code t} has exactly the shape {@code dims}. */
    static void assertShape(HostTensor t, long... dims) {
        assertArrayEquals(dims, t.shape());
    }

    /**
     * Independently of seqlab: every attention row {@code [B, Ty, Tx]} sums to 1 and is exactly 0
     * past its input's length (the position after the last non-zero id, at least 1).
     */
    static void assertMaskedDistributions(float[] a, int[][] x, int ty, String what) {
        int tx = x[0].length;
        for (int b = 0; b < x.length; b++) {
            int len = 1;
            for (int t = 0; t < tx; t++) {
                if (x[b][t] != 0) {
                    len = t + 1;
                }
            }
            for (int s = 0; s < ty; s++) {
                double sum = 0;
                for (int t = 0; t < tx; t++) {
                    float w = a[(b * ty + s) * tx + t];
                    sum += w;
                    if (t >= len) {
                        assertEquals(0f, w, what + ": weight past length " + len + " of input " + b);
                    }
                }
                assertEquals(1.0, sum, 1e-5, what + ": attention row sum");
            }
        }
    }

    /** Date-like inputs of the date models' vocabulary, one longer than Tx and one of a single character. */
    static int[][] dateInputs() {
        String[] dates = {
            "3 may 1979", "tuesday 10 july 2007", "5/3/79", "21th of august 2016", "1", "saturday 9 may 2018 at noon x"
        };
        int[][] x = new int[dates.length][];
        for (int i = 0; i < dates.length; i++) {
            x[i] = DateVocabulary.encodeInput(dates[i]);
        }
        return x;
    }

    /** Adds N(0, scale²) noise to every parameter (no bias left at zero, no γ at one). */
    static void perturb(Parameters params, SeededRandom rng, double scale) {
        for (Parameter p : params) {
            float[] d = p.value().data();
            for (int i = 0; i < d.length; i++) {
                d[i] += (float) (scale * rng.nextGaussian());
            }
        }
    }
}
