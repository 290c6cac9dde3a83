package dev.seqlab.onnx.interpret;

import ai.onnx.proto.OnnxMl.TensorProto;
import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.HostTensor.ElementType;
import dev.seqlab.onnx.inspect.OnnxInspector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;

/** Reading tensors stored in a graph, and element access over every {@link ElementType}. */
public final class Tensors {

    private Tensors() {}

    /**
     * A tensor stored in the file (an initialiser or a {@code Constant}'s value).
     *
     * @throws UnsupportedGraphException if it is stored outside the file or holds another element type
     */
    public static HostTensor fromProto(TensorProto t) {
        String name = t.getName();
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            throw new UnsupportedGraphException("tensor '" + name + "' is stored outside the file (external data); "
                    + "seqlab imports self-contained ONNX files");
        }
        long[] shape = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
        long count = 1;
        for (long d : shape) {
            count = d < 0 || d > Integer.MAX_VALUE ? -1 : count * d;
            if (count < 0 || count > Integer.MAX_VALUE) {
                throw new UnsupportedGraphException(
                        "tensor '" + name + "' has shape " + t.getDimsList() + ", not a shape seqlab can hold");
            }
        }
        int n = (int) count;
        TensorProto.DataType dt = TensorProto.DataType.forNumber(t.getDataType());
        ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        boolean hasRaw = !t.getRawData().isEmpty();
        checkData(t, dt, n, hasRaw);
        if (dt == TensorProto.DataType.FLOAT) {
            float[] f = new float[n];
            for (int i = 0; i < n; i++) {
                f[i] = hasRaw ? raw.getFloat(4 * i) : t.getFloatData(i);
            }
            return HostTensor.floats(f, shape);
        }
        if (dt == TensorProto.DataType.INT64) {
            long[] l = new long[n];
            for (int i = 0; i < n; i++) {
                l[i] = hasRaw ? raw.getLong(8 * i) : t.getInt64Data(i);
            }
            return HostTensor.longs(l, shape);
        }
        if (dt == TensorProto.DataType.INT32) {
            int[] v = new int[n];
            for (int i = 0; i < n; i++) {
                v[i] = hasRaw ? raw.getInt(4 * i) : t.getInt32Data(i);
            }
            return HostTensor.ints(v, shape);
        }
        if (dt == TensorProto.DataType.BOOL) {
            boolean[] b = new boolean[n];
            for (int i = 0; i < n; i++) {
                b[i] = (hasRaw ? raw.get(i) : t.getInt32Data(i)) != 0;
            }
            return HostTensor.bools(b, shape);
        }
        throw new UnsupportedGraphException(
                "tensor '" + name + "' holds " + OnnxInspector.elementTypeName(t.getDataType())
                        + "; seqlab computes float, int64, int32 and bool tensors");
    }

    /**
     * Fails unless the tensor holds exactly the {@code n} values its shape announces, before
     * anything of that size is allocated.
     */
    private static void checkData(TensorProto t, TensorProto.DataType dt, int n, boolean hasRaw) {
        int width;
        long typed;
        if (dt == TensorProto.DataType.FLOAT) {
            width = 4;
            typed = t.getFloatDataCount();
        } else if (dt == TensorProto.DataType.INT64) {
            width = 8;
            typed = t.getInt64DataCount();
        } else if (dt == TensorProto.DataType.INT32 || dt == TensorProto.DataType.BOOL) {
            width = dt == TensorProto.DataType.INT32 ? 4 : 1;
            typed = t.getInt32DataCount();
        } else {
            return; // refused as unsupported by the caller
        }
        long bytes = t.getRawData().size();
        if (hasRaw ? bytes != (long) n * width : typed != n) {
            throw new UnsupportedGraphException("tensor '" + t.getName() + "' has shape " + t.getDimsList() + " (" + n
                    + " values) but holds " + (hasRaw ? bytes + " bytes" : typed + " values"));
        }
    }

    /**
     * The element type of an ONNX data type number ({@code Cast}'s {@code to}).
     *
     * @throws UnsupportedGraphException for any other type
     */
    public static ElementType elementType(int onnxType) {
        TensorProto.DataType t = TensorProto.DataType.forNumber(onnxType);
        if (t == null) {
            throw new UnsupportedGraphException("unsupported element type " + onnxType);
        }
        return switch (t) {
            case FLOAT -> ElementType.FLOAT;
            case INT64 -> ElementType.INT64;
            case INT32 -> ElementType.INT32;
            case BOOL -> ElementType.BOOL;
            default -> throw new UnsupportedGraphException("unsupported element type "
                    + t.name().toLowerCase(Locale.ROOT) + " (seqlab computes float, int64, int32 and bool)");
        };
    }

    /** The number of elements of a shape. */
    public static long count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** The shape as ints. */
    public static int[] shape(HostTensor t) {
        long[] s = t.shape();
        int[] out = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = Math.toIntExact(s[i]);
        }
        return out;
    }

    /** An int shape as longs. */
    public static long[] longs(int[] shape) {
        long[] out = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = shape[i];
        }
        return out;
    }

    /** Element {@code i} as a double (bool: 0 or 1). */
    public static double get(HostTensor t, int i) {
        return switch (t.type()) {
            case FLOAT -> t.floats()[i];
            case INT64 -> t.longs()[i];
            case INT32 -> t.ints()[i];
            case BOOL -> t.bools()[i] ? 1 : 0;
        };
    }

    /** Element {@code i} as a long (floats truncated, bool 0 or 1). */
    public static long getLong(HostTensor t, int i) {
        return switch (t.type()) {
            case FLOAT -> (long) t.floats()[i];
            case INT64 -> t.longs()[i];
            case INT32 -> t.ints()[i];
            case BOOL -> t.bools()[i] ? 1 : 0;
        };
    }

    /** The values as longs, e.g. a shape, axes or indices tensor (not copied when it holds int64). */
    public static long[] longValues(HostTensor t) {
        if (t.type() == ElementType.INT64) {
            return t.longs();
        }
        long[] out = new long[Math.toIntExact(t.size())];
        for (int i = 0; i < out.length; i++) {
            out[i] = getLong(t, i);
        }
        return out;
    }

    /** The values as floats (not copied when it holds floats). */
    public static float[] floatValues(HostTensor t) {
        if (t.type() == ElementType.FLOAT) {
            return t.floats();
        }
        float[] out = new float[Math.toIntExact(t.size())];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) get(t, i);
        }
        return out;
    }

    /** A tensor of {@code type} whose element {@code i} is {@code a}'s element {@code src[i]}. */
    public static HostTensor gather(HostTensor a, int[] src, int[] shape) {
        long[] s = longs(shape);
        int n = src.length;
        return switch (a.type()) {
            case FLOAT -> {
                float[] x = a.floats();
                float[] y = new float[n];
                for (int i = 0; i < n; i++) {
                    y[i] = x[src[i]];
                }
                yield HostTensor.floats(y, s);
            }
            case INT64 -> {
                long[] x = a.longs();
                long[] y = new long[n];
                for (int i = 0; i < n; i++) {
                    y[i] = x[src[i]];
                }
                yield HostTensor.longs(y, s);
            }
            case INT32 -> {
                int[] x = a.ints();
                int[] y = new int[n];
                for (int i = 0; i < n; i++) {
                    y[i] = x[src[i]];
                }
                yield HostTensor.ints(y, s);
            }
            case BOOL -> {
                boolean[] x = a.bools();
                boolean[] y = new boolean[n];
                for (int i = 0; i < n; i++) {
                    y[i] = x[src[i]];
                }
                yield HostTensor.bools(y, s);
            }
        };
    }

    /** Long values as a tensor of an integer or bool {@code type}. */
    public static HostTensor ofLongs(ElementType type, long[] v, int[] shape) {
        long[] s = longs(shape);
        return switch (type) {
            case INT64 -> HostTensor.longs(v, s);
            case INT32 -> {
                int[] out = new int[v.length];
                for (int i = 0; i < v.length; i++) {
                    out[i] = (int) v[i];
                }
                yield HostTensor.ints(out, s);
            }
            case BOOL -> {
                boolean[] out = new boolean[v.length];
                for (int i = 0; i < v.length; i++) {
                    out[i] = v[i] != 0;
                }
                yield HostTensor.bools(out, s);
            }
            case FLOAT -> {
                float[] out = new float[v.length];
                for (int i = 0; i < v.length; i++) {
                    out[i] = v[i];
                }
                yield HostTensor.floats(out, s);
            }
        };
    }

    /** The parts' elements end to end, as one flat tensor of their (common) type. */
    public static HostTensor joined(HostTensor... parts) {
        int n = 0;
        for (HostTensor p : parts) {
            n += (int) p.size();
        }
        Object all =
                switch (parts[0].type()) {
                    case FLOAT -> new float[n];
                    case INT64 -> new long[n];
                    case INT32 -> new int[n];
                    case BOOL -> new boolean[n];
                };
        int off = 0;
        for (HostTensor p : parts) {
            System.arraycopy(p.data(), 0, all, off, (int) p.size());
            off += (int) p.size();
        }
        return switch (parts[0].type()) {
            case FLOAT -> HostTensor.floats((float[]) all, n);
            case INT64 -> HostTensor.longs((long[]) all, n);
            case INT32 -> HostTensor.ints((int[]) all, n);
            case BOOL -> HostTensor.bools((boolean[]) all, n);
        };
    }
}
