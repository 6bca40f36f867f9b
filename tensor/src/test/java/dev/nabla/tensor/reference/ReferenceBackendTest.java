package dev.nabla.tensor.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.tensor.Buffer;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.spi.ArgReduceOp;
import dev.nabla.tensor.spi.BinaryOp;
import dev.nabla.tensor.spi.ReduceOp;
import dev.nabla.tensor.spi.UnaryOp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Hand-computed cases for every primitive; the reference backend is the oracle for all others. */
class ReferenceBackendTest {
    private static final ReferenceBackend B = ReferenceBackend.INSTANCE;

    private static Strided tensor(DType dtype, Shape shape, double... values) {
        Buffer buf = B.allocate(dtype, values.length);
        B.write(buf, values);
        return new Strided(buf, View.contiguous(shape));
    }

    private static Strided zeros(DType dtype, Shape shape) {
        return new Strided(B.allocate(dtype, shape.numel()), View.contiguous(shape));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void roundTripsThroughHostArraysAndRoundsF32(DType dtype) {
        Strided t = tensor(dtype, Shape.of(3), 0.1, 2, -3);
        double first = B.readDoubles(t)[0];
        assertThat(first).isEqualTo(dtype == DType.F32 ? (double) 0.1f : 0.1);
        assertThat(B.readFloats(t)).containsExactly(0.1f, 2f, -3f);
    }

    @Test
    void readsStridedViewsInRowMajorOrder() {
        Strided t = tensor(DType.F64, Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        Strided transposed = t.with(t.view().permute(1, 0));
        assertThat(B.readDoubles(transposed)).containsExactly(1, 4, 2, 5, 3, 6);
        Strided flipped = t.with(t.view().flip(1).slice(1, 0, 3, 2));
        assertThat(B.readDoubles(flipped)).containsExactly(3, 1, 6, 4);
    }

    @Test
    void fillAndCopyWriteOnlyTheirView() {
        Strided t = zeros(DType.F32, Shape.of(2, 3));
        B.fill(t.with(t.view().slice(1, 1, 3, 1)), 7);
        assertThat(B.readDoubles(t)).containsExactly(0, 7, 7, 0, 7, 7);
        Strided src = tensor(DType.F64, Shape.of(2), 0.5, 1.5);
        B.copy(src, t.with(t.view().slice(1, 0, 1, 1).reshape(Shape.of(2))));
        assertThat(B.readDoubles(t)).containsExactly(0.5, 7, 7, 1.5, 7, 7);
    }

    @Test
    void unaryOpsFollowTheirScalarDefinitions() {
        Strided x = tensor(DType.F64, Shape.of(4), -2, 0, 0.5, Double.NaN);
        Strided out = zeros(DType.F64, Shape.of(4));
        B.unary(UnaryOp.SIGN, x, out);
        assertThat(B.readDoubles(out)).containsExactly(-1, 0, 1, Double.NaN);
        B.unary(UnaryOp.SIGMOID, x, out);
        assertThat(B.readDoubles(out)[1]).isEqualTo(0.5);
        assertThat(B.readDoubles(out)[0]).isCloseTo(1 / (1 + Math.exp(2)), org.assertj.core.data.Offset.offset(1e-15));
        B.unary(UnaryOp.ABS, x, out);
        assertThat(B.readDoubles(out)).containsExactly(2, 0, 0.5, Double.NaN);
    }

    @Test
    void binaryOpsBroadcastThroughZeroStrides() {
        Strided a = tensor(DType.F32, Shape.of(2, 1), 1, 2);
        Strided b = tensor(DType.F32, Shape.of(3), 10, 20, 30);
        Shape s = Shape.of(2, 3);
        Strided out = zeros(DType.F32, s);
        B.binary(BinaryOp.SUB, a.with(a.view().expand(s)), b.with(b.view().expand(s)), out);
        assertThat(B.readDoubles(out)).containsExactly(-9, -19, -29, -8, -18, -28);
        B.binary(BinaryOp.GE, a.with(a.view().expand(s)), out, out.with(View.contiguous(s)));
        assertThat(B.readDoubles(out)).containsExactly(1, 1, 1, 1, 1, 1);
    }

    @Test
    void maxAndMinPropagateNaN() {
        Strided a = tensor(DType.F64, Shape.of(2), Double.NaN, 1);
        Strided b = tensor(DType.F64, Shape.of(2), 0, Double.NaN);
        Strided out = zeros(DType.F64, Shape.of(2));
        B.binary(BinaryOp.MAX, a, b, out);
        assertThat(B.readDoubles(out)).containsExactly(Double.NaN, Double.NaN);
    }

    @Test
    void whereSelectsByNonZeroCondition() {
        Strided c = tensor(DType.F32, Shape.of(3), 1, 0, -2);
        Strided a = tensor(DType.F32, Shape.of(3), 1, 2, 3);
        Strided b = tensor(DType.F32, Shape.of(3), 4, 5, 6);
        Strided out = zeros(DType.F32, Shape.of(3));
        B.where(c, a, b, out);
        assertThat(B.readDoubles(out)).containsExactly(1, 5, 3);
    }

    @Test
    void reducesOverAnySubsetOfAxes() {
        Strided x = tensor(DType.F64, Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        Strided rows = zeros(DType.F64, Shape.of(2, 1));
        B.reduce(ReduceOp.SUM, x, rows);
        assertThat(B.readDoubles(rows)).containsExactly(6, 15);
        Strided cols = zeros(DType.F64, Shape.of(1, 3));
        B.reduce(ReduceOp.MAX, x.with(x.view().flip(0)), cols);
        assertThat(B.readDoubles(cols)).containsExactly(4, 5, 6);
        Strided all = zeros(DType.F64, Shape.of(1, 1));
        B.reduce(ReduceOp.MIN, x, all);
        assertThat(B.readDoubles(all)).containsExactly(1);
    }

    @Test
    void f32SumsAccumulateInDouble() {
        // 2^24 + 1 + 1 ... in float would stall at 2^24; the oracle must not.
        double[] values = new double[101];
        values[0] = 1 << 24;
        java.util.Arrays.fill(values, 1, values.length, 1);
        Strided x = tensor(DType.F32, Shape.of(values.length), values);
        Strided out = zeros(DType.F32, Shape.of(1));
        B.reduce(ReduceOp.SUM, x, out);
        assertThat(B.readDoubles(out)[0]).isEqualTo((1 << 24) + 100);
    }

    @Test
    void argReduceTakesFirstTieAndNaN() {
        Strided x = tensor(DType.F32, Shape.of(2, 4), 3, 7, 7, 1, 2, Double.NaN, 9, Double.NaN);
        Strided out = zeros(DType.F32, Shape.of(2, 1));
        B.argReduce(ArgReduceOp.ARGMAX, x, 1, out);
        assertThat(B.readDoubles(out)).containsExactly(1, 1);
        B.argReduce(ArgReduceOp.ARGMIN, x, 1, out);
        assertThat(B.readDoubles(out)).containsExactly(3, 1);
        Strided down = zeros(DType.F32, Shape.of(1, 4));
        B.argReduce(ArgReduceOp.ARGMAX, x, 0, down);
        assertThat(B.readDoubles(down)).containsExactly(0, 1, 1, 1);
    }

    @Test
    void matmulHandlesTransposedAndBroadcastOperands() {
        Strided a = tensor(DType.F64, Shape.of(1, 2, 3), 1, 2, 3, 4, 5, 6);
        Strided bT = tensor(DType.F64, Shape.of(2, 3), 1, 0, 1, 0, 1, 0);
        // b = bT^T seen as [2 (broadcast), 3, 2].
        View bView = bT.view().permute(1, 0).reshape(Shape.of(1, 3, 2)).expand(Shape.of(2, 3, 2));
        Strided out = zeros(DType.F64, Shape.of(2, 2, 2));
        B.matmul(a.with(a.view().expand(Shape.of(2, 2, 3))), bT.with(bView), out);
        assertThat(B.readDoubles(out)).containsExactly(4, 2, 10, 5, 4, 2, 10, 5);
    }

    @Test
    void gatherAndScatterAddAreAdjoint() {
        Strided x = tensor(DType.F64, Shape.of(2, 3), 10, 11, 12, 20, 21, 22);
        Strided index = tensor(DType.F64, Shape.of(2, 2), 2, 2, 0, 1);
        Strided out = zeros(DType.F64, Shape.of(2, 2));
        B.gather(x, 1, index, out);
        assertThat(B.readDoubles(out)).containsExactly(12, 12, 20, 21);

        Strided grad = tensor(DType.F64, Shape.of(2, 2), 1, 2, 3, 4);
        Strided dx = zeros(DType.F64, Shape.of(2, 3));
        B.scatterAdd(grad, 1, index, dx);
        assertThat(B.readDoubles(dx)).containsExactly(0, 0, 3, 3, 4, 0);
    }

    @Test
    void rejectsBuffersOfOtherBackends() {
        Buffer foreign = new Buffer() {
            @Override
            public DType dtype() {
                return DType.F32;
            }

            @Override
            public int size() {
                return 1;
            }
        };
        assertThatThrownBy(() -> B.fill(new Strided(foreign, View.contiguous(Shape.of(1))), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to another backend");
    }
}
