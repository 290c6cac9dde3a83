package dev.seqlab.core.testing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Feeds a parser thousands of {@link Mutator mutated} copies of valid inputs, one file per case,
 * and checks that every case ends, within a time limit, either normally or with one of the
 * parser's documented exceptions whose message names the file, and that the case allocated no
 * more than a bound derived from the file's size. Prints one line with the count of cases.
 */
public final class Fuzzer {
    /** Cases per parser per build. */
    public static final int CASES = 2_000;
    /** Allocation every case may make whatever its size (buffers, JSON trees, class loading). */
    private static final long FIXED_ALLOWANCE = 96L << 20;
    /** Further allocation allowed per byte of input. */
    private static final long PER_BYTE_ALLOWANCE = 256;

    private static final Duration CASE_TIMEOUT = Duration.ofSeconds(10);

    /** A parser of files. */
    @FunctionalInterface
    public interface FileParser {
        /** Parses {@code file} completely. */
        void parse(Path file) throws Exception;
    }

    /**
     * What to fuzz.
     *
     * @param name       the parser's name in the report line
     * @param seeds      valid inputs to mutate (the first cases are the seeds themselves, which must parse)
     * @param fileName   the name of the file each case is written to
     * @param parser     the parser
     * @param documented the exception types the parser documents for bad input
     * @param namesFile  whether their messages must name the file (false for parsers of text
     *                   that came from elsewhere, e.g. a date typed by the user; their messages
     *                   must then only be one non-blank line)
     */
    public record Target(
            String name,
            List<byte[]> seeds,
            String fileName,
            FileParser parser,
            List<Class<? extends Exception>> documented,
            boolean namesFile) {

        /** A target whose exceptions must name the file. */
        public Target(
                String name,
                List<byte[]> seeds,
                String fileName,
                FileParser parser,
                List<Class<? extends Exception>> documented) {
            this(name, seeds, fileName, parser, documented, true);
        }
    }

    private Fuzzer() {}

    /**
     * Runs {@code cases} cases of {@code target}, mutations drawn from {@code seed}, writing each
     * case to a file in {@code /dev/shm} when the system has one, else in {@code dir}.
     *
     * @return the number of cases run
     * @throws AssertionError describing the first case that failed, with its input in Base64
     */
    public static int run(Target target, Path dir, long seed, int cases) throws Exception {
        Path memory = Path.of("/dev/shm");
        if (Files.isDirectory(memory) && Files.isWritable(memory)) {
            // thousands of small writes: in memory they take microseconds, on a busy disk milliseconds
            Path scratch = Files.createTempDirectory(memory, "seqlab-fuzz-");
            try {
                return runIn(target, scratch, seed, cases);
            } finally {
                try (Stream<Path> files = Files.list(scratch)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Files.delete(f);
                    }
                }
                Files.delete(scratch);
            }
        }
        return runIn(target, dir, seed, cases);
    }

    private static int runIn(Target target, Path dir, long seed, int cases) throws Exception {
        Random random = new Random(seed);
        Path file = dir.resolve(target.fileName());
        long startNanos = System.nanoTime();
        int rejected = 0;
        for (int i = 0; i < cases; i++) {
            byte[] seedInput = target.seeds().get(i % target.seeds().size());
            byte[] input = i < target.seeds().size() ? seedInput : Mutator.mutate(seedInput, random);
            Files.write(file, input);
            Throwable thrown;
            try {
                thrown = runCase(target, file, input.length, i);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + shown(input), e);
            }
            if (thrown != null && i < target.seeds().size()) {
                throw new AssertionError(
                        "fuzz " + target.name() + ": seed " + i + " is not a valid input: " + thrown, thrown);
            }
            if (thrown != null) {
                rejected++;
                check(target, file, input, i, thrown);
            }
        }
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        System.out.println("fuzz " + target.name() + ": " + cases + " cases (" + rejected
                + " rejected as documented) in " + millis + " ms");
        return cases;
    }

    private static Throwable runCase(Target target, Path file, long size, int index) {
        return assertTimeoutPreemptively(
                CASE_TIMEOUT,
                () -> {
                    long before = allocatedBytes();
                    Throwable thrown = null;
                    try {
                        target.parser().parse(file);
                    } catch (Exception | OutOfMemoryError | StackOverflowError e) {
                        thrown = e;
                    }
                    long allocated = allocatedBytes() - before;
                    long bound = FIXED_ALLOWANCE + PER_BYTE_ALLOWANCE * size;
                    if (allocated > bound) {
                        throw new AssertionError(
                                "fuzz " + target.name() + " case " + index + ": allocated " + allocated
                                        + " bytes for a " + size + "-byte file (bound " + bound + ")"
                                        + (thrown == null ? "" : ", then threw " + thrown),
                                thrown);
                    }
                    return thrown;
                },
                () -> "fuzz " + target.name() + " case " + index + " did not end within " + CASE_TIMEOUT.toSeconds()
                        + " s");
    }

    private static void check(Target target, Path file, byte[] input, int index, Throwable thrown) {
        boolean documented = target.documented().stream().anyMatch(c -> c.isInstance(thrown));
        String message = thrown.getMessage();
        boolean namesFile = message != null
                && (target.namesFile()
                        ? message.contains(file.getFileName().toString())
                        : !message.isBlank() && message.lines().count() == 1);
        if (!documented || !namesFile) {
            throw new AssertionError(
                    "fuzz " + target.name() + " case " + index + ": "
                            + (documented
                                    ? "the message does not name the file (or is not one line)"
                                    : "undocumented exception")
                            + ": " + thrown + "\n" + shown(input),
                    thrown);
        }
    }

    /** The input in Base64 (its first 4096 bytes), to reproduce a failure. */
    private static String shown(byte[] input) {
        byte[] shown = input.length > 4096 ? Arrays.copyOf(input, 4096) : input;
        return "input (" + input.length + " bytes, Base64" + (shown.length < input.length ? ", first 4096" : "") + "): "
                + Base64.getEncoder().encodeToString(shown);
    }

    private static long allocatedBytes() {
        return ((ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
