package dev.nabla.simd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.reference.ReferenceBackend;
import dev.nabla.tensor.spi.BinaryOp;
import dev.nabla.tensor.spi.ReduceOp;
import dev.nabla.tensor.spi.UnaryOp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which layouts the SIMD backend computes itself: correctness against the reference is the
 * conformance suite's job (in the tests module); here the point is that the common layouts never
 * take the counted fallback.
 */
class SimdBackendTest {
    private static final SimdBackend B = SimdBackend.INSTANCE;

    private static Strided tensor(Shape shape) {
        double[] v = new double[shape.numel()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.sin(i);
        }
        Strided t = new Strided(B.allocate(DType.F32, v.length), View.contiguous(shape));
        B.write(t.buffer(), v);
        return t;
    }

    private static long fallbacksDuring(Runnable r) {
        long before = B.fallbackCounts().values().stream().mapToLong(Long::longValue).sum();
        r.run();
        return B.fallbackCounts().values().stream().mapToLong(Long::longValue).sum() - before;
    }

    @Test
    void elementwiseOpsOnAnyViewNeverFallBack() {
        Shape s = Shape.of(64, 33);
        Strided a = tensor(s);
        Strided t = tensor(Shape.of(33, 64));
        Strided transposed = t.with(t.view().permute(1, 0));
        Strided row = tensor(Shape.of(33));
        Strided bias = row.with(row.view().expand(s));
        Strided out = tensor(s);
        long n = fallbacksDuring(() -> {
            B.binary(BinaryOp.ADD, a, bias, out);
            B.binary(BinaryOp.MUL, transposed, a, out);
            B.unary(UnaryOp.TANH, transposed, out);
            B.where(a, bias, transposed, out);
            B.copy(transposed, out);
            B.fill(out.with(out.view().flip(0)), 1);
        });
        assertThat(n).isZero();
    }

    @Test
    void rowColumnAndMiddleAxisReductionsNeverFallBack() {
        Strided x = tensor(Shape.of(8, 3, 5, 7));
        long n = fallbacksDuring(() -> {
            B.reduce(ReduceOp.SUM, x, tensor(Shape.of(8, 3, 1, 1)));      // per channel over H, W
            B.reduce(ReduceOp.SUM, x, tensor(Shape.of(1, 3, 1, 1)));      // batch-norm statistics
            B.reduce(ReduceOp.MAX, x, tensor(Shape.of(1, 3, 5, 7)));      // over the batch
            B.reduce(ReduceOp.MIN, x, tensor(Shape.of(8, 1, 5, 7)));      // a middle axis
            B.reduce(ReduceOp.SUM, x, tensor(Shape.of(1, 1, 1, 1)));      // everything
        });
        assertThat(n).isZero();
    }

    @Test
    void fallbacksAreCountedByPrimitive() {
        Strided x = tensor(Shape.of(6, 4));
        Strided index = new Strided(B.allocate(DType.F32, 6), View.contiguous(Shape.of(6, 1)));
        Strided out = tensor(Shape.of(6, 1));
        B.gather(x, 1, index, out);
        Map<String, Long> counts = B.fallbackCounts();
        assertThat(counts).containsKey("gather");
        assertThat(counts.get("gather")).isPositive();
        double[] expected = ReferenceBackend.INSTANCE.readDoubles(out);
        assertThat(B.readDoubles(out)).containsExactly(expected);
    }
}
