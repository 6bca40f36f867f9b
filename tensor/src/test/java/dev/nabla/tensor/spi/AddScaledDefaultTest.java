package dev.nabla.tensor.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.reference.ReferenceBackend;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/**
 * {@link Backend#addScaled}'s default, which multiplies and then adds, against the reference
 * backend's fused multiply-add: within the second rounding, and broadcasting a scalar operand.
 */
class AddScaledDefaultTest {
    private static final Backend REF = ReferenceBackend.INSTANCE;
    /** The reference backend with the SPI's default {@code addScaled}. */
    private static final Backend COMPOSED = (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(),
            new Class<?>[] {Backend.class}, (proxy, method, args) -> method.getName().equals("addScaled")
                    ? InvocationHandler.invokeDefault(proxy, method, args) : method.invoke(REF, args));

    @Test
    void composedDefaultIsWithinOneRoundingOfTheFusedResult() {
        for (DType dtype : DType.values()) {
            double[] a = {1, -2.5, 3e-3, 1e7, 0, -0.0, 0.1, 7};
            double[] b = {0.3, 4, -1e-4, 3, 5, 0, 0.7, -1};
            double alpha = -0.01;
            double[] fused = run(REF, dtype, a, b, alpha);
            double[] composed = run(COMPOSED, dtype, a, b, alpha);
            for (int i = 0; i < a.length; i++) {
                double ulp = dtype == DType.F32 ? Math.ulp((float) fused[i]) : Math.ulp(fused[i]);
                assertThat(composed[i]).as("%s element %d", dtype, i).isCloseTo(fused[i], within(ulp));
            }
        }
    }

    @Test
    void aScalarOperandBroadcasts() {
        Shape shape = Shape.of(2, 3);
        Strided a = values(REF, DType.F64, new double[] {1, 2, 3, 4, 5, 6}, shape);
        Strided b = new Strided(REF.allocate(DType.F64, 1), View.contiguous(Shape.scalar()));
        REF.fill(b, 10);
        for (Backend backend : new Backend[] {REF, COMPOSED}) {
            Strided out = new Strided(backend.allocate(DType.F64, 6), View.contiguous(shape));
            backend.addScaled(a, b.with(b.view().expand(shape)), 0.5, out);
            assertThat(backend.readDoubles(out)).containsExactly(6, 7, 8, 9, 10, 11);
        }
    }

    private static double[] run(Backend backend, DType dtype, double[] a, double[] b, double alpha) {
        Shape shape = Shape.of(a.length);
        Strided out = new Strided(backend.allocate(dtype, a.length), View.contiguous(shape));
        backend.addScaled(values(backend, dtype, a, shape), values(backend, dtype, b, shape), alpha, out);
        return backend.readDoubles(out);
    }

    private static Strided values(Backend backend, DType dtype, double[] v, Shape shape) {
        Strided t = new Strided(backend.allocate(dtype, v.length), View.contiguous(shape));
        backend.write(t.buffer(), v);
        return t;
    }
}
