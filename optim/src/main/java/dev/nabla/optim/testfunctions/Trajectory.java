package dev.nabla.optim.testfunctions;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.Optimizer;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The points an optimizer visits on a {@link TestFunction} and the values there, from the start
 * (step 0) to the point after the last step. A run stops early at the first NaN or infinite value:
 * the optimizer {@link #diverged()}.
 *
 * <pre>{@code
 * Trajectory t = Trajectory.record(new Rosenbrock(), new double[] {-1.2, 1},
 *         params -> new Adam(params, new Adam.Options().withLr(0.02)), 3000);
 * t.last();                       // about (1, 1)
 * Files.writeString(path, t.toCsv());
 * }</pre>
 */
public final class Trajectory {
    private final TestFunction function;
    private final double[][] points;
    private final double[] values;

    private Trajectory(TestFunction function, double[][] points, double[] values) {
        this.function = function;
        this.points = points;
        this.values = values;
    }

    /**
     * Runs an optimizer on {@code f} from {@code start} for {@code steps} steps, in F64 on the
     * reference device.
     *
     * @param optimizer makes the optimizer for the list of parameters it is given: one tensor, the
     *                  point {@code [dim]}
     * @throws IllegalArgumentException if {@code start} has not {@code f.dim()} coordinates, {@code steps}
     *                                  is negative, or the optimizer made does not optimize the point
     */
    public static Trajectory record(TestFunction f, double[] start,
            Function<List<Tensor>, ? extends Optimizer<?>> optimizer, int steps) {
        Objects.requireNonNull(f, "Trajectory: f");
        if (start.length != f.dim()) {
            throw new IllegalArgumentException("Trajectory: start has " + start.length + " coordinates but "
                    + f.name() + " takes " + f.dim());
        }
        if (steps < 0) {
            throw new IllegalArgumentException("Trajectory: steps " + steps + " must be >= 0");
        }
        Tensor x = Tensor.fromArray(start, Shape.of(start.length), DType.F64, Device.REFERENCE).requiresGrad(true);
        Optimizer<?> opt = optimizer.apply(List.of(x));
        if (opt == null || !opt.parameters().contains(x)) {
            throw new IllegalArgumentException("Trajectory: the optimizer factory must return an optimizer of the point"
                    + " it is given, e.g. params -> new SGD(params, SGD.Options.lr(0.01))");
        }
        List<double[]> points = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int step = 0; ; step++) {
            opt.zeroGrad();
            Tensor value = f.value(x);
            points.add(x.toDoubleArray());
            values.add(value.item());
            if (step == steps || !Double.isFinite(value.item())) {
                break;
            }
            value.backward();
            opt.step();
        }
        return new Trajectory(f, points.toArray(double[][]::new),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The function run on. */
    public TestFunction function() {
        return function;
    }

    /** The number of steps taken: the last point is {@code point(steps())}. */
    public int steps() {
        return values.length - 1;
    }

    /** The point after {@code step} steps (0: the start), a copy. */
    public double[] point(int step) {
        return points[step].clone();
    }

    /** The value at {@link #point(int)}. */
    public double value(int step) {
        return values[step];
    }

    /** The last point reached, a copy. */
    public double[] last() {
        return point(steps());
    }

    /** The value at the last point. */
    public double lastValue() {
        return values[steps()];
    }

    /** The distance from the last point to the function's nearest global minimiser. */
    public double distanceToNearestMinimum() {
        return function.distanceToNearestMinimum(last());
    }

    /** Whether the run stopped at a NaN or infinite value. */
    public boolean diverged() {
        return !Double.isFinite(lastValue());
    }

    /** One line per point, {@code step,x0,x1,...,value}, after a header line; for plotting. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("step");
        for (int i = 0; i < points[0].length; i++) {
            sb.append(",x").append(i);
        }
        sb.append(",value\n");
        for (int s = 0; s < values.length; s++) {
            sb.append(s);
            for (double c : points[s]) {
                sb.append(',').append(c);
            }
            sb.append(',').append(values[s]).append('\n');
        }
        return sb.toString();
    }

    /** For example {@code Trajectory[Rosenbrock, 3000 steps, last value 2.8E-7]}. */
    @Override
    public String toString() {
        return "Trajectory[" + function.name() + ", " + steps() + " steps, last value " + lastValue() + "]";
    }
}
