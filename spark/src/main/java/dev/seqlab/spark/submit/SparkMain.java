package dev.seqlab.spark.submit;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The entry point of {@code seqlab-spark.jar}:
 *
 * <pre>
 * spark-submit --class dev.seqlab.spark.submit.SparkMain seqlab-spark.jar word2vec --corpus hdfs://.../corpus --out vectors.bin
 * </pre>
 *
 * Exit status 0 on success, 2 for bad usage or bad input (one line on stderr), 1 for a failure
 * while working.
 */
@Command(
        name = "seqlab-spark",
        mixinStandardHelpOptions = true,
        subcommands = {Word2VecJob.class, GloVeJob.class},
        description = "seqlab's trainers as Spark jobs.")
public final class SparkMain implements Runnable {
    /** Exit status for bad usage or bad input. */
    public static final int BAD_INPUT = 2;
    /** Exit status for a failure while working. */
    public static final int FAILURE = 1;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "name a job: word2vec or glove");
    }

    /** Runs, stops Spark, and exits with the job's status. */
    public static void main(String[] args) {
        int status = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        SparkSession.getActiveSession().foreach(s -> {
            s.stop();
            return null;
        });
        System.exit(status);
    }

    /**
     * Runs one job in this JVM (the Spark session is left running), printing to {@code out} and
     * {@code err}.
     *
     * @return the exit status
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new SparkMain());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            Throwable cause = ex instanceof UncheckedIOException u ? u.getCause() : ex;
            boolean input = cause instanceof IllegalArgumentException
                    || cause instanceof AnalysisException
                    || cause instanceof NoSuchFileException;
            err.println("seqlab-spark: " + (input ? "" : "error: ") + message(cause));
            err.flush();
            return input ? BAD_INPUT : FAILURE;
        });
        return cl.execute(args);
    }

    private static String message(Throwable e) {
        String m = e instanceof AnalysisException a ? a.getSimpleMessage() : e.getMessage();
        if (e instanceof IOException && !(e instanceof NoSuchFileException) && m != null) {
            return e.getClass().getSimpleName() + ": " + m;
        }
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
