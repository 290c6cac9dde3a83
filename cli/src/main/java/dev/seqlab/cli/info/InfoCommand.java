package dev.seqlab.cli.info;

import dev.seqlab.cli.CliCommand;
import dev.seqlab.cli.Main;
import dev.seqlab.cli.TextTable;
import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.core.io.SeqlabHome;
import dev.seqlab.core.kernel.Kernels;
import dev.seqlab.embeddings.io.LoadOptions;
import dev.seqlab.embeddings.io.VectorFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqlab info}: the environment seqlab runs in, for bug reports and performance questions. */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = {
            "Show the seqlab version, the Java runtime, the kernels in use, threads, the cache directory"
                    + " and whether the launcher's class-data-sharing archive is in use.",
            "With --vectors, also how that file would be opened: memory-mapped in place or read into the heap."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  seqlab info --json", "  seqlab info --vectors GoogleNews-vectors-negative300.seqlab"})
public final class InfoCommand extends CliCommand {

    @Mixin
    JsonOption json;

    @Option(
            names = "--vectors",
            paramLabel = "FILE",
            description = "A word-vectors file: report its format and whether queries map it or load it.")
    Path vectors;

    @Override
    protected int run() throws IOException {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put(
                "seqlab",
                Main.class.getPackage().getImplementationVersion() != null
                        ? Main.class.getPackage().getImplementationVersion()
                        : spec().root().version()[0].replace("seqlab ", ""));
        info.put("java", System.getProperty("java.version"));
        info.put("vm", System.getProperty("java.vm.name"));
        info.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        info.put("processors", Runtime.getRuntime().availableProcessors());
        info.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        info.put("kernels", Kernels.flavor().label());
        info.put(
                "vector_module",
                ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
        info.put("seqlab_home", SeqlabHome.dir().toString());
        info.put("class_data_sharing", classDataSharing());
        info.put("one_shot_queries", oneShotQueries());
        info.put(
                "first_search",
                Kernels.isVectorized()
                        ? "similar/analogy on files over 512 MB compile the SIMD int8 kernel on a background thread as they start"
                        : "plain kernels (no warm-up needed)");
        info.put(
                "warm_exact_search",
                Kernels.isVectorized()
                        ? "first pass over an int8 copy of the rows; from 134M components (3M x 300 is 900M) over a"
                                + " 4-bit copy built in the background, half the memory traffic; answers always"
                                + " rescored exactly"
                        : "first pass over the int8 copy stored in a seqlab file, else one exact pass");
        if (vectors != null) {
            info.put("vectors_format", VectorFiles.detect(vectors).name().toLowerCase(Locale.ROOT));
            info.put(
                    "vectors_storage",
                    VectorFiles.opensMapped(vectors, LoadOptions.DEFAULT)
                            ? "memory-mapped in place (constant-time open)"
                            : "read into the heap (convert to the seqlab format to map it)");
        }
        if (json.enabled()) {
            printJson(info);
        } else {
            TextTable t = new TextTable("property", "value");
            info.forEach(t::row);
            t.print(out());
        }
        return 0;
    }

    /**
     * What the {@code ./seqlab} launcher does for one-shot queries on seqlab files (it passes
     * {@code -Dseqlab.oneShot}: auto, off, or quick when this run is one).
     */
    private static String oneShotQueries() {
        String mode = System.getProperty("seqlab.oneShot");
        if (mode == null) {
            return "full JIT (not started by ./seqlab)";
        }
        return switch (mode) {
            case "quick" -> "this run: the JIT's first tier only, plain kernels (a query on a seqlab file)";
            case "off" -> "off (SEQLAB_ONE_SHOT=off): every run uses the full JIT";
            default -> "queries on seqlab files use the JIT's first tier and the plain kernels, the first pass"
                    + " integer dots (SEQLAB_ONE_SHOT=off disables)";
        };
    }

    /**
     * What the {@code ./seqlab} launcher arranged for class-data sharing (it passes
     * {@code -Dseqlab.cds}): an archive of this jar's classes in use, being written by this run, or
     * none; and whether the JVM is sharing classes at all ({@code java.vm.info} says "sharing").
     */
    private static String classDataSharing() {
        String archive = System.getProperty("seqlab.cds");
        boolean sharing = System.getProperty("java.vm.info", "").contains("sharing");
        if (archive == null) {
            return sharing ? "JDK classes only (no seqlab archive: not started by ./seqlab, or SEQLAB_CDS=off)" : "off";
        }
        if (archive.equals("dumping")) {
            return "archive of seqlab's classes being written by this run (first run of this jar)";
        }
        return sharing
                ? "in use: " + archive + " (made once per build from a training run of help, info and queries)"
                : "archive " + archive + " could not be used";
    }
}
