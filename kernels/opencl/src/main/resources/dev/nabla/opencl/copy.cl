// Memory kernels, built once per (SRC, DST) pair of element types; fill uses DST only. Both come
// in the addressing variants of common.cl, instantiated by KernelSource.

//@template copy
// dst = src converted to DST (round to nearest), both strided over one index space.
__kernel void $NAME(int n, int rank, dims_t dims, layout_t ls, __global const SRC* src,
                    layout_t ld, __global DST* dst) {
    int i = get_global_id(0);
    if (i >= n) return;
    $WALK
    dst[$POS(ld)] = (DST) src[$POS(ls)];
}

//@template fill
// Every element of the view set to value.
__kernel void $NAME(int n, int rank, dims_t dims, layout_t ld, __global DST* dst, DST value) {
    int i = get_global_id(0);
    if (i >= n) return;
    $WALK
    dst[$POS(ld)] = value;
}
