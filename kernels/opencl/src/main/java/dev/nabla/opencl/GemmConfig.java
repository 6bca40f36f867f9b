package dev.nabla.opencl;

import dev.nabla.tensor.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * The blocking of the GEMM kernel ({@code matmul.cl}): a work-group computes a {@code tsm x tsn}
 * tile of C, staging {@code tsk}-deep tiles of A and B in local memory; each work-item computes
 * {@code wptm x wptn} outputs held in registers as vectors of {@code vw} elements.
 *
 * <p>Chosen per device by {@link #candidates}: GPUs get many small work-items (16 x 16 of 4 x 4
 * outputs); CPU devices, which run a work-group's items in a loop on one core, get few items with
 * wide register blocks in the device's SIMD width. The system property
 * {@code nabla.opencl.gemm=tsm,tsn,tsk,wptm,wptn,vw} overrides the choice for tuning.
 */
record GemmConfig(int tsm, int tsn, int tsk, int wptm, int wptn, int vw) {

    /** Work-items per group: {@code (tsn / wptn) x (tsm / wptm)}. */
    int groupSize() {
        return (tsn / wptn) * (tsm / wptm);
    }

    /** Local memory the tiles take, in bytes. */
    long localBytes(DType t) {
        return (long) tsk * (tsm + tsn) * t.byteSize();
    }

    /** Whether the kernel's index arithmetic holds for these sizes and the device can run them. */
    boolean fits(ClDeviceInfo d, DType t) {
        boolean shapes = tsm % wptm == 0 && tsn % wptn == 0 && wptn % vw == 0 && tsk % vw == 0
                && vw >= 2 && vw <= 16 && Integer.bitCount(vw) == 1;
        return shapes && groupSize() <= d.maxWorkGroupSize() && localBytes(t) <= d.localMemSize();
    }

    String defines() {
        return " -DTSM=" + tsm + " -DTSN=" + tsn + " -DTSK=" + tsk + " -DWPTM=" + wptm + " -DWPTN=" + wptn
                + " -DVW=" + vw;
    }

    /** Configurations to try on {@code d} for {@code t}, best first; all of them fit. */
    static List<GemmConfig> candidates(ClDeviceInfo d, DType t) {
        List<GemmConfig> list = new ArrayList<>();
        String forced = System.getProperty("nabla.opencl.gemm");
        if (forced != null && !forced.isBlank()) {
            list.add(parse(forced));
        }
        int lanes = t == DType.F32 ? Math.max(2, d.floatVectorWidth()) : Math.max(2, d.floatVectorWidth() / 2);
        if (d.gpu()) {
            int vw = t == DType.F32 ? 4 : 2;
            list.add(new GemmConfig(64, 64, 16, 4, 4, vw));
            list.add(new GemmConfig(32, 32, 16, 4, 4, vw));
        } else {
            list.add(new GemmConfig(64, 4 * lanes, 64, 8, 2 * lanes, lanes));
            list.add(new GemmConfig(32, 2 * lanes, 32, 4, lanes, lanes));
        }
        list.add(new GemmConfig(16, 16, 8, 2, 2, 2));
        return list.stream().filter(c -> c.fits(d, t)).toList();
    }

    /**
     * @throws IllegalArgumentException if {@code text} is not six positive integers
     */
    static GemmConfig parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 6) {
            throw new IllegalArgumentException("nabla.opencl.gemm: expected tsm,tsn,tsk,wptm,wptn,vw, got '" + text
                    + "'; e.g. 64,64,16,4,4,4");
        }
        int[] v = new int[6];
        for (int i = 0; i < 6; i++) {
            v[i] = Integer.parseInt(parts[i].trim());
        }
        return new GemmConfig(v[0], v[1], v[2], v[3], v[4], v[5]);
    }
}
