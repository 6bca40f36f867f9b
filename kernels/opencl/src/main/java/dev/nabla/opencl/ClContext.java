package dev.nabla.opencl;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * One device's OpenCL state: its context, one in-order command queue, the memory pool, and the
 * programs built for it, cached by (source, options) so each is compiled once. Not thread-safe:
 * {@link OpenClBackend} serialises calls.
 */
final class ClContext implements AutoCloseable {
    final ClDeviceInfo device;
    final cl_context context;
    final cl_command_queue queue;
    final BufferPool pool;
    private final Map<String, cl_program> programs = new HashMap<>();
    private final Map<cl_program, Map<String, cl_kernel>> kernels = new HashMap<>();

    ClContext(ClDeviceInfo device) {
        this.device = device;
        try {
            this.context = CL.clCreateContext(null, 1, new cl_device_id[] {device.id()}, null, null, null);
            this.queue = device.version().startsWith("OpenCL 1.")
                    ? createQueue12(context, device)
                    : CL.clCreateCommandQueueWithProperties(context, device.id(), null, null);
        } catch (CLException e) {
            throw Cl.error("open", e, "creating a context and queue on " + device.name());
        }
        // Leave headroom on GPUs, whose memory is also used by the display and the runtime.
        this.pool = new BufferPool(context, device.gpu() ? device.globalMemSize() / 10 * 9 : device.globalMemSize() / 2);
    }

    @SuppressWarnings("deprecation")
    private static cl_command_queue createQueue12(cl_context context, ClDeviceInfo device) {
        return CL.clCreateCommandQueue(context, device.id(), 0, null);
    }

    /**
     * The program built from {@code source} with {@code options}, compiled on first use.
     *
     * @param what names the program in errors, e.g. {@code "elementwise F32"}
     * @throws IllegalStateException with the compiler's log if the build fails
     */
    cl_program program(String what, String source, String options) {
        String key = options + '\n' + source;
        cl_program p = programs.get(key);
        if (p == null) {
            p = build(what, source, options);
            programs.put(key, p);
        }
        return p;
    }

    private cl_program build(String what, String source, String options) {
        cl_program p = CL.clCreateProgramWithSource(context, 1, new String[] {source}, null, null);
        try {
            CL.clBuildProgram(p, 1, new cl_device_id[] {device.id()}, options, null, null);
        } catch (CLException e) {
            String log = buildLog(p);
            CL.clReleaseProgram(p);
            throw new IllegalStateException("opencl: building the " + what + " kernels for " + device.name()
                    + " failed with " + Cl.name(e.getStatus()) + " (options '" + options + "'); compiler log:\n" + log, e);
        }
        return p;
    }

    private String buildLog(cl_program p) {
        long[] size = new long[1];
        CL.clGetProgramBuildInfo(p, device.id(), CL.CL_PROGRAM_BUILD_LOG, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        CL.clGetProgramBuildInfo(p, device.id(), CL.CL_PROGRAM_BUILD_LOG, bytes.length, Pointer.to(bytes), null);
        return new String(bytes, 0, Math.max(0, bytes.length - 1), StandardCharsets.UTF_8);
    }

    /** Kernel {@code name} of {@code program}, created once. */
    cl_kernel kernel(cl_program program, String name) {
        return kernels.computeIfAbsent(program, k -> new HashMap<>())
                .computeIfAbsent(name, n -> CL.clCreateKernel(program, n, null));
    }

    /** Starts setting the arguments of {@code kernel} for one launch. */
    Launch launch(cl_kernel kernel) {
        return new Launch(kernel);
    }

    /** Arguments set in order, then an enqueue that does not wait. */
    final class Launch {
        private final cl_kernel kernel;
        private int index;

        private Launch(cl_kernel kernel) {
            this.kernel = kernel;
        }

        Launch i32(int v) {
            CL.clSetKernelArg(kernel, index++, Sizeof.cl_int, Pointer.to(new int[] {v}));
            return this;
        }

        /** A struct of ints passed by value (dims_t or layout_t). */
        Launch ints(int[] v) {
            CL.clSetKernelArg(kernel, index++, (long) Sizeof.cl_int * v.length, Pointer.to(v));
            return this;
        }

        Launch mem(ClBuffer b) {
            return mem(b.mem());
        }

        Launch mem(cl_mem m) {
            CL.clSetKernelArg(kernel, index++, Sizeof.cl_mem, Pointer.to(m));
            return this;
        }

        Launch f32(float v) {
            CL.clSetKernelArg(kernel, index++, Sizeof.cl_float, Pointer.to(new float[] {v}));
            return this;
        }

        Launch f64(double v) {
            CL.clSetKernelArg(kernel, index++, Sizeof.cl_double, Pointer.to(new double[] {v}));
            return this;
        }

        /** One work-item per index in [0, n), in groups of {@code group} (the kernel checks n). */
        void run1d(int n, int group) {
            if (n > 0) {
                long global = ((long) n + group - 1) / group * group;
                run(new long[] {global}, new long[] {group});
            }
        }

        /** Enqueues the kernel over {@code global} in groups of {@code local}; returns at once. */
        void run(long[] global, long[] local) {
            try {
                CL.clEnqueueNDRangeKernel(queue, kernel, global.length, null, global, local, 0, null, null);
            } catch (CLException e) {
                throw Cl.error("launch", e, "enqueueing kernel " + kernelName(kernel) + " over "
                        + Arrays.toString(global) + " in groups of " + Arrays.toString(local) + " on " + device.name());
            }
        }
    }

    private static String kernelName(cl_kernel kernel) {
        long[] size = new long[1];
        CL.clGetKernelInfo(kernel, CL.CL_KERNEL_FUNCTION_NAME, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        CL.clGetKernelInfo(kernel, CL.CL_KERNEL_FUNCTION_NAME, bytes.length, Pointer.to(bytes), null);
        return new String(bytes, 0, Math.max(0, bytes.length - 1), StandardCharsets.UTF_8);
    }

    /** Waits until every queued command has finished. */
    void finish() {
        CL.clFinish(queue);
    }

    @Override
    public void close() {
        CL.clFinish(queue);
        for (Map<String, cl_kernel> ks : kernels.values()) {
            ks.values().forEach(CL::clReleaseKernel);
        }
        programs.values().forEach(CL::clReleaseProgram);
        kernels.clear();
        programs.clear();
        pool.close();
        CL.clReleaseCommandQueue(queue);
        CL.clReleaseContext(context);
    }
}
