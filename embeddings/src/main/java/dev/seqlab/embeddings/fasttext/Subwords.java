package dev.seqlab.embeddings.fasttext;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * fastText's character n-grams, exactly as its {@code Dictionary::hash} and {@code
 * Dictionary::computeSubwords} make them, so that row ids agree with models the fastText tool writes.
 *
 * <p>A word is wrapped in {@link #BOW} and {@link #EOW}; every n-gram of {@code minn} to {@code maxn}
 * characters (UTF-8 characters, not bytes) is taken from each character start, in order of start
 * then length, except the 1-grams made of a boundary character alone. Each n-gram's UTF-8 bytes
 * are hashed with 32-bit FNV-1a in which every byte is <em>sign-extended</em> before the xor
 * (fastText's {@code uint32_t(int8_t(c))}, which differs from textbook FNV-1a for bytes of 0x80 and
 * above); the bucket is the hash, read as unsigned, modulo {@code bucket}, and the input-matrix
 * row is {@code nwords + bucket index}. Repeated n-grams are kept (fastText averages them twice).
 */
public final class Subwords {
    /** The mark fastText puts before a word. */
    public static final String BOW = "<";
    /** The mark fastText puts after a word. */
    public static final String EOW = ">";
    /** fastText's end-of-sentence token, which never gets n-grams. */
    public static final String EOS = "</s>";

    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 16777619;
    private static final int[] NONE = new int[0];

    private Subwords() {}

    /** fastText's {@code Dictionary::hash} of the bytes {@code utf8} (the unsigned result as an int). */
    public static int hash(byte[] utf8) {
        int h = FNV_OFFSET;
        for (byte b : utf8) {
            h = (h ^ b) * FNV_PRIME;
        }
        return h;
    }

    /** fastText's {@code Dictionary::hash} of the UTF-8 bytes of {@code s}. */
    public static int hash(String s) {
        return hash(s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The bucket indices ({@code [0, bucket)}) of the n-grams of {@code word} (not yet wrapped in
     * {@code <} {@code >}), in fastText's order; none when {@code maxn} or {@code bucket} is 0.
     */
    public static int[] ngramBuckets(String word, int minn, int maxn, int bucket) {
        if (maxn <= 0 || bucket <= 0) {
            return NONE;
        }
        byte[] w = wrap(word);
        int[] out = new int[Math.max(8, w.length * Math.min(maxn, 8))];
        int count = 0;
        long buckets = bucket;
        for (int i = 0; i < w.length; i++) {
            if (continuation(w[i])) {
                continue;
            }
            int h = FNV_OFFSET;
            for (int j = i, n = 1; j < w.length && n <= maxn; n++) {
                h = (h ^ w[j++]) * FNV_PRIME;
                while (j < w.length && continuation(w[j])) {
                    h = (h ^ w[j++]) * FNV_PRIME;
                }
                if (n >= minn && !(n == 1 && (i == 0 || j == w.length))) {
                    if (count == out.length) {
                        out = Arrays.copyOf(out, count * 2);
                    }
                    out[count++] = (int) (Integer.toUnsignedLong(h) % buckets);
                }
            }
        }
        return Arrays.copyOf(out, count);
    }

    /**
     * The input-matrix rows of the n-grams of {@code word}: {@code nwords +} each of {@link
     * #ngramBuckets}. This is what fastText averages for a word it has never seen.
     */
    public static int[] ngramRows(String word, int minn, int maxn, int bucket, int nwords) {
        int[] rows = ngramBuckets(word, minn, maxn, bucket);
        for (int i = 0; i < rows.length; i++) {
            rows[i] += nwords;
        }
        return rows;
    }

    /**
     * The rows fastText averages for the in-vocabulary word {@code word} of id {@code id}: the
     * word's own row first, then its n-gram rows ({@link #ngramRows}); {@link #EOS} has only its own.
     */
    public static int[] wordRows(int id, String word, int minn, int maxn, int bucket, int nwords) {
        return prepend(id, EOS.equals(word) ? NONE : ngramRows(word, minn, maxn, bucket, nwords));
    }

    /** {@code id} followed by {@code rows}. */
    static int[] prepend(int id, int[] rows) {
        int[] all = new int[rows.length + 1];
        all[0] = id;
        System.arraycopy(rows, 0, all, 1, rows.length);
        return all;
    }

    /** The n-grams themselves (with the boundary marks), in the order of {@link #ngramBuckets}. */
    public static List<String> ngrams(String word, int minn, int maxn) {
        List<String> out = new ArrayList<>();
        if (maxn <= 0) {
            return out;
        }
        byte[] w = wrap(word);
        for (int i = 0; i < w.length; i++) {
            if (continuation(w[i])) {
                continue;
            }
            for (int j = i, n = 1; j < w.length && n <= maxn; n++) {
                j++;
                while (j < w.length && continuation(w[j])) {
                    j++;
                }
                if (n >= minn && !(n == 1 && (i == 0 || j == w.length))) {
                    out.add(new String(w, i, j - i, StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static byte[] wrap(String word) {
        return (BOW + word + EOW).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
