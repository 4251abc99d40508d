package kz.komek.deflection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import kz.komek.search.AnswerEvidence.Candidate;

/**
 * The chance that a suggested question answers a message: a logistic model over the search's evidence, fitted on a
 * labelled set of chat messages (decision 0045; {@code DeflectionCalibration} in the tests fits it and writes
 * {@code /deflection/confidence.json}). Calibrated: of suggestions given 0.8, about 8 in 10 are right.
 */
public final class Confidence {
    /** The features, in the order of the model's weights; the first is the intercept. */
    public static final List<String> FEATURES = List.of(
            "intercept",
            "first",
            "second",
            "share",
            "lead",
            "title_recall",
            "in_title",
            "in_text",
            "log_words",
            "rewritten",
            "title_recall_x_share",
            "lead_x_first");

    private final double[] weights;

    public Confidence(double[] weights) {
        if (weights.length != FEATURES.size()) {
            throw new IllegalArgumentException("a model has " + FEATURES.size() + " weights, not " + weights.length);
        }
        this.weights = weights.clone();
    }

    /** The model komek ships. */
    public static Confidence shipped() {
        try (InputStream in = Confidence.class.getResourceAsStream("/deflection/confidence.json")) {
            if (in == null) {
                throw new IllegalStateException("/deflection/confidence.json is not in the jar");
            }
            return read(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A model written as {@code {"features": [...], "weights": [...]}}; the names must be {@link #FEATURES}. */
    public static Confidence read(JsonNode model) {
        var names = new java.util.ArrayList<String>();
        model.path("features").forEach(n -> names.add(n.asText()));
        if (!names.equals(FEATURES)) {
            throw new IllegalArgumentException("the model's features " + names + " are not " + FEATURES);
        }
        double[] w = new double[FEATURES.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = model.path("weights").path(i).asDouble(Double.NaN);
            if (!Double.isFinite(w[i])) {
                throw new IllegalArgumentException("weight " + i + " is not a number");
            }
        }
        return new Confidence(w);
    }

    public static double[] features(Candidate c) {
        boolean first = c.rank() == 0;
        return new double[] {
            1,
            first ? 1 : 0,
            c.rank() == 1 ? 1 : 0,
            c.share(),
            c.lead(),
            c.titleRecall(),
            c.inTitle(),
            c.inText(),
            Math.log1p(c.words()),
            c.rewritten() ? 1 : 0,
            c.titleRecall() * c.share(),
            first ? c.lead() : 0
        };
    }

    public double of(Candidate c) {
        return probability(weights, features(c));
    }

    public static double probability(double[] weights, double[] x) {
        double z = 0;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }
}
