package kz.komek.catalog;

import java.util.Optional;

/**
 * How useful readers found an answer: counted votes, weighed together with a ratio imported without counts (the
 * seed shows only "89%"). The imported ratio is a prior worth {@link #PRIOR_WEIGHT} votes (a Bayesian average), so
 * the first new votes move it a little and many outweigh it (docs/decisions/0008-usefulness.md).
 *
 * @param up "useful" votes (imported counts and readers' votes)
 * @param down "not useful" votes
 * @param prior the imported ratio up/(up+down) whose counts are unknown
 */
public record Usefulness(long up, long down, Optional<Double> prior) {
    /** The imported ratio counts as this many votes. */
    public static final int PRIOR_WEIGHT = 20;

    /** What ranking assumes for an answer nobody has rated: neither good nor bad. */
    public static final double NEUTRAL = 0.5;

    public Usefulness {
        if (up < 0 || down < 0) {
            throw new IllegalArgumentException("vote counts must not be negative: " + up + ", " + down);
        }
        if (prior.isPresent() && !(prior.get() >= 0 && prior.get() <= 1)) {
            throw new IllegalArgumentException("usefulness ratio must be 0..1, was " + prior.get());
        }
    }

    /** The share of readers who found the answer useful, 0..1; empty when there is neither a vote nor a ratio. */
    public Optional<Double> ratio() {
        long votes = up + down;
        if (prior.isPresent()) {
            return Optional.of((up + PRIOR_WEIGHT * prior.get()) / (votes + PRIOR_WEIGHT));
        }
        return votes == 0 ? Optional.empty() : Optional.of(up / (double) votes);
    }

    /** {@link #ratio()}, or {@link #NEUTRAL} for an unrated answer: for ranking, where every answer needs a value. */
    public double ratioOrNeutral() {
        return ratio().orElse(NEUTRAL);
    }
}
