package dev.seqlab.sentences;

import java.util.List;

/**
 * One text as a model input: token ids with their token type ids and the tokens themselves,
 * special tokens ({@code [CLS]}, {@code [SEP]}) included. The attention mask of an unpadded
 * encoding is all ones. The arrays are not copied; do not change them.
 *
 * @param ids       token ids, in order
 * @param typeIds   the token type (segment) id of each token
 * @param tokens    the token strings ({@code ##} marks a word continuation)
 * @param truncated whether tokens were cut off to respect the maximum length
 */
public record Encoding(int[] ids, int[] typeIds, List<String> tokens, boolean truncated) {

    /** Checks that the three sequences have the same length. */
    public Encoding {
        if (ids.length != typeIds.length || ids.length != tokens.size()) {
            throw new IllegalArgumentException("ids, type ids and tokens differ in length: " + ids.length + ", "
                    + typeIds.length + ", " + tokens.size());
        }
        tokens = List.copyOf(tokens);
    }

    /** The number of tokens. */
    public int length() {
        return ids.length;
    }

    /** The ids as {@code long}s, as ONNX models take them. */
    public long[] idsAsLongs() {
        long[] l = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            l[i] = ids[i];
        }
        return l;
    }
}
