#!/usr/bin/python3
"""Fits the coefficients of Nabla's erf (tensor's reference Erf, simd's FloatMath and DoubleMath).

Run with Debian's python3 (mpmath and numpy):  /usr/bin/python3 tests/golden/fit_erf_coefficients.py
It prints the coefficients, highest degree first; they are pasted into the Java sources by hand.

  |x| < 1:          erf(x) = x + x R(x^2), R a polynomial in z = x^2 fitted to erf(x)/x - 1
                    (Chebyshev interpolation on z in [0, 1], mpmath.chebyfit).
  1 <= |x| < SAT:   erf(x) = 1 - exp(-x^2) P(x) / Q(x), P/Q fitted to erfcx(x) = exp(x^2) erfc(x)
                    in relative error by iteratively reweighted linear least squares
                    (Sanathanan-Koerner) on Chebyshev nodes, with Q(0) = 1. In the plain variable x
                    every coefficient comes out positive, so neither polynomial cancels (in the
                    variable mapped to [-1, 1], Q cancels to 1/500 of its terms and costs 190 ulp).
  |x| >= SAT:       erf(x) = 1, SAT = 6 in double and 4 in float.

Coefficients are rounded to the target precision; the script reports the largest error in ulps
of the rounded approximation (evaluated in numpy at that precision) on a dense sample.
"""
import math

import mpmath as mp
import numpy as np

mp.mp.dps = 50


def r_small(z):
    return mp.erf(mp.sqrt(z)) / mp.sqrt(z) - 1 if z > 0 else 2 / mp.sqrt(mp.pi) - 1


def erfcx(x):
    return mp.erfc(x) * mp.exp(x * x)


def fit_rational(f, a, b, num_degree, den_degree, nodes=300, rounds=10):
    """P/Q with Q(0) = 1 minimising the relative error of f on [a, b]; coefficients lowest first."""
    xs = [(a + b) / 2 + (b - a) / 2 * mp.cos(mp.pi * (k + 0.5) / nodes) for k in range(nodes)]
    fs = [f(x) for x in xs]
    q_prev = [mp.mpf(1)] * nodes
    for _ in range(rounds):
        rows, rhs = [], []
        for x, fx, qp in zip(xs, fs, q_prev):
            w = 1 / (abs(fx) * qp)
            rows.append([w * x ** i for i in range(num_degree + 1)]
                        + [-w * fx * x ** j for j in range(1, den_degree + 1)])
            rhs.append(w * fx)
        sol = mp.qr_solve(mp.matrix(rows), mp.matrix(rhs))[0]
        p = [sol[i] for i in range(num_degree + 1)]
        q = [mp.mpf(1)] + [sol[num_degree + 1 + j] for j in range(den_degree)]
        q_prev = [mp.polyval(q[::-1], x) for x in xs]
    return p, q


def horner(c, x, dt):
    r = dt(c[0])
    for v in c[1:]:
        r = dt(r * x + dt(v))
    return r


def max_ulps(small, num, den, sat, dt):
    worst, at = 0.0, 0.0
    rng = np.random.default_rng(1)
    for x in np.concatenate([rng.uniform(0, sat + 0.5, 20000), rng.uniform(0.9, 1.1, 3000),
                             10 ** rng.uniform(-8, 0, 3000)]):
        x = dt(x)
        if x < 1:
            y = dt(x + x * horner(small, dt(x * x), dt))
        elif x < sat:
            e = dt(np.exp(-dt(x * x)))
            y = dt(1 - e * dt(horner(num, x, dt) / horner(den, x, dt)))
        else:
            y = dt(1)
        ref = mp.erf(mp.mpf(float(x)))
        err = float(abs(mp.mpf(float(y)) - ref) / float(np.spacing(dt(float(ref)))))
        if err > worst:
            worst, at = err, float(x)
    return worst, at


def main():
    for name, dt, small_terms, degree, sat in [("double", np.float64, 15, 8, 6.0), ("float", np.float32, 10, 4, 4.0)]:
        small = [dt(float(c)) for c in mp.chebyfit(r_small, [0, 1], small_terms)]
        p, q = fit_rational(erfcx, mp.mpf(1), mp.mpf(sat), degree - 1, degree)
        num = [dt(float(c)) for c in p[::-1]]
        den = [dt(float(c)) for c in q[::-1]]
        print(f"{name}: R (z^{small_terms - 1} .. z^0) = {[float(c) for c in small]}")
        print(f"{name}: P (x^{degree - 1} .. x^0) = {[float(c) for c in num]}")
        print(f"{name}: Q (x^{degree} .. x^0) = {[float(c) for c in den]}")
        worst, at = max_ulps(small, num, den, sat, dt)
        print(f"{name}: max error {worst:.3f} ulp at x = {at!r}")
        if math.isnan(worst):
            raise ValueError("NaN in the error sweep")


if __name__ == "__main__":
    main()
