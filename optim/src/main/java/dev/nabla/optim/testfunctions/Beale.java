package dev.nabla.optim.testfunctions;

import dev.nabla.autodiff.Tensor;
import java.util.List;

/**
 * Beale's function of {@code (x, y)}:
 * {@code (1.5 - x + x y)^2 + (2.25 - x + x y^2)^2 + (2.625 - x + x y^3)^2}, minimum 0 at
 * {@code (3, 0.5)}, with flat plateaus and steep ridges towards the corners of
 * {@code [-4.5, 4.5]^2}. Customary start {@code (1, 1)}.
 */
public record Beale() implements TestFunction {
    @Override
    public String name() {
        return "Beale";
    }

    @Override
    public int dim() {
        return 2;
    }

    @Override
    public Tensor value(Tensor p) {
        Tensor x = TestFunction.coordinate(this, p, 0);
        Tensor y = TestFunction.coordinate(this, p, 1);
        Tensor a = x.neg().add(1.5).add(x.mul(y));
        Tensor b = x.neg().add(2.25).add(x.mul(y.pow(2)));
        Tensor c = x.neg().add(2.625).add(x.mul(y.pow(3)));
        return a.pow(2).add(b.pow(2)).add(c.pow(2));
    }

    @Override
    public List<double[]> minima() {
        return List.of(new double[] {3, 0.5});
    }

    @Override
    public double minimumValue() {
        return 0;
    }

    @Override
    public double[] start() {
        return new double[] {1, 1};
    }
}
