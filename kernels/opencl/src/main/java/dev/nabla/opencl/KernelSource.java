package dev.nabla.opencl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code .cl} resources and the generator that instantiates their templates. A resource is
 * plain OpenCL C followed by templates, each introduced by a line {@code //@template NAME}; a
 * template's {@code $KEY} placeholders are replaced per instance, so a family of kernels (every
 * unary op, every reduction) is written once and each op contributes only its expression.
 */
final class KernelSource {
    private static final String MARK = "//@template ";

    private KernelSource() {
    }

    /** One instance of a template: which template, and the text for each {@code $KEY}. */
    record Instance(String template, Map<String, String> values) {
    }

    /** The contents of resource {@code name} (e.g. {@code "copy.cl"}), prefixed with {@code common.cl}. */
    static String plain(String name) {
        return read("common.cl") + "\n" + read(name);
    }

    /**
     * {@code common.cl}, the untemplated part of resource {@code name}, then every instance in
     * order.
     *
     * @throws IllegalStateException if an instance names a missing template or leaves a placeholder
     */
    static String generate(String name, List<Instance> instances) {
        String text = read(name);
        int first = text.indexOf(MARK);
        StringBuilder out = new StringBuilder(read("common.cl")).append('\n')
                .append(first < 0 ? text : text.substring(0, first));
        Map<String, String> templates = templates(text, first);
        for (Instance inst : instances) {
            String body = templates.get(inst.template());
            if (body == null) {
                throw new IllegalStateException("opencl: resource " + name + " has no template '" + inst.template()
                        + "'; it has " + templates.keySet());
            }
            for (Map.Entry<String, String> e : inst.values().entrySet()) {
                body = body.replace("$" + e.getKey(), e.getValue());
            }
            if (body.contains("$")) {
                throw new IllegalStateException("opencl: template " + inst.template() + " of " + name
                        + " has a placeholder left after substituting " + inst.values().keySet());
            }
            out.append('\n').append(body);
        }
        return out.toString();
    }

    private static Map<String, String> templates(String text, int first) {
        Map<String, String> templates = new LinkedHashMap<>();
        int at = first;
        while (at >= 0) {
            int eol = text.indexOf('\n', at);
            String key = text.substring(at + MARK.length(), eol).trim();
            int next = text.indexOf(MARK, eol);
            templates.put(key, text.substring(eol + 1, next < 0 ? text.length() : next));
            at = next;
        }
        return templates;
    }

    private static String read(String name) {
        try (InputStream in = KernelSource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("opencl: kernel resource " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("opencl: cannot read kernel resource " + name, e);
        }
    }
}
