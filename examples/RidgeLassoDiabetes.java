/*
 * Ridge and Lasso regression on the diabetes data, and what their penalties do to the coefficients.
 *
 * The data: 442 patients, 10 measurements each (age, sex, body mass index, blood pressure and six
 * blood serum values, each column centred and scaled), and how far the disease progressed a year
 * later. The models are fitted on the first 342 patients and scored on the other 100 with R^2,
 * the fraction of the target's variance the predictions explain (1 is perfect, 0 is no better
 * than predicting the mean). Ridge(0) is ordinary least squares; Ridge's L2 penalty shrinks the
 * coefficients, and Lasso's L1 penalty sets some of them exactly to zero, selecting features.
 *
 * Run: examples/run RidgeLassoDiabetes
 */
import dev.nabla.autodiff.Tensor;
import dev.nabla.data.Diabetes;
import dev.nabla.optim.linear.Lasso;
import dev.nabla.optim.linear.LinearModel;
import dev.nabla.optim.linear.Ridge;
import java.util.ArrayList;
import java.util.List;

public class RidgeLassoDiabetes {
    public static void main(String[] args) {
        Diabetes data = Diabetes.load();                     // features [442, 10], target [442]
        int trainSize = 342;
        Tensor xTrain = data.features().slice(0, 0, trainSize);
        Tensor yTrain = data.target().slice(0, 0, trainSize);
        Tensor xTest = data.features().slice(0, trainSize, Diabetes.SIZE);
        Tensor yTest = data.target().slice(0, trainSize, Diabetes.SIZE);

        Lasso lasso = new Lasso(0.1);
        List<LinearModel> models = List.of(new Ridge(0), new Ridge(0.1), lasso);
        for (LinearModel model : models) {
            model.fit(xTrain, yTrain);
        }

        System.out.printf("%-9s", "feature");
        models.forEach(model -> System.out.printf("%18s", model));
        System.out.println();
        for (int j = 0; j < Diabetes.FEATURES; j++) {
            System.out.printf("%-9s", Diabetes.FEATURE_NAMES.get(j));
            for (LinearModel model : models) {
                double coefficient = model.coefficients().toDoubleArray()[j];
                System.out.printf("%18s", coefficient == 0 ? "0" : String.format("%.2f", coefficient));
            }
            System.out.println();
        }
        System.out.printf("%-9s", "test R^2");
        models.forEach(model -> System.out.printf("%18.4f", rSquared(model.predict(xTest), yTest)));
        System.out.println();

        List<String> dropped = new ArrayList<>();
        double[] lassoCoefficients = lasso.coefficients().toDoubleArray();
        for (int j = 0; j < Diabetes.FEATURES; j++) {
            if (lassoCoefficients[j] == 0) {
                dropped.add(Diabetes.FEATURE_NAMES.get(j));
            }
        }
        System.out.println(lasso + " set " + dropped.size() + " of " + Diabetes.FEATURES
                + " coefficients to zero: " + String.join(", ", dropped));
    }

    /** R^2 = 1 - (sum of squared residuals) / (sum of squared deviations from the mean). */
    static double rSquared(Tensor predicted, Tensor actual) {
        double residual = actual.sub(predicted).pow(2).sum().item();
        double total = actual.sub(actual.mean()).pow(2).sum().item();
        return 1 - residual / total;
    }
}
