package kz.komek.admin.analytics;

/**
 * The Wilson score interval of a share (95%): where the true share of "useful" votes lies, given {@code up} of
 * {@code up + down} votes. Few votes give a wide interval, so ranking by its bounds puts a question with 40 of 50
 * useful votes above one with 2 of 2, and one with 1 of 10 below one with 0 of 1.
 */
final class Wilson {
    /** The normal quantile of a two-sided 95% interval. */
    private static final double Z = 1.959963984540054;

    private Wilson() {}

    static double lower(long up, long down) {
        return bound(up, down, -1);
    }

    static double upper(long up, long down) {
        return bound(up, down, 1);
    }

    private static double bound(long up, long down, int sign) {
        long n = up + down;
        if (n == 0) {
            return sign < 0 ? 0 : 1;
        }
        double p = (double) up / n;
        double z2 = Z * Z;
        double centre = p + z2 / (2 * n);
        double spread = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        double b = (centre + sign * spread) / (1 + z2 / n);
        return Math.max(0, Math.min(1, b));
    }
}
