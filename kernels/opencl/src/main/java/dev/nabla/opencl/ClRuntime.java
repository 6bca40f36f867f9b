package dev.nabla.opencl;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * Discovers the OpenCL platforms and devices once per JVM. The native library is loaded here
 * and only here, so a machine without OpenCL gets a reason instead of a linkage error.
 */
final class ClRuntime {
    static final String INSTALL_HINT = "install an OpenCL driver and the ICD loader, e.g."
            + " apt-get install pocl-opencl-icd ocl-icd-opencl-dev";

    /**
     * The outcome of discovery: the devices, numbered over all platforms, or why there are none.
     *
     * @param devices   every device of every platform, in platform order
     * @param platforms one line per platform, then a warning if the driver endangers the JVM
     *                  ({@link SignalChaining})
     * @param failure   null when discovery worked and found at least one device
     */
    record Discovery(List<ClDeviceInfo> devices, List<String> platforms, String failure) {
    }

    private static final System.Logger LOG = System.getLogger(ClRuntime.class.getName());

    private static volatile Discovery discovery;

    private ClRuntime() {
    }

    /** The devices found, discovered on first call; never throws. */
    static Discovery discovery() {
        Discovery d = discovery;
        if (d == null) {
            synchronized (ClRuntime.class) {
                if (discovery == null) {
                    discovery = discover();
                }
                d = discovery;
            }
        }
        return d;
    }

    private static Discovery discover() {
        try {
            CL.setExceptionsEnabled(true);
        } catch (LinkageError e) {
            // JOCL throws UnsatisfiedLinkError when neither its own library nor libOpenCL.so loads.
            return new Discovery(List.of(), List.of(), "JOCL could not load libOpenCL.so (" + e.getMessage()
                    + "): " + INSTALL_HINT);
        }
        try {
            int[] count = new int[1];
            try {
                CL.clGetPlatformIDs(0, null, count);
            } catch (CLException e) {
                count[0] = 0; // CL_PLATFORM_NOT_FOUND_KHR: the ICD loader is there but no driver is
            }
            if (count[0] == 0) {
                return new Discovery(List.of(), List.of(), "no OpenCL platform found: " + INSTALL_HINT);
            }
            cl_platform_id[] platforms = new cl_platform_id[count[0]];
            CL.clGetPlatformIDs(platforms.length, platforms, null);
            List<ClDeviceInfo> devices = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            for (cl_platform_id p : platforms) {
                String pname = platformString(p, CL.CL_PLATFORM_NAME);
                lines.add("platform " + pname + " (" + platformString(p, CL.CL_PLATFORM_VERSION) + ")");
                for (cl_device_id id : devicesOf(p)) {
                    devices.add(describe(devices.size(), p, pname, id));
                }
            }
            // Drivers load their compiler when their devices are first listed, as just done.
            SignalChaining.warning(SignalChaining.PROC_MAPS).ifPresent(w -> {
                LOG.log(System.Logger.Level.WARNING, "opencl: " + w);
                lines.add("warning: " + w);
            });
            return new Discovery(List.copyOf(devices), List.copyOf(lines),
                    devices.isEmpty() ? "OpenCL platforms found but no device: " + INSTALL_HINT : null);
        } catch (CLException | LinkageError e) {
            return new Discovery(List.of(), List.of(), "OpenCL discovery failed: " + e.getMessage() + "; "
                    + INSTALL_HINT);
        }
    }

    private static List<cl_device_id> devicesOf(cl_platform_id p) {
        int[] n = new int[1];
        try {
            CL.clGetDeviceIDs(p, CL.CL_DEVICE_TYPE_ALL, 0, null, n);
        } catch (CLException e) {
            return List.of(); // CL_DEVICE_NOT_FOUND
        }
        cl_device_id[] ids = new cl_device_id[n[0]];
        CL.clGetDeviceIDs(p, CL.CL_DEVICE_TYPE_ALL, n[0], ids, null);
        return List.of(ids);
    }

    private static ClDeviceInfo describe(int index, cl_platform_id p, String pname, cl_device_id id) {
        String extensions = deviceString(id, CL.CL_DEVICE_EXTENSIONS);
        long type = deviceLong(id, CL.CL_DEVICE_TYPE);
        long fpConfig = deviceLong(id, CL.CL_DEVICE_SINGLE_FP_CONFIG);
        return new ClDeviceInfo(index, p, pname, id, deviceString(id, CL.CL_DEVICE_NAME).trim(),
                deviceString(id, CL.CL_DEVICE_VERSION), (type & CL.CL_DEVICE_TYPE_GPU) != 0,
                extensions.contains("cl_khr_fp64"), (fpConfig & CL.CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT) != 0,
                (int) deviceLong(id, CL.CL_DEVICE_MAX_COMPUTE_UNITS),
                (int) deviceLong(id, CL.CL_DEVICE_PREFERRED_VECTOR_WIDTH_FLOAT), deviceLong(id, CL.CL_DEVICE_MAX_WORK_GROUP_SIZE),
                deviceLong(id, CL.CL_DEVICE_LOCAL_MEM_SIZE), deviceLong(id, CL.CL_DEVICE_GLOBAL_MEM_SIZE),
                deviceLong(id, CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE));
    }

    private static String platformString(cl_platform_id p, int param) {
        long[] size = new long[1];
        CL.clGetPlatformInfo(p, param, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        CL.clGetPlatformInfo(p, param, bytes.length, Pointer.to(bytes), null);
        return cString(bytes);
    }

    private static String deviceString(cl_device_id d, int param) {
        long[] size = new long[1];
        CL.clGetDeviceInfo(d, param, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        CL.clGetDeviceInfo(d, param, bytes.length, Pointer.to(bytes), null);
        return cString(bytes);
    }

    /** A size_t, cl_ulong or cl_bitfield query; the size the device reports decides the width. */
    private static long deviceLong(cl_device_id d, int param) {
        long[] size = new long[1];
        CL.clGetDeviceInfo(d, param, 0, null, size);
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
        CL.clGetDeviceInfo(d, param, size[0], Pointer.to(b), null);
        return size[0] == 4 ? b.getInt(0) & 0xffffffffL : b.getLong(0);
    }

    private static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}
