package dev.nabla.tensor.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The contents of a safetensors file: named tensors in header order, and the free-form
 * {@code __metadata__} string map (empty when the file has none). Both maps are unmodifiable copies.
 *
 * @param tensors the tensors by name, in the order of the file's header
 * @param metadata the {@code __metadata__} entries, in the order of the file's header
 */
public record SafetensorsFile(Map<String, SafetensorsEntry> tensors, Map<String, String> metadata) {

    public SafetensorsFile {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(tensors, "tensors")));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(metadata, "metadata")));
    }

    /**
     * The tensor called {@code name}.
     *
     * @throws IllegalArgumentException listing the available names if there is no such tensor
     */
    public SafetensorsEntry tensor(String name) {
        SafetensorsEntry e = tensors.get(name);
        if (e == null) {
            throw new IllegalArgumentException("safetensors: no tensor named \"" + name + "\"; the file has "
                    + (tensors.isEmpty() ? "none" : String.join(", ", tensors.keySet())));
        }
        return e;
    }
}
