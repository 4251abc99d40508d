package kz.komek.deflection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.komek.testing.TestApp;

/**
 * Fits the confidence model on {@code messages-fit.jsonl} and writes {@code src/main/resources/deflection/
 * confidence.json}: a logistic regression (Newton's method, a little L2) of "this question answers the message"
 * over the search's evidence for each question found. Run from the project's root:
 * {@code mvn -q -Dkomek.fuzz.skip test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=kz.komek.deflection.DeflectionCalibration} (or any runner with the test class path). The check
 * is {@link CalibrationTest}, on the other half of the corpus's questions.
 */
public final class DeflectionCalibration {
    /** Pulls weights a little towards 0, so that features rare in the labelled set do not swing. */
    static final double L2 = 1.0;

    private DeflectionCalibration() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "src/main/resources/deflection/confidence.json");
        var xs = new ArrayList<double[]>();
        var ys = new ArrayList<Double>();
        try (TestApp app = LabelledMessages.corpusApp()) {
            for (var m : LabelledMessages.read("messages-fit.jsonl")) {
                for (var c : app.app().deflections().candidates(m.text(), m.site(), m.locale())) {
                    xs.add(Confidence.features(c));
                    ys.add(m.relevant().contains(c.hit().id()) ? 1.0 : 0.0);
                }
            }
        }
        double[] w = fit(xs, ys);
        var json = new ObjectMapper();
        ObjectNode model = json.createObjectNode();
        model.put(
                "comment",
                "Fitted by DeflectionCalibration (src/test/java) on src/test/resources/deflection/messages-fit.jsonl: "
                        + xs.size() + " questions found for the labelled messages, "
                        + ys.stream().filter(y -> y > 0).count() + " of them right.");
        var names = model.putArray("features");
        Confidence.FEATURES.forEach(names::add);
        var weights = model.putArray("weights");
        for (double v : w) {
            weights.add(Math.round(v * 10_000) / 10_000.0);
        }
        Files.writeString(out, json.writerWithDefaultPrettyPrinter().writeValueAsString(model) + "\n");
        System.out.println("wrote " + out + ": " + model);
    }

    /** Newton's method for L2-regularised logistic regression (the intercept is not pulled). */
    static double[] fit(List<double[]> xs, List<Double> ys) {
        int d = xs.get(0).length;
        double[] w = new double[d];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] grad = new double[d];
            double[][] hess = new double[d][d];
            for (int i = 0; i < xs.size(); i++) {
                double[] x = xs.get(i);
                double p = Confidence.probability(w, x);
                double r = p - ys.get(i);
                double s = p * (1 - p);
                for (int a = 0; a < d; a++) {
                    grad[a] += r * x[a];
                    for (int b = 0; b < d; b++) {
                        hess[a][b] += s * x[a] * x[b];
                    }
                }
            }
            for (int a = 1; a < d; a++) {
                grad[a] += L2 * w[a];
                hess[a][a] += L2;
            }
            hess[0][0] += 1e-6;
            double[] step = solve(hess, grad);
            double size = 0;
            for (int a = 0; a < d; a++) {
                w[a] -= step[a];
                size = Math.max(size, Math.abs(step[a]));
            }
            if (size < 1e-7) {
                break;
            }
        }
        return w;
    }

    /** Gaussian elimination with partial pivoting: {@code m x = v}. */
    static double[] solve(double[][] m, double[] v) {
        int n = v.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = java.util.Arrays.copyOf(m[i], n + 1);
            a[i][n] = v[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int row = col + 1; row < n; row++) {
                double f = a[row][col] / a[col][col];
                for (int k = col; k <= n; k++) {
                    a[row][k] -= f * a[col][k];
                }
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = a[i][n];
            for (int k = i + 1; k < n; k++) {
                s -= a[i][k] * x[k];
            }
            x[i] = s / a[i][i];
        }
        return x;
    }
}
