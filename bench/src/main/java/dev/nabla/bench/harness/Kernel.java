package dev.nabla.bench.harness;

import dev.nabla.tensor.Device;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One measured operation: what it is called, the work one call does, and how to build it.
 *
 * @param name     the kernel family, such as {@code gemm} or {@code exp}; equal to the name used by
 *                 the PyTorch counterpart ({@code bench/pytorch/bench_torch.py}) so results join
 * @param shape    the operand shapes as printed, such as {@code 64x784 @ 784x256}
 * @param unit     how the result is reported, which also fixes the roof it is compared with
 * @param work     per call: floating-point operations ({@link Unit#GFLOPS}), bytes that must move
 *                 ({@link Unit#GBPS}) or tensor operations ({@link Unit#NS_PER_OP})
 * @param elements per call, the elements produced or consumed, reported as elements per ns; 0 when
 *                 that rate says nothing useful (GEMM, tiny tensors)
 * @param prepare  allocates the operands on a device and returns the call to time; called only for
 *                 kernels that are selected, so that unselected ones cost no memory
 */
public record Kernel(String name, String shape, Unit unit, double work, double elements,
        Function<Device, Supplier<?>> prepare) {

    /** How a kernel's speed is expressed. */
    public enum Unit {
        /** Floating-point operations per second (10^9), against the FMA roof. */
        GFLOPS("GFLOP/s"),
        /** Bytes read plus bytes written per second (10^9), against the copy roof. */
        GBPS("GB/s"),
        /** Nanoseconds per tensor operation: latency, which has no roof. */
        NS_PER_OP("ns/op");

        private final String label;

        Unit(String label) {
            this.label = label;
        }

        /** The unit as printed and written to JSON. */
        public String label() {
            return label;
        }
    }

    /** The reported value for a measured time of {@code nanosPerCall} per call. */
    public double value(double nanosPerCall) {
        return unit == Unit.NS_PER_OP ? nanosPerCall / work : work / nanosPerCall;
    }

    /** The name and shape together, which {@code --only} patterns are matched against. */
    public String label() {
        return name + " " + shape;
    }
}
