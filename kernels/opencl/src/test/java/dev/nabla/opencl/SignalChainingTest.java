package dev.nabla.opencl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warning for a JVM whose signal handlers an OpenCL driver's LLVM may take over, read from
 * listings in the form of {@code /proc/self/maps}; and that this test JVM, started by the build,
 * needs none.
 */
class SignalChainingTest {
    private static final String JVM = "7f0714000000-7f0715000000 r-xp 00000000 08:01 1234 /usr/lib/jvm/x/lib/server/libjvm.so";
    private static final String LLVM = "7f0715d00000-7f0716000000 r-xp 00000000 08:01 5678 /usr/lib/x86_64-linux-gnu/libLLVM-15.so.1";
    private static final String JSIG = "7f0716000000-7f0716001000 r-xp 00000000 08:01 9012 /usr/lib/jvm/x/lib/libjsig.so";

    @TempDir
    Path dir;

    private Path maps(String... lines) throws IOException {
        return Files.write(dir.resolve("maps"), List.of(lines));
    }

    @Test
    void llvmWithoutSignalChainingIsWarnedOfWithTheRemedy() throws IOException {
        assertThat(SignalChaining.warning(maps(JVM, LLVM))).hasValueSatisfying(w -> assertThat(w)
                .contains("replaces the JVM's signal handlers")
                .contains("LD_PRELOAD=" + Path.of(System.getProperty("java.home"), "lib", "libjsig.so")));
    }

    @Test
    void llvmWithSignalChainingOrNoLlvmIsFine() throws IOException {
        assertThat(SignalChaining.warning(maps(JSIG, JVM, LLVM))).isEmpty();
        assertThat(SignalChaining.warning(maps(JVM))).isEmpty();
    }

    @Test
    void aMissingListingMeansNoWarning() {
        assertThat(SignalChaining.warning(dir.resolve("no-such-file"))).isEmpty();
    }

    /** The build preloads libjsig into test JVMs where the JDK has it, so discovery finds no risk. */
    @Test
    void theBuildStartsTestJvmsWithSignalChaining() {
        ClRuntime.Discovery d = ClRuntime.discovery();
        if (Files.exists(Path.of(System.getProperty("java.home"), "lib", "libjsig.so"))) {
            assertThat(System.getenv("LD_PRELOAD")).as("LD_PRELOAD of this test JVM (the build sets it; see docs/opencl.md)").contains("libjsig.so");
        }
        assertThat(d.platforms()).noneMatch(l -> l.startsWith("warning:"));
    }
}
