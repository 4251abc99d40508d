package kz.komek.seo;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import kz.komek.i18n.Locale;

/**
 * A video on a page, for search engines ({@code VideoObject}, Google's video rich results).
 *
 * @param thumbnailUrl required by Google: YouTube's image of the video, or our own poster ({@link #POSTER})
 * @param uploadDate ISO 8601: a date-time with its offset, or a date
 * @param contentUrl the file, for a video file
 * @param embedUrl the host's player, for a YouTube or Vimeo video
 * @param url the video on its page ({@code …/pos/video#m9001})
 */
public record VideoFacts(
        String name,
        String description,
        String thumbnailUrl,
        String uploadDate,
        Optional<Duration> duration,
        Optional<String> contentUrl,
        Optional<String> embedUrl,
        String url,
        Locale locale) {
    /** Our own poster, for videos whose host gives search engines no thumbnail we could name. */
    public static final String POSTER = "/static/video-poster.png";

    public VideoFacts {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Head.requireAbsolute(thumbnailUrl);
        Head.requireAbsolute(url);
        contentUrl.ifPresent(Head::requireAbsolute);
        embedUrl.ifPresent(Head::requireAbsolute);
        if (contentUrl.isEmpty() && embedUrl.isEmpty()) {
            throw new IllegalArgumentException("a video plays from a file or a player");
        }
    }
}
