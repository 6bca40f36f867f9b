package dev.nabla.opencl;

import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * One OpenCL device as found at discovery, with the limits the kernels are tuned from.
 *
 * @param index             the global device number: position over all platforms' devices
 * @param platform          the platform the device belongs to
 * @param platformName      e.g. {@code Portable Computing Language}
 * @param id                the device handle
 * @param name              e.g. {@code pthread-skylake-avx512-AMD EPYC}
 * @param version           the OpenCL version string the device reports
 * @param gpu               whether CL_DEVICE_TYPE includes GPU (tuning differs from CPUs)
 * @param fp64              whether the device supports {@code cl_khr_fp64} (needed for F64)
 * @param correctDivSqrt    whether F32 division and sqrt can be compiled correctly rounded
 * @param computeUnits      CL_DEVICE_MAX_COMPUTE_UNITS
 * @param floatVectorWidth  CL_DEVICE_PREFERRED_VECTOR_WIDTH_FLOAT (SIMD lanes of a CPU device)
 * @param maxWorkGroupSize  CL_DEVICE_MAX_WORK_GROUP_SIZE
 * @param localMemSize      CL_DEVICE_LOCAL_MEM_SIZE in bytes
 * @param globalMemSize     CL_DEVICE_GLOBAL_MEM_SIZE in bytes
 * @param maxAllocSize      CL_DEVICE_MAX_MEM_ALLOC_SIZE in bytes
 */
record ClDeviceInfo(int index, cl_platform_id platform, String platformName, cl_device_id id, String name,
                    String version, boolean gpu, boolean fp64, boolean correctDivSqrt, int computeUnits,
                    int floatVectorWidth, long maxWorkGroupSize, long localMemSize, long globalMemSize,
                    long maxAllocSize) {

    /** One line for {@code nabla info}. */
    String describe() {
        return String.format("opencl:%d  %s  [%s, %s, %d compute units, %d MiB, %s]", index, name, platformName,
                gpu ? "GPU" : "CPU", computeUnits, globalMemSize >> 20, fp64 ? "F32 and F64" : "F32 only");
    }
}
