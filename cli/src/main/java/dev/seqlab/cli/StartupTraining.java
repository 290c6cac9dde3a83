package dev.seqlab.cli;

import dev.seqlab.embeddings.io.VectorFiles;
import dev.seqlab.embeddings.io.VectorFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The training run of the {@code ./seqlab} launcher's class-data archive: runs, in one JVM, the
 * commands whose start-up matters most (help, {@code info}, and word-vector queries on small
 * vector files in the seqlab format, word2vec binary and text), so that the JVM's list of loaded
 * classes covers a one-shot query's whole path: picocli, the command tree, the file readers and
 * mappings, the search and its kernels, the output. The launcher archives that list once per
 * build ({@code -Xshare:dump}); later runs map those classes instead of loading, verifying and
 * linking them again. A file of vectors is written to the directory given and left there.
 *
 * <pre>java -XX:DumpLoadedClassList=classes.txt -cp seqlab.jar dev.seqlab.cli.StartupTraining DIR</pre>
 */
public final class StartupTraining {
    /** Enough rows for the searches to take their two-pass route, as large files do. */
    private static final int ROWS = 40_000;

    private static final int DIM = 16;

    private StartupTraining() {}

    /** Runs the training commands on files written to {@code args[0]}; exits 1 if one of them fails. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: StartupTraining DIR");
            System.exit(2);
        }
        List<String> failed = run(Path.of(args[0]));
        if (!failed.isEmpty()) {
            System.err.println("startup training: failed: " + failed);
            System.exit(1);
        }
    }

    /** Runs the training commands on files written to {@code dir}; returns the command lines that failed. */
    public static List<String> run(Path dir) throws IOException {
        Files.createDirectories(dir);
        String[] words = new String[ROWS];
        float[] matrix = new float[ROWS * DIM];
        Random random = new Random(1);
        for (int i = 0; i < ROWS; i++) {
            words[i] = "w" + i;
        }
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = (float) random.nextGaussian();
        }
        Path seqlab = dir.resolve("vectors.seqlab");
        Path binary = dir.resolve("vectors.bin");
        Path text = dir.resolve("vectors.txt");
        VectorFiles.write(seqlab, VectorFormat.SEQLAB, words, matrix, ROWS, DIM);
        VectorFiles.write(binary, VectorFormat.WORD2VEC_BINARY, words, matrix, ROWS, DIM);
        VectorFiles.write(text, VectorFormat.WORD2VEC, words, matrix, ROWS, DIM);
        List<String[]> commands = List.of(
                new String[] {"--help"},
                new String[] {"--version"},
                new String[] {"info"},
                new String[] {"embeddings", "--help"},
                new String[] {"embeddings", "similar", "--help"},
                new String[] {"embeddings", "similar", "--vectors", seqlab.toString(), "w1"},
                new String[] {"embeddings", "similar", "--vectors", seqlab.toString(), "--json", "w2"},
                new String[] {"embeddings", "analogy", "--vectors", seqlab.toString(), "w1", "w2", "w3"},
                new String[] {"embeddings", "similar", "--vectors", binary.toString(), "w1"},
                new String[] {"embeddings", "similar", "--vectors", text.toString(), "w1"},
                new String[] {
                    "embeddings",
                    "similar",
                    "--vectors",
                    dir.resolve("missing.txt").toString(),
                    "w1"
                });
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        List<String> failed = new ArrayList<>();
        for (String[] command : commands) {
            int code = Main.run(command, sink, sink);
            boolean expected = String.join(" ", command).contains("missing.txt") ? code == 2 : code == 0;
            if (!expected) {
                failed.add(String.join(" ", command) + " (exit " + code + ")");
            }
        }
        return failed;
    }
}
