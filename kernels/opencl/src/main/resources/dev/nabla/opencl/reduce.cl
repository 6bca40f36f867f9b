// Reductions over axes, generated per op by KernelTemplates: $NAME, $ACC (the accumulator type),
// $IDENTITY and $COMBINE (a function of the accumulator and one more value). The kept axes form
// one index space (out has one element per point), the reduced axes another; x's layout is split
// into the two: lxk carries its offset and kept strides, lxr (offset 0) its reduced strides.

inline ACC nabla_sum(ACC a, ACC b) {
    return a + b;
}

//@template reduce
// One work-item per output element, scanning its reduced elements in order.
__kernel void $NAME_serial(int nout, int krank, dims_t kdims, layout_t lxk, layout_t lo,
                           int rrank, dims_t rdims, layout_t lxr, int nred,
                           __global const T* x, __global T* out) {
    int i = get_global_id(0);
    if (i >= nout) return;
    int c[MAX_RANK];
    coords(i, krank, kdims, c);
    int base = at(lxk, krank, c);
    int o = at(lo, krank, c);
    $ACC acc = $IDENTITY;
    if (rrank <= 1) {
        // One reduced axis (after merging), the common case: no coordinates to walk.
        for (int j = 0; j < nred; j++) {
            acc = $COMBINE(acc, ($ACC) x[base + j * lxr.s[0]]);
        }
    } else {
        for (int j = 0; j < nred; j++) {
            coords(j, rrank, rdims, c);
            acc = $COMBINE(acc, ($ACC) x[base + at(lxr, rrank, c)]);
        }
    }
    out[o] = (T) acc;
}

// PARTS work-groups of GROUP items per output element: strided partial results, then a tree in
// local memory; the order is fixed by GROUP and PARTS, so results do not depend on scheduling.
// With PARTS > 1 each group writes its result to partials[group] (row-major [nout, PARTS]), which
// a second launch reduces.
__kernel __attribute__((reqd_work_group_size(GROUP, 1, 1)))
void $NAME_group(int nout, int krank, dims_t kdims, layout_t lxk, layout_t lo,
                 int rrank, dims_t rdims, layout_t lxr, int nred,
                 __global const T* x, __global T* out, int parts, __global T* partials) {
    __local $ACC part[GROUP];
    int lid = get_local_id(0);
    int g = get_group_id(0);
    int c[MAX_RANK];
    coords(g / parts, krank, kdims, c);
    int base = at(lxk, krank, c);
    int o = at(lo, krank, c);
    $ACC acc = $IDENTITY;
    int first = (g % parts) * GROUP + lid;
    if (rrank <= 1) {
        for (int j = first; j < nred; j += GROUP * parts) {
            acc = $COMBINE(acc, ($ACC) x[base + j * lxr.s[0]]);
        }
    } else {
        for (int j = first; j < nred; j += GROUP * parts) {
            coords(j, rrank, rdims, c);
            acc = $COMBINE(acc, ($ACC) x[base + at(lxr, rrank, c)]);
        }
    }
    part[lid] = acc;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int s = GROUP / 2; s > 0; s >>= 1) {
        if (lid < s) {
            part[lid] = $COMBINE(part[lid], part[lid + s]);
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (lid == 0) {
        if (parts == 1) {
            out[o] = (T) part[0];
        } else {
            partials[g] = (T) part[0];
        }
    }
}
