/**
 * Classic test functions for optimizers, with known minima: {@link
 * dev.nabla.optim.testfunctions.Rosenbrock}'s curved valley, {@link
 * dev.nabla.optim.testfunctions.Beale}'s flat plateaus, {@link
 * dev.nabla.optim.testfunctions.Himmelblau}'s four minima and an {@link
 * dev.nabla.optim.testfunctions.IllConditionedQuadratic} of chosen condition number, axis-aligned
 * or rotated. {@link dev.nabla.optim.testfunctions.Trajectory} runs any optimizer on one of them and
 * records the points and values it visits.
 */
package dev.nabla.optim.testfunctions;
