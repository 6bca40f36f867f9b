/*
 * Linear regression by plain gradient descent, with autograd doing the calculus.
 *
 * The data are 100 points on the line y = 2x + 1 plus Gaussian noise. The model is y = w x + b,
 * starting from w = b = 0. Each step computes the mean squared error, calls backward() to get
 * d loss / d w and d loss / d b, and moves w and b a small step against their gradients. The
 * update runs with gradient recording switched off, so it does not become part of the graph.
 *
 * Run: examples/run LinearRegressionGd [--quick]
 */
import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.random.Rng;
import java.util.List;

public class LinearRegressionGd {
    public static void main(String[] args) {
        boolean quick = List.of(args).contains("--quick");
        int steps = quick ? 100 : 200;
        double learningRate = 0.1;

        Rng.manualSeed(42);                                  // the data are the only random thing
        Tensor x = Tensor.rand(100).mul(2).sub(1);           // 100 inputs in [-1, 1)
        Tensor noise = Tensor.randn(100).mul(0.1);
        Tensor y = x.mul(2).add(1).add(noise);               // targets: y = 2x + 1 + noise

        Tensor w = Tensor.scalar(0).requiresGrad(true);
        Tensor b = Tensor.scalar(0).requiresGrad(true);
        for (int step = 0; step <= steps; step++) {
            Tensor prediction = x.mul(w).add(b);
            Tensor loss = prediction.sub(y).pow(2).mean();   // mean squared error
            loss.backward();                                 // fills w.grad() and b.grad()
            if (step % 20 == 0) {
                System.out.printf("step %3d  loss %.5f  w %.4f  b %.4f%n", step, loss.item(), w.item(), b.item());
            }
            try (GradMode.Scope noGrad = GradMode.disable()) {
                w.copyFrom(w.sub(w.grad().mul(learningRate)));
                b.copyFrom(b.sub(b.grad().mul(learningRate)));
            }
            w.zeroGrad();                                    // gradients add up unless cleared
            b.zeroGrad();
        }
        System.out.printf("learned w = %.4f, b = %.4f (the data were made with w = 2, b = 1)%n", w.item(), b.item());
    }
}
