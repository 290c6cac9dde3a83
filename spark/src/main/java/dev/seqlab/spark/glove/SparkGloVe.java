package dev.seqlab.spark.glove;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.corpora.text.VocabularyOptions;
import dev.seqlab.embeddings.glove.GloVeFromCooccurrences;
import dev.seqlab.embeddings.glove.GloVeOptions;
import dev.seqlab.embeddings.glove.GloVeReport;
import dev.seqlab.spark.text.SparkSentences;
import dev.seqlab.spark.text.SparkVocabulary;
import dev.seqlab.spark.text.VocabularyData;
import java.io.IOException;
import java.util.Iterator;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Trains GloVe on a corpus too big for one machine to count: the vocabulary and the windowed
 * co-occurrence counts are Spark jobs (each task sums its pairs, the shuffle sums them by pair),
 * then the counted pairs stream to the driver one partition at a time and seqlab's GloVe shuffles
 * them on disk and trains on them ({@link GloVeFromCooccurrences}). The driver holds no more
 * than one partition of pairs and the options' memory budget; the training itself runs on one
 * node, which suits matrices up to some billions of pairs.
 *
 * <pre>{@code
 * GloVeReport report = SparkGloVe.train(spark.read().textFile("hdfs://.../corpus/"),
 *         SparkGloVeOptions.defaults().withGloVe(GloVeOptions.defaults().withThreads(16)));
 * }</pre>
 */
public final class SparkGloVe {
    private static final Logger LOG = LoggerFactory.getLogger(SparkGloVe.class);

    private SparkGloVe() {}

    /** Trains on the lines of {@code corpus} (one sentence a line). */
    public static GloVeReport train(Dataset<String> corpus, SparkGloVeOptions options) throws IOException {
        return train(corpus.javaRDD(), options);
    }

    /** Trains on {@code lines} (one sentence a line). */
    public static GloVeReport train(JavaRDD<String> lines, SparkGloVeOptions options) throws IOException {
        GloVeOptions o = options.glove();
        JavaRDD<String> input = options.partitions() > 0 ? SparkSentences.spread(lines, options.partitions()) : lines;
        JavaRDD<String[]> sentences = SparkSentences.tokenize(input, options.text());
        long t0 = System.nanoTime();
        VocabularyData vocabulary =
                SparkVocabulary.count(sentences, new VocabularyOptions(o.minCount(), o.maxVocabSize()));
        if (vocabulary.size() == 0) {
            throw new IllegalArgumentException("no word of the corpus occurs at least min-count (" + o.minCount()
                    + ") times: nothing to train (" + vocabulary.corpusTokens() + " tokens read)");
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(lines.context());
        Broadcast<VocabularyData> vocab = sc.broadcast(vocabulary);
        int window = o.window();
        JavaPairRDD<Long, Double> pairs = sentences
                .mapPartitionsToPair(it -> new WindowPairs(it, vocab.value().vocabulary(), window))
                .reduceByKey(Double::sum, input.getNumPartitions())
                .persist(StorageLevel.MEMORY_AND_DISK());
        long count = pairs.count();
        double countSeconds = (System.nanoTime() - t0) / 1e9;
        LOG.info("GloVe: {} words, {} co-occurring pairs counted in {} s", vocabulary.size(), count, countSeconds);
        long v = vocabulary.size();
        try {
            GloVeReport report = GloVeFromCooccurrences.train(
                    vocabulary.words(),
                    vocabulary.corpusTokens(),
                    count,
                    sink -> {
                        Iterator<Tuple2<Long, Double>> it = pairs.toLocalIterator();
                        while (it.hasNext()) {
                            Tuple2<Long, Double> p = it.next();
                            long key = p._1();
                            sink.accept((int) (key / v), (int) (key % v), p._2().floatValue());
                        }
                    },
                    o,
                    ProgressListener.NONE);
            return new GloVeReport(
                    report.vectors(),
                    report.corpusTokens(),
                    report.pairs(),
                    report.runs(),
                    report.countingBytes(),
                    report.costs(),
                    0,
                    countSeconds,
                    report.shufflingSeconds(),
                    report.trainingSeconds(),
                    report.kernel());
        } finally {
            pairs.unpersist(false);
            vocab.destroy();
        }
    }
}
