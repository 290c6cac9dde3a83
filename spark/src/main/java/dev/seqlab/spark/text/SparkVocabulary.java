package dev.seqlab.spark.text;

import dev.seqlab.corpora.text.Vocabulary;
import dev.seqlab.corpora.text.VocabularyOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * Counts the words of a corpus as a Spark job: each partition counts its own words, the counts
 * are summed by word across the cluster (one shuffle of distinct words per partition), and only
 * the words seen at least min-count times come back to the driver.
 */
public final class SparkVocabulary {
    private SparkVocabulary() {}

    /**
     * The vocabulary of {@code sentences} kept by {@code options}, numbered as seqlab's
     * single-machine {@link Vocabulary} numbers it.
     */
    public static VocabularyData count(JavaRDD<String[]> sentences, VocabularyOptions options) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(sentences.context());
        LongAccumulator tokens = sc.sc().longAccumulator("corpus tokens");
        int minCount = options.minCount();
        Map<String, Long> kept = new HashMap<>(sentences
                .mapPartitionsToPair(it -> {
                    Map<String, Long> local = new HashMap<>();
                    long n = 0;
                    while (it.hasNext()) {
                        String[] sentence = it.next();
                        n += sentence.length;
                        for (String w : sentence) {
                            local.merge(w, 1L, Long::sum);
                        }
                    }
                    tokens.add(n);
                    List<Tuple2<String, Long>> out = new ArrayList<>(local.size());
                    local.forEach((w, c) -> out.add(new Tuple2<>(w, c)));
                    return out.iterator();
                })
                .reduceByKey(Long::sum)
                .filter(t -> t._2() >= minCount)
                .collectAsMap());
        return new VocabularyData(Vocabulary.fromCounts(kept, tokens.value(), options));
    }
}
