package dev.seqlab.explorer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A small GloVe-format vectors file for the explorer's tests: royalty and gender words laid out so
 * that man : woman :: king : queen, a few king- words for prefix completion, three clusters
 * (fruit, cities, numbers) and random filler words.
 */
public final class TestVectors {
    public static final int DIM = 16;

    private TestVectors() {}

    /** Writes the file into {@code dir} and returns its path. */
    public static Path write(Path dir) throws IOException {
        Random r = new Random(11);
        List<String> lines = new ArrayList<>();
        // axes: 0 gender (+ female), 1 royalty, 2 youth
        add(lines, r, "man", -1, 0, 0);
        add(lines, r, "woman", 1, 0, 0);
        add(lines, r, "king", -1, 1, 0);
        add(lines, r, "queen", 1, 1, 0);
        add(lines, r, "prince", -1, 1, 1);
        add(lines, r, "princess", 1, 1, 1);
        add(lines, r, "boy", -1, 0, 1);
        add(lines, r, "girl", 1, 0, 1);
        add(lines, r, "he", -1.2, 0, -1);
        add(lines, r, "she", 1.2, 0, -1);
        add(lines, r, "kingdom", -0.3, 1.2, 0);
        add(lines, r, "kings", -1, 1.1, 0);
        add(lines, r, "kingly", -0.8, 0.9, 0);
        add(lines, r, "doctor", -0.3, 0.1, -0.2);
        add(lines, r, "nurse", 0.5, 0.1, -0.2);
        add(lines, r, "engineer", -0.4, 0.1, -0.3);
        String[][] clusters = {
            {"apple", "pear", "plum", "cherry", "mango", "grape", "lemon", "peach"},
            {"paris", "rome", "berlin", "madrid", "vienna", "lisbon", "athens", "prague"},
            {"one", "two", "three", "four", "five", "six", "seven", "eight"}
        };
        for (int c = 0; c < clusters.length; c++) {
            double[] centre = new double[DIM];
            for (int d = 3; d < DIM; d++) {
                centre[d] = r.nextGaussian() * 2;
            }
            for (String w : clusters[c]) {
                double[] v = centre.clone();
                for (int d = 3; d < DIM; d++) {
                    v[d] += r.nextGaussian() * 0.3;
                }
                lines.add(line(w, v));
            }
        }
        for (int i = 0; i < 150; i++) {
            double[] v = new double[DIM];
            for (int d = 0; d < DIM; d++) {
                v[d] = r.nextGaussian();
            }
            lines.add(line("w" + i, v));
        }
        Path file = dir.resolve("vectors.txt");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static void add(List<String> lines, Random r, String word, double gender, double royal, double young) {
        double[] v = new double[DIM];
        v[0] = gender;
        v[1] = royal;
        v[2] = young;
        for (int d = 3; d < DIM; d++) {
            v[d] = r.nextGaussian() * 0.05;
        }
        lines.add(line(word, v));
    }

    private static String line(String word, double[] v) {
        StringBuilder sb = new StringBuilder(word);
        for (double x : v) {
            sb.append(' ').append(String.format(Locale.ROOT, "%.5f", x));
        }
        return sb.toString();
    }
}
