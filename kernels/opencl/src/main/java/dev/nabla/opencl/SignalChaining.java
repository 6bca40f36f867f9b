package dev.nabla.opencl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whether an OpenCL driver has put this JVM at risk by taking over its signal handlers.
 *
 * <p>The JVM relies on its own SIGSEGV handler: safepoint polls and implicit null checks fault on
 * purpose. LLVM, which PoCL and other drivers load to compile kernels, installs crash handlers
 * for SIGSEGV, SIGBUS, SIGILL, SIGUSR2 and SIGQUIT when it starts and again as it compiles, with
 * {@code SA_RESETHAND}. A fault of the JVM's that lands in LLVM's handler is passed back, but a
 * second one on another thread in the meantime finds the default action, and the process dies
 * with SIGSEGV (exit 139, no hs_err file) or hangs; several threads fault together at every
 * safepoint. Preloading the JDK's {@code libjsig.so} (signal chaining) keeps the JVM's handlers
 * installed and calls the driver's for the signals the JVM does not own, which removes the risk.
 */
final class SignalChaining {
    /** Where Linux lists the files mapped into this process. */
    static final Path PROC_MAPS = Path.of("/proc/self/maps");

    private SignalChaining() {
    }

    /**
     * A warning, with the remedy, when {@code maps} (a {@code /proc/PID/maps} listing) shows LLVM
     * loaded without {@code libjsig}; empty when it does not, or when there is no such listing
     * (another operating system).
     */
    static Optional<String> warning(Path maps) {
        List<String> lines;
        try {
            lines = Files.readAllLines(maps);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
        boolean llvm = lines.stream().anyMatch(l -> l.contains("/libLLVM"));
        boolean chained = lines.stream().anyMatch(l -> l.contains("/libjsig"));
        if (!llvm || chained) {
            return Optional.empty();
        }
        String jsig = Path.of(System.getProperty("java.home"), "lib", "libjsig.so").toString();
        return Optional.of("the OpenCL driver loaded LLVM, which replaces the JVM's signal handlers: the JVM may"
                + " crash (exit 139, no hs_err file) or hang at random; start it with LD_PRELOAD=" + jsig
                + " (the ./nabla launcher and the build do; see docs/opencl.md)");
    }
}
