package dev.seqlab.corpora.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The byte table numbers and counts words exactly as a map of strings does, for words shorter
 * than, as long as and longer than the eight bytes it compares at once, many of them sharing
 * their first eight bytes, passed at any offset of arrays of any length.
 */
class ByteWordTableTest {
    @Test
    void numbersAndCountsWordsAsAMapOfStrings() {
        SplittableRandom random = new SplittableRandom(17);
        String[] pieces = {"a", "b", "é", "abcdefgh", "abcdefg", "x", "€"};
        List<String> distinct = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        ByteWordTable table = new ByteWordTable();
        for (int n = 0; n < 200_000; n++) {
            StringBuilder w = new StringBuilder();
            for (int k = 1 + random.nextInt(6); k > 0; k--) {
                w.append(pieces[random.nextInt(pieces.length)]);
            }
            String word = w.toString();
            byte[] utf8 = word.getBytes(StandardCharsets.UTF_8);
            int from = random.nextInt(4);
            int tail = random.nextInt(3); // 0: the word ends the array, so no 8-byte read fits
            byte[] array = new byte[from + utf8.length + tail];
            random.nextBytes(array);
            System.arraycopy(utf8, 0, array, from, utf8.length);
            int expected = ids.computeIfAbsent(word, x -> {
                distinct.add(x);
                return distinct.size() - 1;
            });
            counts.merge(word, 1L, Long::sum);
            assertEquals(expected, table.add(array, from, utf8.length), word);
        }
        assertEquals(distinct.size(), table.size());
        for (int id = 0; id < distinct.size(); id++) {
            assertEquals(distinct.get(id), table.word(id));
            assertEquals(counts.get(distinct.get(id)), table.count(id));
        }
    }
}
