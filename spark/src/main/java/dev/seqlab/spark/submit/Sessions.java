package dev.seqlab.spark.submit;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The Spark session of a job: spark-submit's, or one on {@code --master} (else local[*]) when run directly. */
final class Sessions {
    private Sessions() {}

    static SparkSession get(String master, String name) {
        SparkSession.Builder builder = SparkSession.builder().appName(name);
        SparkConf conf = new SparkConf();
        if (master != null) {
            builder.master(master);
        } else if (!conf.contains("spark.master")) {
            builder.master("local[*]");
        }
        return builder.getOrCreate();
    }
}
