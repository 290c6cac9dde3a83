package dev.seqlab.corpora.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DinosaurNamesTest {

    @Test
    void atLeast800DistinctCapitalisedNames() {
        List<String> names = DinosaurNames.all();
        assertTrue(names.size() >= 800, names.size() + " names");
        assertEquals(names.size(), new HashSet<>(names).size(), "no duplicates");
        for (String n : names) {
            assertTrue(n.matches("[A-Z][a-z]+"), n);
        }
        assertTrue(names.contains("Tyrannosaurus") && names.contains("Velociraptor"));
    }
}
