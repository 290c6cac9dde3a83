package dev.seqlab.corpora.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Dinosaur genus names, one per line, written for seqlab (not copied from any file): the training
 * data of the course's "Dinosaurus Island" generator.
 */
public final class DinosaurNames {
    private static final String RESOURCE = "/dev/seqlab/corpora/dinosaurs.txt";

    private DinosaurNames() {}

    /** All names, capitalised as genera are ("Tyrannosaurus"), in alphabetical order. */
    public static List<String> all() {
        try (InputStream in = DinosaurNames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the dinosaur names resource is missing from the seqlab-corpora jar");
            }
            List<String> names = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                }
            }
            return List.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
