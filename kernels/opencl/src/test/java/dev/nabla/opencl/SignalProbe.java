package dev.nabla.opencl;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.spi.Backends;

/**
 * Shows whether this JVM survives an OpenCL driver that takes over its signal handlers
 * ({@link SignalChaining}): four threads spin in compiled loops (so that each safepoint makes
 * several threads fault at once) while products of 60 new shapes run on the device, each making
 * the driver compile, and a garbage collection follows each. Prints "survived" and exits 0, or
 * the JVM dies (exit 139) or hangs. A probe, not a test; run after
 * {@code mvn -pl kernels/opencl -am test-compile} with and without the preload:
 * <pre>
 * [LD_PRELOAD=$JAVA_HOME/lib/libjsig.so] timeout 60 java -cp kernels/opencl/target/test-classes:\
 * kernels/opencl/target/classes:tensor/target/classes:$JOCL_JAR dev.nabla.opencl.SignalProbe [opencl:0]
 * </pre>
 */
public final class SignalProbe {
    private static volatile boolean stop;
    private static volatile long sink;

    private SignalProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        OpenClBackend b = (OpenClBackend) Backends.of(Device.parse(args.length > 0 ? args[0] : "opencl:0"));
        System.out.println(SignalChaining.warning(SignalChaining.PROC_MAPS).orElse("libjsig is preloaded or LLVM is not loaded"));
        Thread[] spinners = new Thread[4];
        for (int i = 0; i < spinners.length; i++) {
            spinners[i] = new Thread(() -> {
                long s = 0;
                while (!stop) {
                    s = s * 31 + 7;
                    sink = s;
                }
            });
            spinners[i].start();
        }
        Thread.sleep(500);
        for (int n = 1; n <= 60; n++) {
            Shape a = Shape.of(1, n, n + 3);
            Strided x = new Strided(b.allocate(DType.F32, a.numel()), View.contiguous(a));
            Strided y = new Strided(b.allocate(DType.F32, a.numel()), View.contiguous(Shape.of(1, n + 3, n)));
            Strided out = new Strided(b.allocate(DType.F32, n * n), View.contiguous(Shape.of(1, n, n)));
            b.matmul(x, y, out);
            b.synchronize();
            System.gc();
        }
        stop = true;
        for (Thread t : spinners) {
            t.join();
        }
        System.out.println("survived");
    }
}
