package dev.seqlab.sentences;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A hand-made sentence encoder small enough to compute by hand: a tokenizer.json over a 20-token
 * vocabulary, and an ONNX model whose token vector is a table lookup, {@code E[id] + T[type]},
 * so the pooled sentence vector is the normalised mean of table rows. The padding row E[0] is
 * large, so pooling over padding shows.
 */
final class TinyEncoder {

    static final List<String> VOCAB = List.of(
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "un", "##aff", "##able", "hello", "world", "!", ",", "cafe",
            "中", "国", "##s", "run", "##ning", "a", "##a");
    static final int DIM = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TinyEncoder() {}

    /** E[id]: the padding row is (100, 100, 100), the others vary with the id. */
    static float[] row(int id) {
        return id == 0 ? new float[] {100, 100, 100} : new float[] {id, 1 + (id % 3), -0.5f * id + 2};
    }

    /** T[type]: only type 0 occurs in single sentences. */
    static float[] typeRow(int type) {
        return type == 0 ? new float[] {0.25f, -0.5f, 0.125f} : new float[] {7, 7, 7};
    }

    /** The expected sentence vector for token ids (all of type 0), in double precision. */
    static double[] expected(int[] ids) {
        double[] m = new double[DIM];
        for (int id : ids) {
            for (int k = 0; k < DIM; k++) {
                m[k] += row(id)[k] + typeRow(0)[k];
            }
        }
        double n = 0;
        for (double x : m) {
            n += x * x;
        }
        n = Math.sqrt(n);
        for (int k = 0; k < DIM; k++) {
            m[k] /= n;
        }
        return m;
    }

    /** The tokenizer.json: BertNormalizer, BertPreTokenizer, WordPiece, [CLS] … [SEP], truncation at {@code maxLength}. */
    static ObjectNode tokenizerJson(int maxLength) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        if (maxLength > 0) {
            root.putObject("truncation")
                    .put("direction", "Right")
                    .put("max_length", maxLength)
                    .put("strategy", "LongestFirst")
                    .put("stride", 0);
        } else {
            root.putNull("truncation");
        }
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (int i = 0; i <= 4; i++) {
            added.addObject()
                    .put("id", i)
                    .put("content", VOCAB.get(i))
                    .put("single_word", false)
                    .put("lstrip", false)
                    .put("rstrip", false)
                    .put("normalized", false)
                    .put("special", true);
        }
        root.putObject("normalizer")
                .put("type", "BertNormalizer")
                .put("clean_text", true)
                .put("handle_chinese_chars", true)
                .putNull("strip_accents")
                .put("lowercase", true);
        root.putObject("pre_tokenizer").put("type", "BertPreTokenizer");
        ObjectNode post = root.putObject("post_processor").put("type", "TemplateProcessing");
        ArrayNode single = post.putArray("single");
        single.addObject().putObject("SpecialToken").put("id", "[CLS]").put("type_id", 0);
        single.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        single.addObject().putObject("SpecialToken").put("id", "[SEP]").put("type_id", 0);
        ObjectNode specials = post.putObject("special_tokens");
        for (int id : new int[] {2, 3}) {
            ObjectNode special = specials.putObject(VOCAB.get(id)).put("id", VOCAB.get(id));
            special.putArray("ids").add(id);
            special.putArray("tokens").add(VOCAB.get(id));
        }
        ObjectNode model = root.putObject("model")
                .put("type", "WordPiece")
                .put("unk_token", "[UNK]")
                .put("continuing_subword_prefix", "##")
                .put("max_input_chars_per_word", 10);
        ObjectNode vocab = model.putObject("vocab");
        for (int i = 0; i < VOCAB.size(); i++) {
            vocab.put(VOCAB.get(i), i);
        }
        return root;
    }

    static String toJson(ObjectNode node) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    /**
     * The lookup model. With {@code quantised}, the token vectors pass through
     * DynamicQuantizeLinear and DequantizeLinear, whose scale is taken over the whole batch.
     * With {@code tokenTypes} false the model has no token_type_ids input.
     */
    static ModelProto model(boolean quantised, boolean tokenTypes) {
        float[] e = new float[VOCAB.size() * DIM];
        for (int i = 0; i < VOCAB.size(); i++) {
            System.arraycopy(row(i), 0, e, i * DIM, DIM);
        }
        GraphProto.Builder g = GraphProto.newBuilder()
                .setName("tiny-encoder")
                .addInitializer(tensor("E", e, VOCAB.size(), DIM))
                .addInput(value("input_ids", TensorProto.DataType.INT64, "batch_size", "sequence_length"))
                .addInput(value("attention_mask", TensorProto.DataType.INT64, "batch_size", "sequence_length"))
                .addNode(node("Gather", new String[] {"E", "input_ids"}, "tok"))
                .addNode(node("Cast", new String[] {"attention_mask"}, "mask_f").toBuilder()
                        .addAttribute(AttributeProto.newBuilder()
                                .setName("to")
                                .setType(AttributeProto.AttributeType.INT)
                                .setI(TensorProto.DataType.FLOAT_VALUE)))
                .addOutput(value("mask_f", TensorProto.DataType.FLOAT, "batch_size", "sequence_length"));
        String summed = "tok";
        if (tokenTypes) {
            float[] t = new float[2 * DIM];
            System.arraycopy(typeRow(0), 0, t, 0, DIM);
            System.arraycopy(typeRow(1), 0, t, DIM, DIM);
            g.addInitializer(tensor("T", t, 2, DIM))
                    .addInput(value("token_type_ids", TensorProto.DataType.INT64, "batch_size", "sequence_length"))
                    .addNode(node("Gather", new String[] {"T", "token_type_ids"}, "typ"))
                    .addNode(node("Add", new String[] {"tok", "typ"}, "sum"));
            summed = "sum";
        }
        if (quantised) {
            g.addNode(node("DynamicQuantizeLinear", new String[] {summed}, "q", "q_scale", "q_zero"))
                    .addNode(node("DequantizeLinear", new String[] {"q", "q_scale", "q_zero"}, "last_hidden_state"));
        } else {
            g.addNode(node("Identity", new String[] {summed}, "last_hidden_state"));
        }
        g.addOutput(value("last_hidden_state", TensorProto.DataType.FLOAT, "batch_size", "sequence_length", DIM));
        return ModelProto.newBuilder()
                .setIrVersion(7)
                .setProducerName("seqlab-test")
                .setProducerVersion("1")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .setGraph(g)
                .build();
    }

    /** Writes model.onnx and tokenizer.json into {@code dir} (created) and returns it. */
    static Path write(Path dir, boolean quantised, boolean tokenTypes, int maxLength) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("model.onnx"), model(quantised, tokenTypes).toByteArray());
        Files.writeString(dir.resolve("tokenizer.json"), toJson(tokenizerJson(maxLength)));
        return dir;
    }

    static NodeProto node(String op, String[] inputs, String... outputs) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(op + "_" + outputs[0]);
        for (String i : inputs) {
            n.addInput(i);
        }
        for (String o : outputs) {
            n.addOutput(o);
        }
        return n.build();
    }

    static TensorProto tensor(String name, float[] data, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        for (long d : dims) {
            t.addDims(d);
        }
        for (float f : data) {
            t.addFloatData(f);
        }
        return t.build();
    }

    static ValueInfoProto value(String name, TensorProto.DataType type, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d instanceof Number n) {
                dim.setDimValue(n.longValue());
            } else {
                dim.setDimParam((String) d);
            }
            shape.addDim(dim);
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder()
                                .setElemType(type.getNumber())
                                .setShape(shape)))
                .build();
    }
}
