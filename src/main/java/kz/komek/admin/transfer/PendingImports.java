package kz.komek.admin.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.komek.bundle.VotePolicy;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Uploads waiting to be applied ({@code pending_import}, V7): in PostgreSQL, so any node can apply them. */
final class PendingImports {
    /** An upload not applied within this time is gone. */
    static final Duration KEPT = Duration.ofHours(1);

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Jdbi jdbi;
    private final SecureRandom random = new SecureRandom();

    PendingImports(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    record Pending(
            String id, long createdBy, String fileName, String site, VotePolicy votes, byte[] sha256, byte[] body) {}

    /**
     * Keeps an upload (spooled to {@code body}), with the vote policy its dry run used, for its uploader; returns its
     * id. Purges first.
     */
    String save(long userId, String fileName, String site, VotePolicy votes, byte[] sha256, Path body)
            throws IOException {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbi.useTransaction(h -> {
            purge(h);
            // streamed from the file: the upload is not held in memory a second time
            try (InputStream in = Files.newInputStream(body)) {
                h.createUpdate("""
                                insert into pending_import (id, created_by, file_name, site, votes, sha256, body)
                                values (:id, :user, :file, :site, :votes, :sha, :body)
                                """)
                        .bind("id", id)
                        .bind("user", userId)
                        .bind("file", fileName)
                        .bind("site", site)
                        .bind("votes", votes.code())
                        .bind("sha", sha256)
                        .bindBinaryStream("body", in, Math.toIntExact(Files.size(body)))
                        .execute();
            }
        });
        return id;
    }

    /** The upload with this id if {@code userId} made it and it is not over; empty otherwise (whoever asks). */
    Optional<Pending> find(String id, long userId) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, created_by, file_name, site, votes, sha256, body from pending_import
                        where id = :id and created_by = :user and created_at > now() - :kept
                        """)
                .bind("id", id)
                .bind("user", userId)
                .bind("kept", KEPT)
                .map((rs, ctx) -> new Pending(
                        rs.getString("id"),
                        rs.getLong("created_by"),
                        rs.getString("file_name"),
                        rs.getString("site"),
                        VotePolicy.parse(rs.getString("votes")),
                        rs.getBytes("sha256"),
                        rs.getBytes("body")))
                .findOne());
    }

    /** Removes an applied upload, in the import's transaction. */
    void delete(Handle h, String id) {
        h.createUpdate("delete from pending_import where id = :id")
                .bind("id", id)
                .execute();
    }

    private static void purge(Handle h) {
        h.createUpdate("delete from pending_import where created_at < now() - :kept")
                .bind("kept", KEPT)
                .execute();
    }
}
