package dev.seqlab.cli.info;

import dev.seqlab.cli.CliCommand;
import dev.seqlab.cli.Main;
import dev.seqlab.cli.TextTable;
import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.core.io.SeqlabHome;
import dev.seqlab.core.kernel.Kernels;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code seqlab info}: the environment seqlab runs in, for bug reports and performance questions. */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = "Show the seqlab version, the Java runtime, the kernels in use, threads and the cache directory.",
        footerHeading = "%nExample:%n",
        footer = "  seqlab info --json")
public final class InfoCommand extends CliCommand {

    @Mixin
    JsonOption json;

    @Override
    protected int run() {
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
        if (json.enabled()) {
            printJson(info);
        } else {
            TextTable t = new TextTable("property", "value");
            info.forEach(t::row);
            t.print(out());
        }
        return 0;
    }
}
