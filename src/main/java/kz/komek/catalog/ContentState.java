package kz.komek.catalog;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The state of the content as pages and sitemaps show it: a new version on every write (from any process), a new
 * {@code nextPublication} once a scheduled question comes due. Caches key on it, so nothing has to be invalidated.
 */
public record ContentState(long version, Optional<LocalDateTime> nextPublication) {}
