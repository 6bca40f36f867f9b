package dev.nabla.autodiff;

import dev.nabla.tensor.Buffer;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.reference.ReferenceBackend;
import dev.nabla.tensor.spi.ArgReduceOp;
import dev.nabla.tensor.spi.Backend;
import dev.nabla.tensor.spi.BackendProvider;
import dev.nabla.tensor.spi.BinaryOp;
import dev.nabla.tensor.spi.ReduceOp;
import dev.nabla.tensor.spi.UnaryOp;
import java.util.Optional;

/**
 * A second device for tests ({@code host2}), computing with the reference backend's loops, so
 * that device mixing and transfers can be tested without a GPU. Never auto-selected.
 */
public final class SecondHostProvider implements BackendProvider {
    static final Device DEVICE = new Device("host2", 0);

    @Override
    public String type() {
        return DEVICE.type();
    }

    @Override
    public int priority() {
        return -1;
    }

    @Override
    public boolean autoSelectable() {
        return false;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public Backend open(Device device) {
        return new Host2();
    }

    private static final class Host2 implements Backend {
        private final Backend ref = ReferenceBackend.INSTANCE;

        @Override
        public Device device() {
            return DEVICE;
        }

        @Override
        public Buffer allocate(DType dtype, int size) {
            return ref.allocate(dtype, size);
        }

        @Override
        public void write(Buffer dst, float[] src) {
            ref.write(dst, src);
        }

        @Override
        public void write(Buffer dst, double[] src) {
            ref.write(dst, src);
        }

        @Override
        public double[] readDoubles(Strided src) {
            return ref.readDoubles(src);
        }

        @Override
        public float[] readFloats(Strided src) {
            return ref.readFloats(src);
        }

        @Override
        public void fill(Strided dst, double value) {
            ref.fill(dst, value);
        }

        @Override
        public void copy(Strided src, Strided dst) {
            ref.copy(src, dst);
        }

        @Override
        public void unary(UnaryOp op, Strided x, Strided out) {
            ref.unary(op, x, out);
        }

        @Override
        public void binary(BinaryOp op, Strided a, Strided b, Strided out) {
            ref.binary(op, a, b, out);
        }

        @Override
        public void where(Strided cond, Strided a, Strided b, Strided out) {
            ref.where(cond, a, b, out);
        }

        @Override
        public void reduce(ReduceOp op, Strided x, Strided out) {
            ref.reduce(op, x, out);
        }

        @Override
        public void argReduce(ArgReduceOp op, Strided x, int axis, Strided out) {
            ref.argReduce(op, x, axis, out);
        }

        @Override
        public void matmul(Strided a, Strided b, Strided out) {
            ref.matmul(a, b, out);
        }

        @Override
        public void gather(Strided x, int axis, Strided index, Strided out) {
            ref.gather(x, axis, index, out);
        }

        @Override
        public void scatterAdd(Strided src, int axis, Strided index, Strided out) {
            ref.scatterAdd(src, axis, index, out);
        }
    }
}
