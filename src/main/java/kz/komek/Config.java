package kz.komek;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import kz.komek.brand.Branding;
import kz.komek.content.ContentConfig;

/**
 * Everything the app needs to start, read once from flags and environment variables (flags win). Tests build it
 * with {@link #forTests(Path)}.
 *
 * @param port HTTP port; 0 picks a free one
 * @param dataDir embedded PostgreSQL files and the search index live here
 * @param db an external PostgreSQL; empty means the embedded one under {@code dataDir}
 * @param baseUrl public URL for canonical links and sitemaps; empty means "from the request"
 * @param zone the help center's local time, in which publication dates are written
 * @param loadDemo load the demo content when the database is empty
 * @param refreshSeconds how often a node looks for content changed by another process (import, other nodes) while
 *     it does not hear such writes commit (see {@link #searchSyncMillis})
 * @param maxBodyBytes the largest request body accepted
 * @param content how answers render per platform (macros, app links, the app's User-Agent tokens)
 * @param synonyms an editors' synonyms file for search; empty means the built-in one
 * @param feedback votes and views: the vote rate limit, whether to trust a proxy's headers, batching
 * @param embeddingModel a sentence-embedding model's directory for semantic search (decision 0031); empty: words only
 * @param branding the operator's name, logo and icons on the readers' pages
 */
public record Config(
        int port,
        Path dataDir,
        Optional<DbUrl> db,
        Optional<String> baseUrl,
        ZoneId zone,
        boolean loadDemo,
        int refreshSeconds,
        long maxBodyBytes,
        ContentConfig content,
        Optional<Path> synonyms,
        Feedback feedback,
        Optional<Path> embeddingModel,
        Branding branding) {

    public Config {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (refreshSeconds < 1) {
            throw new IllegalArgumentException("refresh interval must be at least 1 second");
        }
        baseUrl = baseUrl.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
        baseUrl.ifPresent(u -> {
            // it starts every canonical link and sitemap URL: a typo must stop the start, not reach crawlers
            if (!u.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
                throw new IllegalArgumentException(
                        "--base-url must be an absolute http(s) URL without query, e.g. https://help.example.kz, was "
                                + u);
            }
        });
    }

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Almaty");

    /**
     * How often the search index looks for content written by any process while it does not hear writes commit
     * (LISTEN/NOTIFY, see SearchSync): well within a second.
     */
    public long searchSyncMillis() {
        return Math.max(100, refreshSeconds * 500L);
    }

    public static Config forTests(Path dataDir) {
        return new Config(
                0,
                dataDir,
                Optional.empty(),
                Optional.empty(),
                DEFAULT_ZONE,
                false,
                1,
                1 << 20,
                ContentConfig.defaults(),
                Optional.empty(),
                Feedback.DEFAULTS,
                Optional.empty(),
                Branding.DEFAULT);
    }

    public Config withDb(Optional<DbUrl> db) {
        return new Config(
                port,
                dataDir,
                db,
                baseUrl,
                zone,
                loadDemo,
                refreshSeconds,
                maxBodyBytes,
                content,
                synonyms,
                feedback,
                embeddingModel,
                branding);
    }

    public Config withSynonyms(Optional<Path> file) {
        return new Config(
                port,
                dataDir,
                db,
                baseUrl,
                zone,
                loadDemo,
                refreshSeconds,
                maxBodyBytes,
                content,
                file,
                feedback,
                embeddingModel,
                branding);
    }

    public Config withBaseUrl(Optional<String> url) {
        return new Config(
                port,
                dataDir,
                db,
                url,
                zone,
                loadDemo,
                refreshSeconds,
                maxBodyBytes,
                content,
                synonyms,
                feedback,
                embeddingModel,
                branding);
    }

    public Config withDemo(boolean demo) {
        return new Config(
                port,
                dataDir,
                db,
                baseUrl,
                zone,
                demo,
                refreshSeconds,
                maxBodyBytes,
                content,
                synonyms,
                feedback,
                embeddingModel,
                branding);
    }

    public Config withRefreshSeconds(int seconds) {
        return new Config(
                port,
                dataDir,
                db,
                baseUrl,
                zone,
                loadDemo,
                seconds,
                maxBodyBytes,
                content,
                synonyms,
                feedback,
                embeddingModel,
                branding);
    }

    public Config withFeedback(Feedback f) {
        return new Config(
                port,
                dataDir,
                db,
                baseUrl,
                zone,
                loadDemo,
                refreshSeconds,
                maxBodyBytes,
                content,
                synonyms,
                f,
                embeddingModel,
                branding);
    }

    public Config withBranding(Branding b) {
        return new Config(
                port,
                dataDir,
                db,
                baseUrl,
                zone,
                loadDemo,
                refreshSeconds,
                maxBodyBytes,
                content,
                synonyms,
                feedback,
                embeddingModel,
                b);
    }

    public Config withEmbeddingModel(Optional<Path> dir) {
        return new Config(
                port,
                dataDir,
                db,
                baseUrl,
                zone,
                loadDemo,
                refreshSeconds,
                maxBodyBytes,
                content,
                synonyms,
                feedback,
                dir,
                branding);
    }

    /**
     * Readers' votes and page views.
     *
     * @param votesPerMinute votes one client address may cast per minute; 0 turns the limit off
     * @param trustProxy the server is behind a proxy that appends the client's address to {@code X-Forwarded-For};
     *     without it that header is ignored (anyone can send it)
     * @param viewFlush how often counted page views are written to the database
     * @param topListTtl how long a product's top questions are kept before they are ranked again
     */
    public record Feedback(int votesPerMinute, boolean trustProxy, Duration viewFlush, Duration topListTtl) {
        public static final int DEFAULT_VOTES_PER_MINUTE = 30;
        public static final Feedback DEFAULTS =
                new Feedback(DEFAULT_VOTES_PER_MINUTE, false, Duration.ofSeconds(5), Duration.ofSeconds(60));

        public Feedback {
            if (votesPerMinute < 0 || votesPerMinute > 100_000) {
                throw new IllegalArgumentException(
                        "--vote-limit must be 0 (no limit) to 100000 votes a minute, was " + votesPerMinute);
            }
            if (viewFlush.compareTo(Duration.ofMillis(100)) < 0) {
                throw new IllegalArgumentException("views must be flushed at most every 100 ms, was " + viewFlush);
            }
            if (topListTtl.isNegative()) {
                throw new IllegalArgumentException("top list lifetime must not be negative, was " + topListTtl);
            }
        }

        public boolean voteLimited() {
            return votesPerMinute > 0;
        }

        public Feedback withVotesPerMinute(int n) {
            return new Feedback(n, trustProxy, viewFlush, topListTtl);
        }

        public Feedback withTrustProxy(boolean trust) {
            return new Feedback(votesPerMinute, trust, viewFlush, topListTtl);
        }

        public Feedback withViewFlush(Duration every) {
            return new Feedback(votesPerMinute, trustProxy, every, topListTtl);
        }

        public Feedback withTopListTtl(Duration ttl) {
            return new Feedback(votesPerMinute, trustProxy, viewFlush, ttl);
        }
    }

    /** An external PostgreSQL. */
    public record DbUrl(String url, String user, String password) {
        public DbUrl {
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("--db-url must start with jdbc:postgresql:, was " + url);
            }
        }

        @Override
        public String toString() {
            return "DbUrl[" + url + ", user=" + user + "]"; // never print the password
        }
    }
}
