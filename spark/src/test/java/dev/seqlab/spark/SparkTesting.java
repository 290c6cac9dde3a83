package dev.seqlab.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one {@code local[2]} Spark session of a test JVM, started on first use with what makes it
 * start fast (no UI, loopback only, two shuffle partitions) and stopped when the JVM exits.
 */
public final class SparkTesting {
    private static SparkSession session;

    private SparkTesting() {}

    /** The shared session. */
    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("seqlab-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .getOrCreate();
            session.sparkContext().setLogLevel("ERROR");
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
