package dev.nabla.tests.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour that depends on how the JVM was started, checked in child JVMs. */
class SimdJvmTest {
    private static final String VECTOR = "--add-modules=jdk.incubator.vector";

    @Test
    void resultsAreBitIdenticalForAnyThreadCount() throws Exception {
        JvmRunner.Result one = JvmRunner.run(DeterminismProbe.class, List.of(VECTOR, "-Dnabla.threads=1"));
        JvmRunner.Result two = JvmRunner.run(DeterminismProbe.class, List.of(VECTOR, "-Dnabla.threads=2"));
        JvmRunner.Result three = JvmRunner.run(DeterminismProbe.class, List.of(VECTOR, "-Dnabla.threads=3"));
        assertThat(one.exitCode()).as(one.stderr()).isZero();
        assertThat(one.stdout()).isNotBlank();
        assertThat(two.stdout()).isEqualTo(one.stdout());
        assertThat(three.stdout()).isEqualTo(one.stdout());
    }

    @Test
    void withoutTheVectorModuleNablaFallsBackToReferenceWithOneClearLine() throws Exception {
        JvmRunner.Result r = JvmRunner.run(DeviceProbe.class, List.of());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("default reference").contains("sum 6.0");
        assertThat(r.stderr()).doesNotContain("NoClassDefFoundError")
                .contains("backend simd not used: the Vector API module is not loaded: start java with"
                        + " --add-modules jdk.incubator.vector");
        assertThat(r.stderr().lines().filter(l -> l.contains("backend simd not used")).count()).isEqualTo(1);
    }

    @Test
    void withTheVectorModuleSimdIsTheDefault() throws Exception {
        JvmRunner.Result r = JvmRunner.run(DeviceProbe.class, List.of(VECTOR));
        assertThat(r.stdout()).as(r.stderr()).contains("default simd").contains("sum 6.0");
    }
}
