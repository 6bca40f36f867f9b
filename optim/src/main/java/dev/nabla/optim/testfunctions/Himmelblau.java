package dev.nabla.optim.testfunctions;

import dev.nabla.autodiff.Tensor;
import java.util.List;

/**
 * Himmelblau's function of {@code (x, y)}: {@code (x^2 + y - 11)^2 + (x + y^2 - 7)^2}, with four
 * global minima of value 0: {@code (3, 2)} exactly and three irrational ones (given here to
 * double precision), so where an optimizer ends depends on where it starts. Customary start
 * {@code (0, 0)}, near the local maximum at {@code (-0.27, -0.92)}.
 */
public record Himmelblau() implements TestFunction {
    @Override
    public String name() {
        return "Himmelblau";
    }

    @Override
    public int dim() {
        return 2;
    }

    @Override
    public Tensor value(Tensor p) {
        Tensor x = TestFunction.coordinate(this, p, 0);
        Tensor y = TestFunction.coordinate(this, p, 1);
        return x.mul(x).add(y).sub(11).pow(2).add(x.add(y.mul(y)).sub(7).pow(2));
    }

    @Override
    public List<double[]> minima() {
        return List.of(new double[] {3, 2}, new double[] {-2.805118086952745, 3.131312518250573},
                new double[] {-3.7793102533777465, -3.2831859912861696},
                new double[] {3.5844283403304917, -1.8481265269644036});
    }

    @Override
    public double minimumValue() {
        return 0;
    }

    @Override
    public double[] start() {
        return new double[] {0, 0};
    }
}
