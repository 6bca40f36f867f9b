package dev.nabla.opencl;

import org.jocl.CL;
import org.jocl.CLException;

/**
 * Error reporting for JOCL calls. JOCL's exceptions are enabled at discovery, so every OpenCL
 * call that fails throws; this turns the status code into its {@code CL_*} name and adds what
 * was being done.
 */
final class Cl {
    private Cl() {
    }

    /** The name of an OpenCL status code, e.g. {@code CL_INVALID_KERNEL_ARGS}. */
    static String name(int status) {
        return CL.stringFor_errorCode(status);
    }

    /** {@code "<op>: OpenCL call failed with CL_X (code) <what>; <hint>"}. */
    static IllegalStateException error(String op, CLException e, String what) {
        return new IllegalStateException("opencl " + op + ": OpenCL call failed with " + name(e.getStatus()) + " ("
                + e.getStatus() + ") " + what + "; " + hint(e.getStatus()), e);
    }

    private static String hint(int status) {
        if (status == CL.CL_MEM_OBJECT_ALLOCATION_FAILURE || status == CL.CL_OUT_OF_RESOURCES
                || status == CL.CL_OUT_OF_HOST_MEMORY) {
            return "the device is out of memory or resources: use smaller tensors or batches";
        }
        if (status == CL.CL_INVALID_WORK_GROUP_SIZE || status == CL.CL_INVALID_KERNEL_ARGS) {
            return "this is a bug in the OpenCL backend: please report it with the device name";
        }
        return "check the OpenCL driver with clinfo";
    }
}
