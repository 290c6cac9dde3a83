package dev.seqlab.spark.peer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.mllib.feature.Word2Vec;
import org.apache.spark.mllib.feature.Word2VecModel;
import org.apache.spark.sql.SparkSession;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The benchmark's peer: Spark MLlib's {@code Word2Vec} (skip-gram, hierarchical softmax, one
 * thread per partition) on a whitespace-tokenised corpus, timed around {@code fit}, its vectors
 * written as word2vec text for the same evaluation as seqlab's. Not a test: run by
 * bench/spark-vs-mllib.sh.
 *
 * <pre>MllibWord2VecRun CORPUS OUT PARTITIONS ITERATIONS [MASTER]</pre>
 */
public final class MllibWord2VecRun {
    private MllibWord2VecRun() {}

    public static void main(String[] args) throws IOException {
        String corpus = args[0];
        Path out = Path.of(args[1]);
        int partitions = Integer.parseInt(args[2]);
        int iterations = Integer.parseInt(args[3]);
        String master = args.length > 4 ? args[4] : "local[2]";
        SparkSession spark = SparkSession.builder()
                .master(master)
                .appName("mllib word2vec")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
        try {
            JavaRDD<Iterable<String>> sentences = spark.read()
                    .textFile(corpus)
                    .javaRDD()
                    .repartition(partitions)
                    .map(line -> (Iterable<String>) Arrays.asList(
                            line.strip().isEmpty()
                                    ? new String[0]
                                    : line.strip().split("\\s+")))
                    .cache();
            long tokens = sentences
                    .map(s -> {
                        long n = 0;
                        for (String w : s) {
                            n++;
                        }
                        return n;
                    })
                    .reduce(Long::sum);
            Word2Vec w2v = new Word2Vec()
                    .setVectorSize(100)
                    .setWindowSize(5)
                    .setMinCount(5)
                    .setNumPartitions(partitions)
                    .setNumIterations(iterations)
                    .setSeed(1);
            long t0 = System.nanoTime();
            Word2VecModel model = w2v.fit(sentences);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, float[]> vectors = CollectionConverters.asJava(model.getVectors());
            try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                w.write(vectors.size() + " 100\n");
                for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                    StringBuilder line = new StringBuilder(e.getKey());
                    for (float x : e.getValue()) {
                        line.append(' ').append(x);
                    }
                    w.write(line.append('\n').toString());
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "{\"words\":%d,\"corpus_tokens\":%d,\"partitions\":%d,\"iterations\":%d,\"train_seconds\":%.3f,"
                            + "\"words_per_s\":%.1f}%n",
                    vectors.size(),
                    tokens,
                    partitions,
                    iterations,
                    seconds,
                    tokens * (double) iterations / seconds);
        } finally {
            spark.stop();
        }
    }
}
