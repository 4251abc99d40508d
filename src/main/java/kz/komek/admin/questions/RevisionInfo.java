package kz.komek.admin.questions;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a question's history: its number, who wrote it and when, its note, when it was first made public
 * (empty: never) and whether readers see it now. {@code authorId} is empty for komek itself (the live text it
 * took over from an import).
 */
public record RevisionInfo(
        int revision,
        Optional<Long> authorId,
        String authorName,
        Instant createdAt,
        Optional<String> note,
        Optional<Instant> publishedAt,
        boolean live) {
    public RevisionInfo {
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(authorName, "authorName");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(publishedAt, "publishedAt");
        if (revision < 1) {
            throw new IllegalArgumentException("a stored revision is ≥ 1, was " + revision);
        }
    }
}
