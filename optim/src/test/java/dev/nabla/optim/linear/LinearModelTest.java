package dev.nabla.optim.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.SGD;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearModelTest {
    /** 6 samples of 2 features, y = 2 x0 - 3 x1 + 5 exactly. */
    private static final Tensor X = Tensor.of(new double[][] {{1, 0}, {2, 1}, {0, 3}, {4, 1}, {3, 3}, {1, 2}});
    private static final Tensor Y = Tensor.of(5 + 2, 5 + 4 - 3, 5 - 9, 5 + 8 - 3, 5 + 6 - 9, 5 + 2 - 6);

    @Test
    void everyModelRecoversAnExactLinearRelation() {
        for (LinearModel m : List.of(new LinearRegression(), new Ridge(0), new Lasso(1e-9))) {
            m.fit(X, Y);
            assertThat(m.coefficients().toDoubleArray()).as(m.toString()).containsExactly(new double[] {2, -3},
                    within(1e-6));
            assertThat(m.intercept()).as(m.toString()).isCloseTo(5, within(1e-6));
            assertThat(m.predict(Tensor.of(new double[][] {{10, 10}})).toDoubleArray()).containsExactly(
                    new double[] {-5}, within(1e-5));
        }
    }

    @Test
    void ridgeSolvesItsNormalEquations() {
        Ridge ridge = new Ridge(2.5);
        ridge.fit(X, Y);
        double[] w = ridge.coefficients().toDoubleArray();
        // centred data: (Xc^T Xc + alpha I) w = Xc^T yc, checked through the residual's gradient
        Tensor xc = X.to(dev.nabla.tensor.DType.F64).sub(X.to(dev.nabla.tensor.DType.F64).mean(0));
        Tensor yc = Y.to(dev.nabla.tensor.DType.F64).sub(Y.to(dev.nabla.tensor.DType.F64).mean());
        Tensor wt = Tensor.fromArray(w, 2);
        double[] gradient = xc.mT().matmul(xc.matmul(wt).sub(yc)).add(wt.mul(2.5)).toDoubleArray();
        assertThat(gradient).containsExactly(new double[] {0, 0}, within(1e-12));
        assertThat(Math.abs(w[0])).as("shrunk").isLessThan(2);
        assertThat(ridge).hasToString("Ridge(alpha=2.5)");
    }

    @Test
    void lassoSoftThresholdsAnOrthogonalDesign() {
        // centred orthogonal columns with X^T X / n = I: the minimiser is softThreshold(X^T y / n, alpha)
        Tensor x = Tensor.of(new double[][] {{1, 1}, {1, -1}, {-1, 1}, {-1, -1}});
        Tensor y = Tensor.of(3, 1, -1, -3.4);
        Lasso lasso = new Lasso(0.5);
        lasso.fit(x, y);
        // centred y = (3.1, 1.1, -0.9, -3.3), so X^T yc / n = (8.4 / 4, 4.4 / 4) = (2.1, 1.1)
        assertThat(lasso.coefficients().toDoubleArray()).containsExactly(new double[] {1.6, 0.6}, within(1e-6));
        Lasso strong = new Lasso(1.2);
        strong.fit(x, y);
        assertThat(strong.coefficients().toDoubleArray()).as("below the threshold: exactly zero")
                .containsExactly(new double[] {0.9, 0}, within(1e-6));
        assertThat(strong.coefficients().toDoubleArray()[1]).isEqualTo(0.0);
        assertThat(strong.intercept()).isCloseTo(-0.1, within(1e-6));
        assertThat(strong.converged()).isTrue();
        assertThat(strong.nIter()).isBetween(1, 3);
    }

    @Test
    void linearRegressionTakesAnyOptimizerAndReportsDivergence() {
        LinearRegression ols = new LinearRegression(params -> new SGD(params, SGD.Options.lr(0.5)), 50_000, 1e-10);
        ols.fit(X, Y);
        assertThat(ols.converged()).isTrue();
        assertThat(ols.coefficients().toDoubleArray()).containsExactly(new double[] {2, -3}, within(1e-6));
        LinearRegression tooFast = new LinearRegression(params -> new SGD(params, SGD.Options.lr(50)), 1000, 1e-10);
        assertThatThrownBy(() -> tooFast.fit(X, Y)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("LinearRegression.fit: the loss became Infinity at step")
                .hasMessageEndingWith("; lower the optimizer's learning rate");
        LinearRegression unrelated = new LinearRegression(
                params -> new SGD(List.of(Tensor.zeros(2).requiresGrad(true)), SGD.Options.lr(0.1)), 10, 0);
        assertThatThrownBy(() -> unrelated.fit(X, Y)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("LinearRegression: the optimizer factory must return an optimizer of the"
                        + " parameters it is given");
        LinearRegression brief = new LinearRegression(params -> new SGD(params, SGD.Options.lr(0.01)), 3, 0);
        brief.fit(X, Y);
        assertThat(brief.converged()).isFalse();
        assertThat(brief.nIter()).isEqualTo(3);
    }

    @Test
    void rejectsBadInputNamingIt() {
        Ridge ridge = new Ridge(1);
        assertThatThrownBy(() -> ridge.fit(Y, Y)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Ridge.fit: X must have rank 2 [samples, features], got [6]; one feature is"
                        + " x.reshape(-1, 1), one sample x.reshape(1, -1)");
        assertThatThrownBy(() -> ridge.fit(X, Y.reshape(-1, 1)))
                .hasMessage("Ridge.fit: y must have rank 1 [samples], got [6, 1]; use y.reshape(-1)");
        assertThatThrownBy(() -> ridge.fit(X, Y.slice(0, 0, 5)))
                .hasMessage("Ridge.fit: X [6, 2] has 6 samples but y [5] has 5; they must match");
        Tensor holey = Tensor.of(new double[][] {{1, 0}, {2, Double.NaN}});
        assertThatThrownBy(() -> new Lasso(0.1).fit(holey, Tensor.of(1, 2)))
                .hasMessage("Lasso.fit: X [2, 2] holds NaN at row 1, column 1; remove or impute missing and infinite"
                        + " values first");
        assertThatThrownBy(() -> ridge.fit(X, Y.add(Double.POSITIVE_INFINITY)))
                .hasMessageContaining("y [6] holds Infinity at index 0");
        assertThatThrownBy(() -> ridge.fit(Tensor.zeros(0, 2), Tensor.zeros(0)))
                .hasMessage("Ridge.fit: X [0, 2] is empty; it needs at least one sample and one feature");
        assertThatThrownBy(() -> ridge.predict(X)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Ridge.predict: the model is not fitted; call fit(X, y) first");
        assertThatThrownBy(ridge::coefficients).hasMessage("Ridge.coefficients: the model is not fitted; call fit(X, y)"
                + " first");
        ridge.fit(X, Y);
        assertThatThrownBy(() -> ridge.predict(Tensor.zeros(3, 5)))
                .hasMessage("Ridge.predict: X [3, 5] has 5 features, but the model was fitted on 2");
    }

    @Test
    void rejectsInvalidAlphasAndSingularProblems() {
        assertThatThrownBy(() -> new Ridge(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Ridge: alpha -1.0 must be a finite number >= 0");
        assertThatThrownBy(() -> new Lasso(0)).hasMessage("Lasso: alpha 0.0 must be a finite number > 0; without a"
                + " penalty use LinearRegression or Ridge(0)");
        assertThatThrownBy(() -> new Lasso(Double.NaN)).hasMessageStartingWith("Lasso: alpha NaN must be");
        assertThatThrownBy(() -> new Lasso(1, 0, 1e-6)).hasMessage("Lasso: maxIter 0 must be >= 1");
        assertThatThrownBy(() -> new LinearRegression(p -> null, 10, -1))
                .hasMessage("LinearRegression: tol -1.0 must be a finite number >= 0");
        Tensor collinear = Tensor.of(new double[][] {{1, 2}, {2, 4}, {3, 6}});
        assertThatThrownBy(() -> new Ridge(0).fit(collinear, Tensor.of(1, 2, 3)))
                .hasMessage("Ridge.fit: X^T X + alpha I is singular with alpha 0.0 (the centred features are linearly"
                        + " dependent, or one is constant); use alpha > 0");
        Ridge regularised = new Ridge(0.1);
        regularised.fit(collinear, Tensor.of(1, 2, 3));
        assertThat(regularised.predict(collinear).toDoubleArray()).containsExactly(new double[] {1, 2, 3},
                within(0.05));
    }
}
