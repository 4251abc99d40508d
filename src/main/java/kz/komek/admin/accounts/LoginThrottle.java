package kz.komek.admin.accounts;

import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows password guessing: while a name has had {@value #PER_NAME_AND_ADDRESS} failed sign-ins from one client
 * address in the last 15 minutes, or the address {@value #PER_ADDRESS} with any names, sign-ins with that name from
 * that address (or any from that address) are refused without checking the password. A sliding window: the wait
 * ends when the oldest counted failure is 15 minutes old. Failures from other addresses never hold a name up, so
 * nobody can lock an editor out by guessing at their name; an address gets more tries than a pair because one
 * office (NAT) is one address for all its editors.
 *
 * <p>Checking and counting are one step, taken before the password is hashed: {@link #begin} counts the attempt as
 * a failure at once, under a lock per address, and a correct password takes it back ({@link #succeeded}). So
 * parallel guesses cannot all pass the check before any is counted. Unknown names count like known ones, so the
 * throttle tells no one which names exist. Refused attempts do not count (a guesser cannot extend the wait forever
 * by trying on). Counted in PostgreSQL, so every node refuses alike.
 */
final class LoginThrottle {
    static final int PER_NAME_AND_ADDRESS = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    /** What {@link #begin} decided: go on and check the password, or wait that many seconds unchecked. */
    sealed interface Attempt {
        record Counted(long id) implements Attempt {}

        record Wait(long seconds) implements Attempt {}
    }

    private final Jdbi jdbi;

    LoginThrottle(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Either the attempt is counted as a failure now (taken back by {@link #succeeded} when the password is
     * right), or the seconds until this name may be tried from this address again.
     *
     * @param nameKey the name in lower case ({@link UserName#key()})
     */
    Attempt begin(String nameKey, String address) {
        return jdbi.inTransaction(h -> {
            // one attempt from an address at a time, from the count to the insert: no parallel guess slips through
            h.createQuery("select pg_advisory_xact_lock(hashtextextended(:address, 7061))")
                    .bind("address", address)
                    .mapTo(String.class)
                    .one();
            h.createUpdate("delete from login_failure where at < now() - :window")
                    .bind("window", WINDOW)
                    .execute();
            Optional<Long> seconds = h.createQuery("""
                            select ceil(extract(epoch from max(until) - now()))::bigint
                            from (
                                (select at + :window as until from login_failure
                                 where name_key = :name and address = :address and at > now() - :window
                                 order by at desc offset :perPair - 1 limit 1)
                                union all
                                (select at + :window as until from login_failure
                                 where address = :address and at > now() - :window
                                 order by at desc offset :perAddress - 1 limit 1)
                            ) blocked
                            """)
                    .bind("window", WINDOW)
                    .bind("name", nameKey)
                    .bind("address", address)
                    .bind("perPair", PER_NAME_AND_ADDRESS)
                    .bind("perAddress", PER_ADDRESS)
                    .mapTo(Long.class)
                    .findOne();
            if (seconds.isPresent()) {
                return new Attempt.Wait(Math.max(1, seconds.get()));
            }
            long id = h.createUpdate("insert into login_failure (name_key, address) values (:name, :address)")
                    .bind("name", nameKey)
                    .bind("address", address)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            return new Attempt.Counted(id);
        });
    }

    /**
     * The password was right: the attempt was no failure, and the name's earlier failures from this address are
     * forgotten (not the address's with other names: others may be guessing from there).
     */
    void succeeded(Attempt.Counted attempt, String nameKey, String address) {
        jdbi.useHandle(h -> h.createUpdate(
                        "delete from login_failure where id = :id or (name_key = :name and address = :address)")
                .bind("id", attempt.id())
                .bind("name", nameKey)
                .bind("address", address)
                .execute());
    }
}
