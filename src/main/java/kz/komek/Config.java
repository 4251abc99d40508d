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
 * @param operations the drain on SIGTERM and who may read {@code /metrics} (decision 0041)
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
        Branding branding,
        Operations operations) {

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
                Branding.DEFAULT,
                Operations.DEFAULTS);
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
                branding,
                operations);
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
                branding,
                operations);
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
                branding,
                operations);
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
                branding,
                operations);
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
                branding,
                operations);
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
                branding,
                operations);
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
                b,
                operations);
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
                branding,
                operations);
    }

    public Config withOperations(Operations o) {
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
                branding,
                o);
    }

    /**
     * What a load balancer and an on-call engineer need of a node (decision 0041).
     *
     * @param drainDelay after SIGTERM, how long the node goes on serving while {@code /health/ready} says 503, before
     *     it stops accepting connections: time for a load balancer's checks to notice
     * @param drainTimeout how long requests in flight then have to finish before the rest is closed
     * @param metrics who may read {@code /metrics}
     */
    /**
     * How a node serves among others: its drain on SIGTERM, its metrics, and its share of the database's connections.
     *
     * @param dbPool connections in this node's pool (plus one for LISTEN and one for the readiness probe): all nodes
     *     together must stay under the server's {@code max_connections}
     * @param analyticsRetention days raw analytics events and readers' words are kept (decision 0046)
     */
    public record Operations(
            Duration drainDelay, Duration drainTimeout, Metrics metrics, int dbPool, int analyticsRetention) {
        public static final int DEFAULT_DB_POOL = 16;
        public static final int DEFAULT_ANALYTICS_RETENTION = 90;
        public static final int MIN_ANALYTICS_RETENTION = 7;
        public static final int MAX_ANALYTICS_RETENTION = 3650;
        public static final Operations DEFAULTS =
                new Operations(Duration.ZERO, Duration.ofSeconds(10), Metrics.NONE, DEFAULT_DB_POOL);

        /** With the default analytics retention. */
        public Operations(Duration drainDelay, Duration drainTimeout, Metrics metrics, int dbPool) {
            this(drainDelay, drainTimeout, metrics, dbPool, DEFAULT_ANALYTICS_RETENTION);
        }

        public Operations {
            if (drainDelay.isNegative() || drainDelay.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("--drain-delay must be 0 to 5 minutes, was " + drainDelay);
            }
            if (drainTimeout.isNegative() || drainTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("--drain-timeout must be 0 to 10 minutes, was " + drainTimeout);
            }
            if (dbPool < 2 || dbPool > 500) {
                throw new IllegalArgumentException("--db-pool must be 2 to 500 connections, was " + dbPool);
            }
            if (analyticsRetention < MIN_ANALYTICS_RETENTION || analyticsRetention > MAX_ANALYTICS_RETENTION) {
                throw new IllegalArgumentException("--analytics-retention must be " + MIN_ANALYTICS_RETENTION + " to "
                        + MAX_ANALYTICS_RETENTION + " days, was " + analyticsRetention);
            }
        }

        public Operations withDrain(Duration delay, Duration timeout) {
            return new Operations(delay, timeout, metrics, dbPool, analyticsRetention);
        }

        public Operations withMetrics(Metrics m) {
            return new Operations(drainDelay, drainTimeout, m, dbPool, analyticsRetention);
        }

        public Operations withAnalyticsRetention(int days) {
            return new Operations(drainDelay, drainTimeout, metrics, dbPool, days);
        }
    }

    /**
     * Who may read {@code /metrics}: nobody by default (it tells an attacker what is busy and what fails).
     *
     * @param port a listener of its own serving only {@code /metrics} (0: any free port); empty: none
     * @param bind the address that listener binds, the loopback unless told otherwise
     * @param token opens {@code /metrics} on the main port to {@code Authorization: Bearer TOKEN}; empty: not there
     */
    public record Metrics(Optional<Integer> port, String bind, Optional<String> token) {
        public static final String LOOPBACK = "127.0.0.1";
        public static final int MIN_TOKEN = 16;
        public static final Metrics NONE = new Metrics(Optional.empty(), LOOPBACK, Optional.empty());

        public Metrics {
            port.ifPresent(p -> {
                if (p < 0 || p > 65535) {
                    throw new IllegalArgumentException("--metrics-port must be 0..65535, was " + p);
                }
            });
            if (!bind.matches("[A-Za-z0-9.:%\\[\\]-]{1,253}")) {
                throw new IllegalArgumentException(
                        "--metrics-bind must be an address or host name such as 127.0.0.1, was \""
                                + kz.komek.i18n.Excerpt.of(bind, 60) + "\"");
            }
            token.ifPresent(t -> {
                // never quoted back: it is a secret, even a bad one
                if (t.length() < MIN_TOKEN || t.length() > 256) {
                    throw new IllegalArgumentException("--metrics-token must be " + MIN_TOKEN
                            + " to 256 characters long, was " + t.length()
                            + " (make one with: openssl rand -hex 32)");
                }
                if (!t.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                    throw new IllegalArgumentException(
                            "--metrics-token must be printable ASCII without spaces (e.g. openssl rand -hex 32)");
                }
            });
        }

        public boolean served() {
            return port.isPresent() || token.isPresent();
        }

        public Metrics withPort(int p) {
            return new Metrics(Optional.of(p), bind, token);
        }

        public Metrics withToken(String t) {
            return new Metrics(port, bind, Optional.of(t));
        }

        @Override
        public String toString() {
            return "Metrics[port=" + port + ", bind=" + bind + ", token=" + (token.isPresent() ? "***" : "none") + "]";
        }
    }

    /**
     * Readers' votes and page views.
     *
     * @param votesPerMinute votes one client address may cast per minute; 0 turns the limit off
     * @param trustProxy the server is behind a proxy that appends the client's address to {@code X-Forwarded-For};
     *     without it that header is ignored (anyone can send it)
     * @param viewFlush how often counted page views are written to the database
     * @param topListTtl how long a product's top questions are kept before they are ranked again
     * @param messagesPerMinute hand-off messages (form and suggest API) a client may send a minute; 0 = no limit
     */
    public record Feedback(
            int votesPerMinute, boolean trustProxy, Duration viewFlush, Duration topListTtl, int messagesPerMinute) {
        public static final int DEFAULT_VOTES_PER_MINUTE = 30;
        /** A reader types a few messages a minute; a chat bot behind one address needs more (or 0 and its own). */
        public static final int DEFAULT_MESSAGES_PER_MINUTE = 20;

        public static final Feedback DEFAULTS = new Feedback(
                DEFAULT_VOTES_PER_MINUTE,
                false,
                Duration.ofSeconds(5),
                Duration.ofSeconds(60),
                DEFAULT_MESSAGES_PER_MINUTE);

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
            if (messagesPerMinute < 0 || messagesPerMinute > 100_000) {
                throw new IllegalArgumentException(
                        "--message-limit must be 0 (no limit) to 100000 messages a minute, was " + messagesPerMinute);
            }
        }

        public boolean voteLimited() {
            return votesPerMinute > 0;
        }

        public Feedback withVotesPerMinute(int n) {
            return new Feedback(n, trustProxy, viewFlush, topListTtl, messagesPerMinute);
        }

        public Feedback withTrustProxy(boolean trust) {
            return new Feedback(votesPerMinute, trust, viewFlush, topListTtl, messagesPerMinute);
        }

        public Feedback withViewFlush(Duration every) {
            return new Feedback(votesPerMinute, trustProxy, every, topListTtl, messagesPerMinute);
        }

        public Feedback withTopListTtl(Duration ttl) {
            return new Feedback(votesPerMinute, trustProxy, viewFlush, ttl, messagesPerMinute);
        }

        public Feedback withMessagesPerMinute(int n) {
            return new Feedback(votesPerMinute, trustProxy, viewFlush, topListTtl, n);
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
