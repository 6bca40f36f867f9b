package dev.nabla.cli;

import dev.nabla.bench.harness.Harness;
import dev.nabla.bench.harness.Result;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.spi.Backends;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Measures this machine's FMA and copy-bandwidth roofs, then GEMM, elementwise, reduction,
 * softmax and tiny-tensor kernels through the {@code Tensor} API, and prints each against its
 * roof. The thread count is the SIMD backend's, set with {@code -Dnabla.threads} (for the
 * launcher: {@code NABLA_JAVA_OPTS=-Dnabla.threads=1 ./nabla bench}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the FMA and memory roofs of this machine, then time GEMM, elementwise, "
                + "reduction, softmax and tiny-tensor kernels against them.",
            "Threads: -Dnabla.threads=N (with ./nabla: NABLA_JAVA_OPTS=-Dnabla.threads=N)."})
final class BenchCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Option(names = "--device", description = "reference, simd or opencl:N (default: the best available).")
    private String device;

    @Option(names = "--quick", description = "Fewer sizes and repetitions (a smoke test, not a measurement).")
    private boolean quick;

    @Option(names = "--only", paramLabel = "REGEX",
            description = "Run only kernels whose \"name shape\" contains a match, e.g. 'gemm 512x' or '^(exp|tanh)'.")
    private String only;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as a JSON array to FILE.")
    private Path json;

    @Override
    public void run() {
        Pattern pattern = compile(only);
        Device dev = device == null ? Backends.defaultDevice() : Device.parse(device);
        Backends.of(dev);   // fail on an unavailable device before spending time on the roofs
        PrintWriter out = spec.commandLine().getOut();
        List<Result> results = Harness.run(new Harness.Options(dev, quick, pattern), out);
        if (json != null) {
            try {
                Harness.writeJson(json, results);
            } catch (IOException e) {
                throw new UncheckedIOException("bench: cannot write " + json + ": " + e.getMessage(), e);
            }
            out.println("wrote " + json);
        }
        out.flush();
    }

    private Pattern compile(String regex) {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ParameterException(spec.commandLine(),
                    "--only: not a regular expression: " + e.getDescription() + " in '" + regex + "'");
        }
    }
}
