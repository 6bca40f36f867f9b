package dev.nabla.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.reference.ReferenceBackend;
import dev.nabla.tensor.spi.Backend;
import dev.nabla.tensor.spi.Backends;
import dev.nabla.tensor.spi.UnaryOp;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the conformance suite does not see: device selection by name, the GEMM's full-tile vector
 * paths and edges, the buffer pool, and the errors. Skipped with a message where there is no
 * OpenCL device, unless {@code NABLA_REQUIRE_OPENCL=1}, which makes that a failure (as in CI).
 */
class OpenClBackendTest {
    private static OpenClBackend cl;

    /** Checked per test, so each one is reported as skipped, with the reason, where there is no device. */
    @BeforeEach
    void requireDevice() {
        Optional<String> why = new OpenClProvider().unavailableReason();
        if (why.isPresent()) {
            String message = "no OpenCL device: " + why.get();
            if ("1".equals(System.getenv("NABLA_REQUIRE_OPENCL"))) {
                Assertions.fail(message + " (NABLA_REQUIRE_OPENCL=1 requires one)");
            }
            Assumptions.abort(message + "; OpenCL tests skipped (set NABLA_REQUIRE_OPENCL=1 to fail instead)");
        }
        cl = (OpenClBackend) Backends.of(Device.opencl(0));
    }

