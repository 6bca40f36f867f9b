/**
 * Linear models fitted to tables of samples, usable as scikit-learn's: {@code fit(X, y)},
 * {@code predict(X)}, {@code coefficients()}, {@code intercept()}.
 * {@link dev.nabla.optim.linear.LinearRegression} is trained by gradient descent with any of this
 * library's optimizers; {@link dev.nabla.optim.linear.Ridge} and
 * {@link dev.nabla.optim.linear.Lasso} minimise scikit-learn's objectives exactly (a Cholesky solve
 * and coordinate descent on the Gram matrix). All fit the intercept, unpenalised, by centring
 * {@code X} and {@code y} first, as scikit-learn does.
 */
package dev.nabla.optim.linear;
