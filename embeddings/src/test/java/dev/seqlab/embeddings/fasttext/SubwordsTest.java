package dev.seqlab.embeddings.fasttext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * fastText's hashing and n-gram rules. The expected values were computed independently with
 * gensim 4.2's {@code fasttext_inner.ft_hash_bytes} and {@code compute_ngrams_bytes}, which
 * reimplement fastText's {@code Dictionary::hash} and {@code computeSubwords}.
 */
class SubwordsTest {

    @Test
    void hashIsFastTextsFnv1aWithSignExtendedBytes() {
        assertEquals(2166136261L, Integer.toUnsignedLong(Subwords.hash("")));
        assertEquals(3826002220L, Integer.toUnsignedLong(Subwords.hash("a")));
        assertEquals(3214735720L, Integer.toUnsignedLong(Subwords.hash("foobar")));
        // bytes >= 0x80 are sign-extended, so these differ from textbook FNV-1a
        assertEquals(1023043777L, Integer.toUnsignedLong(Subwords.hash("é")));
        assertEquals(476539069L, Integer.toUnsignedLong(Subwords.hash("<naïve>")));
        assertEquals(3315313759L, Integer.toUnsignedLong(Subwords.hash("<日本>")));
        assertEquals(Subwords.hash("<日本>"), Subwords.hash("<日本>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(1023043777L, Integer.toUnsignedLong(textbookSignExtended("é")));
    }

    @Test
    void ngramsCountCharactersNotBytes() {
        assertEquals(
                List.of(
                        "<na", "<naï", "<naïv", "<naïve", "naï", "naïv", "naïve", "naïve>", "aïv", "aïve", "aïve>",
                        "ïve", "ïve>", "ve>"),
                Subwords.ngrams("naïve", 3, 6));
        assertArrayEquals(
                new int[] {
                    1806890, 1907692, 878190, 933201, 1590546, 1719404, 832043, 156687, 356832, 1223007, 1505331,
                    1711570, 1788548, 1088654
                },
                Subwords.ngramBuckets("naïve", 3, 6, 2_000_000));
    }

    @Test
    void oneGramsOfTheBoundaryMarksAreSkipped() {
        assertEquals(List.of("<日", "<日本", "日", "日本", "日本>", "本", "本>"), Subwords.ngrams("日本", 1, 3));
        assertArrayEquals(
                new int[] {1752687, 758587, 1514749, 387409, 196157, 1825417, 1885717},
                Subwords.ngramBuckets("日本", 1, 3, 2_000_000));
    }

    @Test
    void rowsFollowTheWordsAndTheWordsOwnRowComesFirst() {
        int[] buckets = Subwords.ngramBuckets("naïve", 3, 6, 2_000_000);
        int[] rows = Subwords.ngramRows("naïve", 3, 6, 2_000_000, 1000);
        for (int i = 0; i < buckets.length; i++) {
            assertEquals(1000 + buckets[i], rows[i]);
        }
        int[] word = Subwords.wordRows(7, "naïve", 3, 6, 2_000_000, 1000);
        assertEquals(7, word[0]);
        assertEquals(rows.length + 1, word.length);
        assertEquals(rows[rows.length - 1], word[word.length - 1]);
        assertArrayEquals(new int[] {3}, Subwords.wordRows(3, Subwords.EOS, 3, 6, 2_000_000, 1000));
    }

    @Test
    void noNgramsWhenMaxnIsZeroOrThereAreNoBuckets() {
        assertArrayEquals(new int[0], Subwords.ngramBuckets("naïve", 0, 0, 2_000_000));
        assertArrayEquals(new int[0], Subwords.ngramBuckets("naïve", 3, 6, 0));
        assertEquals(List.of(), Subwords.ngrams("naïve", 0, 0));
        assertArrayEquals(new int[] {5}, Subwords.wordRows(5, "naïve", 0, 0, 0, 10));
    }

    @Test
    void unsignedModuloKeepsBucketsInRange() {
        // every hash with the top bit set would go negative with a signed modulo
        for (String w : List.of("zzzz", "ööö", "抽象的", "x")) {
            for (int b : Subwords.ngramBuckets(w, 1, 6, 7)) {
                assertTrue(b >= 0 && b < 7, w + " -> " + b);
            }
        }
    }

    /** FNV-1a written out byte by byte, the way fastText's C++ does it. */
    private static int textbookSignExtended(String s) {
        long h = 2166136261L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= ((long) b) & 0xffffffffL;
            h = (h * 16777619L) & 0xffffffffL;
        }
        return (int) h;
    }
}
