package kz.komek.admin.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The Wilson interval ranks surer shares above luckier ones. */
class WilsonTest {
    @Test
    void manyVotesOutrankFewWithTheSameOrABetterShare() {
        assertThat(Wilson.lower(40, 10)).isGreaterThan(Wilson.lower(2, 0));
        assertThat(Wilson.upper(1, 9)).isLessThan(Wilson.upper(0, 1));
        assertThat(Wilson.lower(100, 0)).isGreaterThan(Wilson.lower(10, 0));
    }

    @Test
    void knownValues() {
        // 6 of 6: 0.6097 to 1; 1 of 6: 0.0301 to 0.5635 (z = 1.96)
        assertThat(Wilson.lower(6, 0)).isCloseTo(0.6097, within(1e-4));
        assertThat(Wilson.upper(6, 0)).isEqualTo(1.0);
        assertThat(Wilson.lower(1, 5)).isCloseTo(0.0301, within(1e-4));
        assertThat(Wilson.upper(1, 5)).isCloseTo(0.5635, within(1e-4));
        assertThat(Wilson.lower(0, 0)).isZero();
        assertThat(Wilson.upper(0, 0)).isEqualTo(1.0);
    }
}
