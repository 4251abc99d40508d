package kz.komek.progress;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * Where a phase stands: {@code done} of {@code total} items ({@code -1}: not known) after {@code nanos}; the rate is
 * the phase's average, steadier to read than the last few seconds' and right for a steady stream of records.
 */
public record Pace(long done, long total, long nanos) {
    public Pace {
        if (done < 0 || nanos < 0) {
            throw new IllegalArgumentException("a pace counts forward: " + done + " items, " + nanos + " ns");
        }
    }

    /** Items a second so far; 0 before the first. */
    public double perSecond() {
        return nanos == 0 ? 0 : done * 1e9 / nanos;
    }

    /** Seconds until {@code total} at this rate; empty when the total or the rate is not known yet. */
    public OptionalLong secondsLeft() {
        double rate = perSecond();
        if (total < 0 || rate <= 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.round(Math.max(0, total - done) / rate));
    }

    public long seconds() {
        return Math.round(nanos / 1e9);
    }

    /** {@code 41,000 of 100,000 questions, 3,350/s, 18 s left}; without what is not known. */
    public String describe(String unit) {
        var sb = new StringBuilder(number(done));
        if (total >= 0) {
            sb.append(" of ").append(number(total));
        }
        sb.append(' ')
                .append(unit)
                .append(", ")
                .append(number(Math.round(perSecond())))
                .append("/s");
        secondsLeft().ifPresent(s -> sb.append(", ").append(duration(s)).append(" left"));
        return sb.toString();
    }

    /** {@code 41,000}: grouped as the README's figures are. */
    public static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 18 s}, {@code 4 min}: seconds while they matter, then minutes. */
    public static String duration(long seconds) {
        return seconds < 120 ? seconds + " s" : Math.round(seconds / 60.0) + " min";
    }
}
