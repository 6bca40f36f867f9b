"""The --threads option of the Python benchmarks, and loading torch with it."""
import argparse
import os


def add_option(parser):
    """Adds --threads N (a positive integer; default: the libraries' own thread counts)."""
    parser.add_argument("--threads", type=positive, help="threads for torch and OpenBLAS (default: theirs)")


def positive(text):
    n = int(text)
    if n < 1:
        raise argparse.ArgumentTypeError("--threads must be at least 1, got %d" % n)
    return n


def load_torch(threads):
    """Imports and returns torch running on `threads` threads, or with its defaults for None.
    OMP_NUM_THREADS, OPENBLAS_NUM_THREADS and MKL_NUM_THREADS are set before the import, because
    OpenMP and OpenBLAS read them once when they load and torch.set_num_threads does not reach
    OpenBLAS (which runs torch.mm, and so nn.Linear); numpy imported afterwards gets them too."""
    if threads is not None:
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ[var] = str(threads)
    import torch
    if threads is not None:
        torch.set_num_threads(threads)
    return torch
