package kz.komek.admin.accounts;

import java.security.SecureRandom;
import java.util.concurrent.Semaphore;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Passwords as argon2id hashes, with Spring Security's current defaults (16-byte salt, 32-byte hash, 16 MiB of
 * memory, 2 passes, 1 lane; see {@code docs/decisions/0012-admin-accounts-and-sessions.md}). The parameters are
 * written into each hash, so hashes made with other parameters still verify.
 *
 * <p>Each hash takes 16 MiB for some tens of milliseconds: at most as many run at once as there are processors, so a
 * burst of sign-ins waits rather than exhausting memory.
 */
final class PasswordHasher {
    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final Semaphore slots =
            new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    private volatile String dummy;

    /**
     * A hash of a password nobody knows, made once: a sign-in for a name that does not exist checks against it, so
     * it takes as long as one for a name that does.
     */
    String dummyHash(SecureRandom random) {
        String d = dummy;
        if (d == null) {
            d = hash(new Password(Secret.random(random).value()));
            dummy = d;
        }
        return d;
    }

    String hash(Password password) {
        return limited(() -> encoder.encode(password.value()));
    }

    /** Whether {@code password} is the one {@code hash} was made from; false for a hash that is no argon2 hash. */
    boolean matches(String password, String hash) {
        return limited(() -> encoder.matches(password, hash));
    }

    private <T> T limited(java.util.function.Supplier<T> work) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to hash a password", e);
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }
}