    @Test
    void devicesAreNamedByNumberOrByPartOfTheirName() {
        String word = cl.deviceName().split("[^A-Za-z0-9]+")[0];
        assertThat(Device.parse("opencl:" + word.toUpperCase())).isEqualTo(Device.opencl(0));
        assertThatThrownBy(() -> Device.parse("opencl:no-such-device-xyz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no OpenCL device name contains 'no-such-device-xyz'")
                .hasMessageContaining("opencl:0 (" + cl.deviceName() + ")");
        assertThatThrownBy(() -> Backends.of(Device.opencl(99)))
                .hasMessageContaining("device opencl:99: there are");
        assertThat(Backends.describe()).anySatisfy(l -> assertThat(l).contains("opencl:0").contains(cl.deviceName()));
    }

    @Test
    void gemmMatchesTheReferenceOnFullTilesEdgesAndBroadcastBatches() {
        int[][] shapes = {{2, 130, 192, 160}, {1, 64, 64, 64}, {3, 1, 65, 17}, {2, 200, 3, 256}, {1, 128, 0, 32}};
        for (DType t : DType.values()) {
            for (int[] s : shapes) {
                Shape sa = Shape.of(s[0], s[1], s[2]);
                Shape sb = Shape.of(s[0], s[2], s[3]);
                Shape so = Shape.of(s[0], s[1], s[3]);
                double[] va = values(Shape.of(1, s[1], s[2]), 1);
                double[] vb = values(sb, 2);
                double[] want = matmul(ReferenceBackend.INSTANCE, t, sa, va, sb, vb, so);
                double[] got = matmul(cl, t, sa, va, sb, vb, so);
                double tol = (t == DType.F32 ? 1e-5 : 1e-13) * Math.max(1, s[2]);
                for (int i = 0; i < want.length; i++) {
                    assertThat(got[i]).as("%s %s element %d", t, Arrays.toString(s), i)
                            .isCloseTo(want[i], offset(tol * (1 + Math.abs(want[i]))));
                }
            }
        }
    }

    /** a broadcast over the batch (stride 0), b transposed in memory (copied first), out contiguous. */
    private static double[] matmul(Backend b, DType t, Shape sa, double[] va, Shape sb, double[] vb, Shape so) {
        Shape one = Shape.of(1, sa.dim(1), sa.dim(2));
        Strided a = upload(b, t, one, va).with(View.contiguous(one).expand(sa));
        Shape sbT = Shape.of(sb.dim(0), sb.dim(2), sb.dim(1));
        Strided bt = upload(b, t, sbT, vb);
        Strided bm = bt.with(bt.view().permute(0, 2, 1));
        Strided out = new Strided(b.allocate(t, so.numel()), View.contiguous(so));
        b.matmul(a, bm, out);
        return b.readDoubles(out);
    }

    private static Strided upload(Backend b, DType t, Shape shape, double[] v) {
        Strided s = new Strided(b.allocate(t, v.length), View.contiguous(shape));
        b.write(s.buffer(), v);
        return s;
    }

    private static double[] values(Shape shape, long seed) {
        double[] v = new double[shape.numel()];
        Rng rng = new Rng(seed);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }

    @Test
    void closedBuffersGoBackToThePoolAndCannotBeUsed() {
        ClBuffer a = cl.allocate(DType.F32, 1000);
        a.close();
        a.close();
        ClBuffer b = cl.allocate(DType.F32, 990);
        assertThat(cl.poolStats()).doesNotContain(" 0 reused");
        Strided view = new Strided(a, View.contiguous(Shape.of(1000)));
        assertThatThrownBy(() -> cl.fill(view, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("used after close()");
        assertThat(cl.readDoubles(new Strided(b, View.contiguous(Shape.of(990))))).containsOnly(0.0);
        b.close();
    }

    @Test
    void releasingCachedMemoryEmptiesTheFreeListsOnly() {
        ClBuffer kept = cl.allocate(DType.F32, 2048);
        cl.allocate(DType.F32, 4096).close();
        assertThat(cl.poolStats()).doesNotContain(" 0 bytes free");
        cl.releaseCachedMemory();
        assertThat(cl.poolStats()).contains(" 0 bytes free");
        cl.fill(new Strided(kept, View.contiguous(Shape.of(2048))), 3);
        assertThat(cl.readFloats(new Strided(kept, View.contiguous(Shape.of(2048))))).containsOnly(3f);
        kept.close();
    }

    @Test
    void freshBuffersReadAsZerosAroundAPartialWrite() {
        ClBuffer reused = cl.allocate(DType.F32, 10);
        cl.write(reused, new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        reused.close();
        ClBuffer b = cl.allocate(DType.F32, 10); // the same block again: its zeros are still owed
        cl.fill(new Strided(b, View.contiguous(Shape.of(3)).slice(0, 0, 3, 1)).with(View.of(Shape.of(3),
                new int[] {2}, 3)), 1);
        assertThat(cl.readFloats(new Strided(b, View.contiguous(Shape.of(10)))))
                .containsExactly(0, 0, 0, 1, 0, 1, 0, 1, 0, 0);
    }

    @Test
    void poolReclaimsBuffersNobodyClosedWhenItReachesItsLimit() {
        try (ClContext c = new ClContext(ClRuntime.discovery().devices().get(0))) {
            BufferPool pool = new BufferPool(c.context, 4 << 20);
            for (int i = 0; i < 48; i++) {
                // 1 MiB each, 48 MiB in all through a 4 MiB pool: only the cleaners can make room.
                new ClBuffer(pool, DType.F32, 1 << 18, pool.take(1 << 20));
            }
            assertThat(pool.stats()).doesNotContain(" 0 reused");
        }
    }

    @Test
    void sizeClassesWasteAtMostAQuarter() {
        for (long bytes : new long[] {1, 512, 513, 1000, 4096, 5000, 1 << 20, (1 << 20) + 1, 123_456_789}) {
            long c = BufferPool.sizeClass(bytes);
            assertThat(c).isGreaterThanOrEqualTo(bytes).isLessThanOrEqualTo(Math.max(512, bytes + bytes / 4 + 1));
        }
    }

    @Test
    void foreignBuffersAndTooManyAxesAreRejectedWithAHint() {
        Strided host = new Strided(ReferenceBackend.INSTANCE.allocate(DType.F32, 4), View.contiguous(Shape.of(4)));
        Strided dev = new Strided(cl.allocate(DType.F32, 4), View.contiguous(Shape.of(4)));
        assertThatThrownBy(() -> cl.unary(UnaryOp.EXP, host, dev)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("EXP: buffer").hasMessageContaining("belongs to another backend");
        int[] dims = {2, 2, 2, 2, 2, 2, 2, 2, 2};
        Shape nine = Shape.of(dims);
        Strided x = new Strided(cl.allocate(DType.F32, nine.numel()), View.contiguous(nine).permute(8, 7, 6, 5, 4, 3,
                2, 1, 0));
        Strided out = new Strided(cl.allocate(DType.F32, nine.numel()), View.contiguous(nine));
        assertThatThrownBy(() -> cl.unary(UnaryOp.NEG, x, out)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need 9 axes after merging").hasMessageContaining(".contiguous()");
    }

    @Test
    void aBuildFailureReportsTheCompilerLog() {
        try (ClContext c = new ClContext(ClRuntime.discovery().devices().get(0))) {
            assertThatThrownBy(() -> c.program("broken", "__kernel void k(__global float* x) { x[0] = y; }", ""))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("building the broken kernels for")
                    .hasMessageContaining("CL_BUILD_PROGRAM_FAILURE")
                    .hasMessageContaining("compiler log:")
                    .hasMessageContaining("y");
        }
    }

    @Test
    void f64OnADeviceWithoutFp64IsAClearError() {
        ClDeviceInfo real = ClRuntime.discovery().devices().get(0);
        ClDeviceInfo noFp64 = new ClDeviceInfo(real.index(), real.platform(), real.platformName(), real.id(),
                real.name(), real.version(), real.gpu(), false, real.correctDivSqrt(), real.computeUnits(),
                real.floatVectorWidth(), real.maxWorkGroupSize(), real.localMemSize(), real.globalMemSize(),
                real.maxAllocSize());
        try (OpenClBackend b = new OpenClBackend(noFp64)) {
            assertThatThrownBy(() -> b.allocate(DType.F64, 4)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("F64 needs the cl_khr_fp64 extension")
                    .hasMessageContaining(real.name())
                    .hasMessageContaining("use DType.F32");
            assertThat(b.allocate(DType.F32, 4).size()).isEqualTo(4);
        }
    }

    @Test
    void reportsTheBlockingChosenForThisDevice() {
        assertThat(cl.gemmConfig(DType.F32)).startsWith("GemmConfig[");
    }
}
