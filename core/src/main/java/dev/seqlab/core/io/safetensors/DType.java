package dev.seqlab.core.io.safetensors;

import java.nio.ByteBuffer;

/** The element types of the safetensors format that seqlab reads, with their byte sizes. */
public enum DType {
    /** IEEE double. */
    F64(8),
    /** IEEE single: what seqlab writes. */
    F32(4),
    /** IEEE half. */
    F16(2),
    /** bfloat16 (the upper half of an IEEE single). */
    BF16(2),
    /** signed 64-bit integer. */
    I64(8),
    /** signed 32-bit integer. */
    I32(4),
    /** signed 16-bit integer. */
    I16(2),
    /** signed 8-bit integer. */
    I8(1),
    /** unsigned 8-bit integer. */
    U8(1),
    /** boolean, one byte (0 or 1). */
    BOOL(1);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** The element at byte position {@code pos} of a little-endian buffer, as a float. */
    float read(ByteBuffer b, int pos) {
        switch (this) {
            case F64:
                return (float) b.getDouble(pos);
            case F32:
                return b.getFloat(pos);
            case F16:
                return halfToFloat(b.getShort(pos));
            case BF16:
                return Float.intBitsToFloat((b.getShort(pos) & 0xFFFF) << 16);
            case I64:
                return b.getLong(pos);
            case I32:
                return b.getInt(pos);
            case I16:
                return b.getShort(pos);
            case I8:
                return b.get(pos);
            case U8:
            case BOOL:
                return b.get(pos) & 0xFF;
            default:
                throw new AssertionError(this);
        }
    }

    /** IEEE 754 binary16 to float, exact (subnormals, infinities and NaN included). */
    static float halfToFloat(short h) {
        int bits = h & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1F;
        int mant = bits & 0x3FF;
        if (exp == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F80_0000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1.0p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }
}
