"""Thread limits for the Python benchmarks."""
import os


def limit(n):
    """Sets OMP_NUM_THREADS, OPENBLAS_NUM_THREADS and MKL_NUM_THREADS to n. Call it before torch or
    numpy is imported: OpenMP and OpenBLAS read these once, when they load, and torch.set_num_threads
    does not reach OpenBLAS (which runs torch.mm, and so nn.Linear)."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(n)
