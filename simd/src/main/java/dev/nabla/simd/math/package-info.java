/**
 * Vectorized transcendental functions on Vector API lanes: {@code exp}, {@code log},
 * {@code tanh} and {@code sigmoid} as range reduction plus polynomial, in {@link
 * dev.nabla.simd.math.FloatMath} and its {@code double} mirror {@link dev.nabla.simd.math.DoubleMath}.
 * Results are bit-identical across vector widths and JDKs; error bounds and throughput are in
 * {@code docs/simd-math.md}.
 */
package dev.nabla.simd.math;
