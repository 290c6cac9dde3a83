package dev.seqlab.core.io.safetensors;

import dev.seqlab.core.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content of a safetensors file: its tensors (converted to float32, in file order), the
 * dtype each was stored in, and the {@code __metadata__} strings.
 *
 * @param tensors  tensors by name, in the order of their data in the file
 * @param dtypes   the stored element type of each tensor
 * @param metadata the free-form metadata (empty when absent)
 */
public record SafeTensorsFile(Map<String, Tensor> tensors, Map<String, DType> dtypes, Map<String, String> metadata) {

    /** Makes unmodifiable, order-preserving copies. */
    public SafeTensorsFile {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        dtypes = Collections.unmodifiableMap(new LinkedHashMap<>(dtypes));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * The tensor called {@code name}.
     *
     * @throws IllegalArgumentException naming the tensors present if there is none
     */
    public Tensor tensor(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no tensor '" + name + "'; the file has " + tensors.keySet());
        }
        return t;
    }
}
