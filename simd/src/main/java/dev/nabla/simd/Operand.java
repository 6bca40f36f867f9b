package dev.nabla.simd;

/**
 * One operand of an elementwise kernel for one segment: a contiguous run in its own array, a
 * scalar repeated along the run (broadcast), or a strided run packed into scratch. Outputs with a
 * non-unit stride are computed into scratch and stored back with {@code store}.
 */
final class Operand {
    private Operand() {
    }

    /** An F32 operand. */
    static final class F {
        final float[] array;
        final int offset;
        final boolean scalar;

        private F(float[] array, int offset, boolean scalar) {
            this.array = array;
            this.offset = offset;
            this.scalar = scalar;
        }

        static F of(float[] a, int start, Rows rows, int v, int n, float[] scratch, boolean allowScalar) {
            if (rows.unit(v)) {
                return new F(a, start, false);
            }
            if (allowScalar && rows.broadcast(v)) {
                return new F(a, start, true);
            }
            Strides.gather(a, start, rows.innerStrides[v], n, scratch);
            return new F(scratch, 0, false);
        }

        static F output(float[] a, int start, Rows rows, int v, float[] scratch) {
            return rows.unit(v) ? new F(a, start, false) : new F(scratch, 0, false);
        }

        void store(float[] a, int start, Rows rows, int v, int n) {
            if (array != a) {
                Strides.scatter(array, a, start, rows.innerStrides[v], n);
            }
        }
    }

    /** An F64 operand. */
    static final class D {
        final double[] array;
        final int offset;
        final boolean scalar;

        private D(double[] array, int offset, boolean scalar) {
            this.array = array;
            this.offset = offset;
            this.scalar = scalar;
        }

        static D of(double[] a, int start, Rows rows, int v, int n, double[] scratch, boolean allowScalar) {
            if (rows.unit(v)) {
                return new D(a, start, false);
            }
            if (allowScalar && rows.broadcast(v)) {
                return new D(a, start, true);
            }
            Strides.gather(a, start, rows.innerStrides[v], n, scratch);
            return new D(scratch, 0, false);
        }

        static D output(double[] a, int start, Rows rows, int v, double[] scratch) {
            return rows.unit(v) ? new D(a, start, false) : new D(scratch, 0, false);
        }

        void store(double[] a, int start, Rows rows, int v, int n) {
            if (array != a) {
                Strides.scatter(array, a, start, rows.innerStrides[v], n);
            }
        }
    }
}
