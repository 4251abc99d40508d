package kz.komek.deflection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/**
 * Visitor ids as analytics keeps them: an HMAC under a salt of the day, shared by every node through the database
 * ({@code visitor_salt}). Within a day the same reader has the same hash, so distinct askers can be counted; once the
 * day's salt is deleted (when the next day's is made), nobody can tell which cookie a hash came from, nor link two
 * days of one reader.
 */
final class VisitorHashes {
    private record Salt(LocalDate day, byte[] bytes) {}

    private final Jdbi jdbi;
    private final SecureRandom random = new SecureRandom();
    private final AtomicReference<Salt> current = new AtomicReference<>();

    VisitorHashes(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** 128 bits of HMAC-SHA256 of {@code visitor} under {@code day}'s salt, in hex. */
    String of(String visitor, LocalDate day) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt(day), "HmacSHA256"));
            byte[] full = mac.doFinal(visitor.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(full, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private byte[] salt(LocalDate day) {
        Salt s = current.get();
        if (s != null && s.day().equals(day)) {
            return s.bytes();
        }
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        // the first node to need the day's salt makes it; the others read the same one
        byte[] bytes = jdbi.inTransaction(h -> {
            h.createUpdate("insert into visitor_salt (day, salt) values (:day, :salt) on conflict (day) do nothing")
                    .bind("day", day)
                    .bind("salt", fresh)
                    .execute();
            h.createUpdate("delete from visitor_salt where day < :day")
                    .bind("day", day)
                    .execute();
            return h.createQuery("select salt from visitor_salt where day = :day")
                    .bind("day", day)
                    .mapTo(byte[].class)
                    .one();
        });
        current.set(new Salt(day, bytes));
        return bytes;
    }
}
