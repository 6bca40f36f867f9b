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
    for (int j = 0; j < nred; j++) {
        coords(j, rrank, rdims, c);
        acc = $COMBINE(acc, ($ACC) x[base + at(lxr, rrank, c)]);
    }
    out[o] = (T) acc;
}

// One work-group of GROUP items per output element: strided partial results, then a tree in
// local memory. The order is fixed by GROUP, so results do not depend on scheduling.
__kernel __attribute__((reqd_work_group_size(GROUP, 1, 1)))
void $NAME_group(int nout, int krank, dims_t kdims, layout_t lxk, layout_t lo,
                 int rrank, dims_t rdims, layout_t lxr, int nred,
                 __global const T* x, __global T* out) {
    __local $ACC part[GROUP];
    int lid = get_local_id(0);
    int c[MAX_RANK];
    coords(get_group_id(0), krank, kdims, c);
    int base = at(lxk, krank, c);
    int o = at(lo, krank, c);
    $ACC acc = $IDENTITY;
    for (int j = lid; j < nred; j += GROUP) {
        coords(j, rrank, rdims, c);
        acc = $COMBINE(acc, ($ACC) x[base + at(lxr, rrank, c)]);
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
        out[o] = (T) part[0];
    }
}
