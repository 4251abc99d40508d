package kz.komek.catalog;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * A video as its section's page shows it ({@code tag/videos.jte}): a poster of our own that frames the host's
 * player only once the reader clicks it (decision 0036), or the browser's own player for a file.
 *
 * @param durationShown the length in the page's language ({@code 2 мин 31 с})
 */
public record VideoItem(
        long id,
        String title,
        VideoSource source,
        Optional<String> description,
        Optional<Duration> duration,
        Optional<String> durationShown,
        Optional<LocalDate> updated,
        Optional<LocalDateTime> published) {

    /** The anchor of the video on its section's page: {@code m9001}. */
    public String anchor() {
        return Material.anchor(id);
    }

    /** A YouTube or Vimeo video, framed after a click; else a file for {@code <video>}. */
    public boolean hosted() {
        return !source.isFile();
    }

    /** The player's address the script frames after the click (YouTube without cookies, Vimeo with dnt=1). */
    public String playerUrl() {
        return source.clickToLoadUrl().orElse("");
    }

    /** Where the poster leads without scripts: the video's page at its host. */
    public String watchUrl() {
        return source.watchUrl();
    }

    /** Who plays it: YouTube or Vimeo (named on the poster, so a reader knows whose page they ask for). */
    public String hostName() {
        return source.host() == VideoSource.Host.VIMEO ? "Vimeo" : "YouTube";
    }

    public String fileUrl() {
        return source.fileUrl().orElse("");
    }

    public String fileType() {
        return source.fileType().orElse("");
    }

    /** ISO 8601 for {@code <time datetime>}: {@code PT2M31S}. */
    public Optional<String> durationIso() {
        return duration.map(Duration::toString);
    }
}
