package kz.komek.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a video plays: a YouTube or Vimeo page (played in their player, framed only after the reader asks for it:
 * decision 0036) or a media file (played by the browser's own {@code <video>}). Read from a material's https URL;
 * any other URL is no video.
 *
 * @param id the video's id at YouTube or Vimeo; the URL itself for a file
 */
public record VideoSource(Host host, String url, String id) {
    public enum Host {
        YOUTUBE,
        VIMEO,
        FILE
    }

    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Pattern VIMEO_ID = Pattern.compile("[0-9]{1,15}");
    /** Files browsers play themselves, by extension, with the type a {@code <source>} names. */
    private static final Map<String, String> FILE_TYPES = Map.of(
            "mp4", "video/mp4", "m4v", "video/mp4", "webm", "video/webm", "ogv", "video/ogg", "ogg", "video/ogg");

    public VideoSource {
        if (!url.startsWith("https://")) {
            throw new IllegalArgumentException("a video plays from an https URL, not " + url);
        }
        if (host != Host.FILE
                && !(host == Host.YOUTUBE ? YOUTUBE_ID : VIMEO_ID).matcher(id).matches()) {
            throw new IllegalArgumentException("not a " + host + " video id: " + id);
        }
    }

    /** The video {@code url} names, if it names one: a YouTube or Vimeo page, or a file a browser plays. */
    public static Optional<VideoSource> of(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getPath() == null ? "" : uri.getPath();
        Optional<String> id = Optional.empty();
        switch (host) {
            case "youtube.com", "www.youtube.com", "m.youtube.com" -> {
                if (path.equals("/watch")) {
                    id = query(uri, "v");
                } else if (path.startsWith("/embed/") || path.startsWith("/shorts/")) {
                    id = Optional.of(path.substring(path.indexOf('/', 1) + 1));
                }
                return id.filter(i -> YOUTUBE_ID.matcher(i).matches()).map(i -> new VideoSource(Host.YOUTUBE, url, i));
            }
            case "youtu.be" -> {
                return Optional.of(path.length() > 1 ? path.substring(1) : "")
                        .filter(i -> YOUTUBE_ID.matcher(i).matches())
                        .map(i -> new VideoSource(Host.YOUTUBE, url, i));
            }
            case "youtube-nocookie.com", "www.youtube-nocookie.com" -> {
                return Optional.of(path.startsWith("/embed/") ? path.substring(7) : "")
                        .filter(i -> YOUTUBE_ID.matcher(i).matches())
                        .map(i -> new VideoSource(Host.YOUTUBE, url, i));
            }
            case "vimeo.com", "www.vimeo.com" -> {
                return Optional.of(path.length() > 1 ? path.substring(1) : "")
                        .filter(i -> VIMEO_ID.matcher(i).matches())
                        .map(i -> new VideoSource(Host.VIMEO, url, i));
            }
            case "player.vimeo.com" -> {
                return Optional.of(path.startsWith("/video/") ? path.substring(7) : "")
                        .filter(i -> VIMEO_ID.matcher(i).matches())
                        .map(i -> new VideoSource(Host.VIMEO, url, i));
            }
            default -> {
                return fileType(path).map(t -> new VideoSource(Host.FILE, url, url));
            }
        }
    }

    /** Why {@code url} is no video a page can play, if it is not. */
    public static Optional<String> problem(String url) {
        return of(url).isPresent()
                ? Optional.empty()
                : Optional.of("expected an https link to a YouTube or Vimeo video (youtube.com/watch?v=…, youtu.be/…,"
                        + " youtube.com/embed/…, vimeo.com/…) or to a video file (.mp4, .webm, .ogg), found \""
                        + (url.length() > 120 ? url.substring(0, 120) + "…" : url) + "\"");
    }

    private static Optional<String> query(URI uri, String name) {
        String q = uri.getRawQuery();
        if (q == null) {
            return Optional.empty();
        }
        for (String pair : q.split("&")) {
            if (pair.startsWith(name + "=")) {
                return Optional.of(pair.substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fileType(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0
                ? Optional.empty()
                : Optional.ofNullable(FILE_TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    public boolean isFile() {
        return host == Host.FILE;
    }

    /**
     * The player framed once the reader clicks: YouTube's privacy-enhanced host and Vimeo with "do not track", so
     * that even then no cookie is set before the video plays. Empty for a file.
     */
    public Optional<String> clickToLoadUrl() {
        return switch (host) {
            case YOUTUBE -> Optional.of("https://www.youtube-nocookie.com/embed/" + id + "?autoplay=1");
            case VIMEO -> Optional.of("https://player.vimeo.com/video/" + id + "?dnt=1&autoplay=1");
            case FILE -> Optional.empty();
        };
    }

    /** The video's own page at its host, where a reader without scripts watches it. The file itself for a file. */
    public String watchUrl() {
        return switch (host) {
            case YOUTUBE -> "https://www.youtube.com/watch?v=" + id;
            case VIMEO -> "https://vimeo.com/" + id;
            case FILE -> url;
        };
    }

    /** The host's player, for search engines (JSON-LD {@code embedUrl}, a video sitemap's {@code player_loc}). */
    public Optional<String> playerUrl() {
        return switch (host) {
            case YOUTUBE -> Optional.of("https://www.youtube.com/embed/" + id);
            case VIMEO -> Optional.of("https://player.vimeo.com/video/" + id);
            case FILE -> Optional.empty();
        };
    }

    /** The file, for search engines (JSON-LD {@code contentUrl}, a sitemap's {@code content_loc}). */
    public Optional<String> fileUrl() {
        return isFile() ? Optional.of(url) : Optional.empty();
    }

    /**
     * YouTube's thumbnail of the video, for search engines only: pages never show it (that would be a request to
     * YouTube before the reader asked for the video).
     */
    public Optional<String> thumbnailUrl() {
        return host == Host.YOUTUBE ? Optional.of("https://i.ytimg.com/vi/" + id + "/hqdefault.jpg") : Optional.empty();
    }

    /** A file's media type ({@code video/mp4}), for its {@code <source>}. */
    public Optional<String> fileType() {
        return isFile() ? fileType(URI.create(url).getPath()) : Optional.empty();
    }
}
