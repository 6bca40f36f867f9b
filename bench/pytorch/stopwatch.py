"""The timing of the Python benchmarks, as bench/src/main/java/dev/nabla/bench/harness/Stopwatch.java:
warm up for a while and a number of calls (at least two), set the calls per batch so that calls as long as the
median of the last warm-up calls would fill the minimum batch time, double them until a batch does
last that long, then time a number of batches. Timing.median is the result; the slowest and
fastest batch come with it.
"""
import collections
import math
import time

MAX_CALLS = 1 << 24
WARMUP_CALLS_KEPT = 31   # the warm-up calls whose median gives the first estimate of the calls per batch


class Timing:
    """Batches of `calls` calls each; ns_per_call[i] is batch i's time divided by its calls, in run order."""

    def __init__(self, calls, ns_per_call):
        if calls < 1 or not ns_per_call:
            raise ValueError("timing: needs at least one batch of at least one call, got %d batches of %d calls"
                             % (len(ns_per_call), calls))
        self.calls, self.ns_per_call = calls, list(ns_per_call)

    def median(self):
        """The middle batch, or the mean of the two middle ones for an even number of batches."""
        s = sorted(self.ns_per_call)
        mid = len(s) // 2
        return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2

    def min(self):
        return min(self.ns_per_call)

    def max(self):
        return max(self.ns_per_call)


class Stopwatch:
    def __init__(self, warmup, warmup_calls, runs, min_batch):
        """warmup and min_batch in seconds; warmup_calls: the least calls before timing; runs: batches timed."""
        self.warmup, self.warmup_calls, self.runs, self.min_batch = warmup, max(2, warmup_calls), runs, min_batch

    @classmethod
    def standard(cls, quick):
        """bench_torch.py's timing, Stopwatch.FULL or Stopwatch.QUICK in Java."""
        return cls(0.1, 2, 3, 0.01) if quick else cls(1.0, 2, 11, 0.1)

    def ns_per_call(self, body):
        """The median time of one call of body, in nanoseconds."""
        return self.time(body).median()

    def time(self, body):
        """Every timed batch of body, as a Timing."""
        start = t = time.perf_counter()
        last_calls, warm = collections.deque(maxlen=WARMUP_CALLS_KEPT), 0
        while warm < self.warmup_calls or t - start < self.warmup:
            body()
            now = time.perf_counter()
            last_calls.append(now - t)
            t, warm = now, warm + 1
        typical = max(sorted(last_calls)[len(last_calls) // 2], 1e-9)
        calls = min(MAX_CALLS, max(1, math.ceil(self.min_batch / typical)))
        while calls < MAX_CALLS and self._batch(body, calls) < self.min_batch:
            calls = min(MAX_CALLS, 2 * calls)
        return Timing(calls, [self._batch(body, calls) / calls * 1e9 for _ in range(self.runs)])

    @staticmethod
    def _batch(body, calls):
        t0 = time.perf_counter()
        for _ in range(calls):
            body()
        return time.perf_counter() - t0
