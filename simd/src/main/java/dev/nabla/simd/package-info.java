/**
 * The SIMD backend: every primitive of the backend SPI as Java Vector API kernels, spread over
 * one shared pool of threads. Found at run time through {@code ServiceLoader}; needs
 * {@code --add-modules jdk.incubator.vector}.
 */
package dev.nabla.simd;
