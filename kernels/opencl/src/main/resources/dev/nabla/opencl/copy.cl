// Memory kernels, built once per (SRC, DST) pair of element types; fill uses DST only. Both come
// in the addressing variants of common.cl, instantiated by KernelSource.

//@template copy
// dst = src converted to DST (round to nearest), both strided over one index space.
__kernel void $NAME(geom_t g, __global const SRC* src, __global DST* dst) {
    int i = get_global_id(0);
    if (i >= g.n) return;
    $WALK
    dst[$POS(g.l[1])] = (DST) src[$POS(g.l[0])];
}

//@template fill
// Every element of the view set to value.
__kernel void $NAME(geom_t g, __global DST* dst, DST value) {
    int i = get_global_id(0);
    if (i >= g.n) return;
    $WALK
    dst[$POS(g.l[0])] = value;
}
