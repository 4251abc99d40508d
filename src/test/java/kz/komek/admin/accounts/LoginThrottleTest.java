package kz.komek.admin.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sign-in throttle against real PostgreSQL: what it counts, and that parallel guesses count too. */
class LoginThrottleTest {
    private static TestApp app;
    private static LoginThrottle throttle;

    @BeforeAll
    static void start() {
        app = TestApp.empty();
        throttle = new LoginThrottle(app.app().jdbi());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void noFailuresYet() {
        app.app().jdbi().useHandle(h -> h.execute("delete from login_failure"));
    }

    @Test
    void failuresFromOtherAddressesNeverHoldANameUp() {
        for (int i = 0; i < LoginThrottle.PER_NAME_AND_ADDRESS; i++) {
            assertThat(throttle.begin("aigerim", "203.0.113.1")).isInstanceOf(LoginThrottle.Attempt.Counted.class);
        }
        assertThat(throttle.begin("aigerim", "203.0.113.1")).isInstanceOf(LoginThrottle.Attempt.Wait.class);
        // the editor herself, from her own address
        assertThat(throttle.begin("aigerim", "198.51.100.7")).isInstanceOf(LoginThrottle.Attempt.Counted.class);
    }

    @Test
    void anAddressIsHeldUpAfterManyNames() {
        for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
            assertThat(throttle.begin("guess-" + i, "203.0.113.9")).isInstanceOf(LoginThrottle.Attempt.Counted.class);
        }
        assertThat(throttle.begin("someone-else", "203.0.113.9")).isInstanceOf(LoginThrottle.Attempt.Wait.class);
    }

    @Test
    void aRightPasswordTakesItsAttemptBackAndForgetsThePairsFailures() {
        for (int i = 0; i < LoginThrottle.PER_NAME_AND_ADDRESS - 1; i++) {
            throttle.begin("bolat", "203.0.113.2");
        }
        var right = (LoginThrottle.Attempt.Counted) throttle.begin("bolat", "203.0.113.2");
        throttle.succeeded(right, "bolat", "203.0.113.2");
        for (int i = 0; i < LoginThrottle.PER_NAME_AND_ADDRESS; i++) {
            assertThat(throttle.begin("bolat", "203.0.113.2")).isInstanceOf(LoginThrottle.Attempt.Counted.class);
        }
    }

    /** 100 guesses at once for one name from one address: no more are checked than the limit allows. */
    @Test
    void parallelGuessesAreCountedBeforeAnyIsChecked() throws Exception {
        int guesses = 100;
        var pool = Executors.newFixedThreadPool(32);
        try {
            var go = new CountDownLatch(1);
            var futures = new ArrayList<Future<LoginThrottle.Attempt>>();
            for (int i = 0; i < guesses; i++) {
                Callable<LoginThrottle.Attempt> guess = () -> {
                    go.await();
                    return throttle.begin("dana", "203.0.113.3");
                };
                futures.add(pool.submit(guess));
            }
            go.countDown();
            int checked = 0;
            for (var f : futures) {
                if (f.get(60, TimeUnit.SECONDS) instanceof LoginThrottle.Attempt.Counted) {
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(LoginThrottle.PER_NAME_AND_ADDRESS);
        } finally {
            pool.shutdownNow();
        }
    }
}
