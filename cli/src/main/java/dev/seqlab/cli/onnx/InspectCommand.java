package dev.seqlab.cli.onnx;

import dev.seqlab.cli.CliCommand;
import dev.seqlab.cli.TextTable;
import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.onnx.TensorSpec;
import dev.seqlab.onnx.inspect.ModelSummary;
import dev.seqlab.onnx.inspect.OnnxInspector;
import dev.seqlab.rnn.onnx.RecurrentOnnxImport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code seqlab onnx inspect}: what an ONNX file holds, read from its protobuf without running it. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Show what an ONNX model holds, without running it.",
            "Its producer, IR version and opsets, its inputs and outputs with element",
            "types and shapes (symbolic axes by name, ? for unnamed ones), how often",
            "each operator occurs (subgraphs included), the most frequent first, and",
            "whether seqlab's own graph interpreter computes every operator."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  seqlab onnx inspect model.onnx", "  seqlab onnx inspect --json model.onnx"})
public final class InspectCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The ONNX model file.")
    Path file;

    @Mixin
    JsonOption json;

    @Override
    protected int run() throws Exception {
        ModelSummary s = OnnxInspector.read(file);
        if (json.enabled()) {
            printJson(toJson(s));
        } else {
            print(out(), s);
        }
        return 0;
    }

    private Map<String, Object> toJson(ModelSummary s) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("file", file.toString());
        doc.put("producer_name", s.producerName());
        doc.put("producer_version", s.producerVersion());
        doc.put("ir_version", s.irVersion());
        doc.put("opsets", s.opsets());
        doc.put("inputs", values(s.inputs()));
        doc.put("outputs", values(s.outputs()));
        doc.put("nodes", s.nodeCount());
        doc.put("parameters", s.parameterCount());
        List<Map<String, Object>> ops = new ArrayList<>();
        for (ModelSummary.OperatorCount c : s.operatorsByCount()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("operator", c.operator());
            m.put("count", c.count());
            ops.add(m);
        }
        doc.put("operators", ops);
        doc.put("interpreter_unsupported", RecurrentOnnxImport.registry().unsupportedIn(s));
        return doc;
    }

    /** Each value as {@code {"name", "type", "shape": [fixed sizes as numbers, symbols as strings, null if unnamed]}}. */
    private static List<Map<String, Object>> values(List<TensorSpec> specs) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (TensorSpec t : specs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            m.put("type", t.elementType());
            List<Object> shape = new ArrayList<>();
            for (TensorSpec.Dim d : t.shape()) {
                shape.add(d.isFixed() ? (Object) d.size() : d.symbol().isEmpty() ? null : d.symbol());
            }
            m.put("shape", shape);
            list.add(m);
        }
        return list;
    }

    private void print(PrintWriter out, ModelSummary s) {
        String producer = (s.producerName() + " " + s.producerVersion()).strip();
        out.println("file:        " + file);
        out.println("producer:    " + (producer.isEmpty() ? "(not given)" : producer));
        out.println("IR version:  " + s.irVersion());
        out.println("opsets:      "
                + (s.opsets().isEmpty()
                        ? "(none)"
                        : s.opsets().entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .collect(Collectors.joining(", "))));
        out.printf("graph:       %d nodes, %,d parameters%n", s.nodeCount(), s.parameterCount());
        List<String> unsupported = RecurrentOnnxImport.registry().unsupportedIn(s);
        out.println("interpreter: "
                + (unsupported.isEmpty()
                        ? "runs every operator (no ONNX Runtime needed)"
                        : "does not run " + String.join(", ", unsupported) + " (ONNX Runtime does)"));
        out.println();
        printValues(out, "input", s.inputs());
        out.println();
        printValues(out, "output", s.outputs());
        out.println();
        TextTable ops = new TextTable("operator", "count");
        for (ModelSummary.OperatorCount c : s.operatorsByCount()) {
            ops.row(c.operator(), c.count());
        }
        ops.print(out);
    }

    private static void printValues(PrintWriter out, String heading, List<TensorSpec> specs) {
        TextTable t = new TextTable(heading, "type", "shape");
        for (TensorSpec s : specs) {
            t.row(s.name(), s.elementType(), s.shapeText());
        }
        t.print(out);
    }
}
