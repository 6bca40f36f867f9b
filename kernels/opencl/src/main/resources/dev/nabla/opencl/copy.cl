// Memory kernels. Built once per (SRC, DST) pair of element types; fill uses DST only.

// dst = src converted to DST (round to nearest), both strided over one index space.
__kernel void copy(int n, int rank, dims_t dims, layout_t ls, __global const SRC* src,
                   layout_t ld, __global DST* dst) {
    int i = get_global_id(0);
    if (i >= n) return;
    int c[MAX_RANK];
    coords(i, rank, dims, c);
    dst[at(ld, rank, c)] = (DST) src[at(ls, rank, c)];
}

// Every element of the view set to value.
__kernel void fill(int n, int rank, dims_t dims, layout_t ld, __global DST* dst, DST value) {
    int i = get_global_id(0);
    if (i >= n) return;
    int c[MAX_RANK];
    coords(i, rank, dims, c);
    dst[at(ld, rank, c)] = value;
}
