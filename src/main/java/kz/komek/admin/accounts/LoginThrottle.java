package kz.komek.admin.accounts;

import java.time.Duration;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows password guessing: while a name has had {@value #PER_NAME} failed sign-ins in the last 15 minutes, or a
 * client address {@value #PER_ADDRESS}, sign-ins with that name or from that address are refused without checking
 * the password. A sliding window: the wait ends when the oldest counted failure is 15 minutes old. An address gets
 * more tries than a name because one office (NAT) is one address for all its editors; a name gets few because only
 * one person knows its password.
 *
 * <p>Unknown names count like known ones, so the throttle tells no one which names exist. Refused attempts do not
 * count (a guesser cannot extend the wait forever by trying on). Counted in PostgreSQL, so every node refuses alike.
 */
final class LoginThrottle {
    static final int PER_NAME = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Jdbi jdbi;

    LoginThrottle(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Seconds until a sign-in with this name from this address may be tried again; empty when it may now.
     *
     * @param nameKey the name in lower case ({@link UserName#key()})
     */
    OptionalLong wait(String nameKey, String address) {
        Long seconds = jdbi.withHandle(h -> h.createQuery("""
                        select ceil(extract(epoch from max(until) - now()))::bigint
                        from (
                            (select at + :window as until from login_failure
                             where name_key = :name and at > now() - :window
                             order by at desc offset :perName - 1 limit 1)
                            union all
                            (select at + :window as until from login_failure
                             where address = :address and at > now() - :window
                             order by at desc offset :perAddress - 1 limit 1)
                        ) blocked
                        """)
                .bind("window", WINDOW)
                .bind("name", nameKey)
                .bind("address", address)
                .bind("perName", PER_NAME)
                .bind("perAddress", PER_ADDRESS)
                .mapTo(Long.class)
                .one());
        return seconds == null ? OptionalLong.empty() : OptionalLong.of(Math.max(1, seconds));
    }

    void failed(String nameKey, String address) {
        jdbi.useTransaction(h -> {
            h.createUpdate("delete from login_failure where at < now() - :window")
                    .bind("window", WINDOW)
                    .execute();
            h.createUpdate("insert into login_failure (name_key, address) values (:name, :address)")
                    .bind("name", nameKey)
                    .bind("address", address)
                    .execute();
        });
    }

    /** A successful sign-in forgets the name's failures (not the address's: others may be guessing from there). */
    void succeeded(String nameKey) {
        jdbi.useHandle(h -> h.createUpdate("delete from login_failure where name_key = :name")
                .bind("name", nameKey)
                .execute());
    }
}
