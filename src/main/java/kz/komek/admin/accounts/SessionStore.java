package kz.komek.admin.accounts;

import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Sign-in sessions of the admin UI, in PostgreSQL so that any node serves any signed-in browser. Times are the
 * database's ({@code now()}), the one clock all nodes share.
 */
final class SessionStore {
    /** A session unused this long is over. */
    static final Duration IDLE = Duration.ofHours(8);
    /** A session is over this long after sign-in, however much it is used. */
    static final Duration LIFETIME = Duration.ofDays(7);

    private final Jdbi jdbi;

    SessionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A live session: who, and the CSRF token its state-changing requests must carry. */
    record Live(User user, String csrf) {}

    /**
     * Starts a session for a user; ends the one the browser had before (a new id at every sign-in, so an id planted
     * before sign-in is worth nothing) and sessions of anyone that are over. In the caller's transaction (sign-in
     * adds its audit row there).
     */
    void start(Handle h, Secret id, Secret csrf, long userId, Optional<Secret> previous) {
        previous.ifPresent(p -> h.createUpdate("delete from admin_session where id_hash = :hash")
                .bind("hash", p.hash())
                .execute());
        h.createUpdate("delete from admin_session where expires < now() or last_seen < now() - :idle")
                .bind("idle", IDLE)
                .execute();
        h.createUpdate("""
                            insert into admin_session (id_hash, user_id, csrf, expires)
                            values (:hash, :user, :csrf, now() + :lifetime)
                            """)
                .bind("hash", id.hash())
                .bind("user", userId)
                .bind("csrf", csrf.value())
                .bind("lifetime", LIFETIME)
                .execute();
    }

    /**
     * The session of this id if it is live: neither idle too long nor past its lifetime, its user not disabled.
     * Marks it seen, at most once a minute.
     */
    Optional<Live> live(Secret id) {
        byte[] hash = id.hash();
        return jdbi.withHandle(h -> {
            Optional<Live> live = h.createQuery("""
                            select u.id, u.name, u.role, u.created, u.disabled, s.csrf
                            from admin_session s join app_user u on u.id = s.user_id
                            where s.id_hash = :hash and s.expires > now() and s.last_seen > now() - :idle
                              and not u.disabled
                            """)
                    .bind("hash", hash)
                    .bind("idle", IDLE)
                    .map((rs, ctx) -> new Live(AccountStore.user(rs), rs.getString("csrf")))
                    .findOne();
            if (live.isPresent()) {
                h.createUpdate("""
                                update admin_session set last_seen = now()
                                where id_hash = :hash and last_seen < now() - interval '1 minute'
                                """).bind("hash", hash).execute();
            }
            return live;
        });
    }

    /** Ends one session; false when it was already over. */
    static boolean end(Handle h, Secret id) {
        return h.createUpdate("delete from admin_session where id_hash = :hash")
                        .bind("hash", id.hash())
                        .execute()
                > 0;
    }

    /** Ends every session of a user but {@code except} (the one a user changing their own password is using). */
    static void endAll(Handle h, long userId, Optional<Secret> except) {
        h.createUpdate("""
                        delete from admin_session
                        where user_id = :user and (cast(:keep as bytea) is null or id_hash <> :keep)
                        """)
                .bind("user", userId)
                .bind("keep", except.map(Secret::hash).orElse(null))
                .execute();
    }
}
