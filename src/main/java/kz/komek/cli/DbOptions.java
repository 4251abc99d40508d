package kz.komek.cli;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import kz.komek.Config;
import kz.komek.content.ContentConfig;
import picocli.CommandLine.Option;

/** Where the data lives; shared by every command that opens the database. Flags win over environment variables. */
final class DbOptions {
    @Option(
            names = "--data",
            defaultValue = "${env:KOMEK_DATA:-komek-data}",
            description =
                    "Directory for the embedded PostgreSQL and the search index (env KOMEK_DATA, default ${DEFAULT-VALUE}).")
    Path data;

    @Option(
            names = "--db-url",
            defaultValue = "${env:KOMEK_DB_URL}",
            description = "External PostgreSQL, jdbc:postgresql://host:port/db (env KOMEK_DB_URL); default: embedded.")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:KOMEK_DB_USER}", description = "(env KOMEK_DB_USER)")
    String dbUser;

    @Option(
            names = "--db-password",
            defaultValue = "${env:KOMEK_DB_PASSWORD}",
            description = "(env KOMEK_DB_PASSWORD; prefer the variable: flags show in process lists)")
    String dbPassword;

    @Option(
            names = "--timezone",
            defaultValue = "${env:KOMEK_TIMEZONE:-Asia/Almaty}",
            description = "Zone of publication dates (env KOMEK_TIMEZONE, default ${DEFAULT-VALUE}).")
    String timezone;

    Optional<Config.DbUrl> db() {
        if (dbUrl == null || dbUrl.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Config.DbUrl(dbUrl, dbUser == null ? "" : dbUser, dbPassword == null ? "" : dbPassword));
    }

    ZoneId zone() {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--timezone: unknown zone \"" + timezone + "\"");
        }
    }

    Config config(int port, Optional<String> baseUrl, boolean demo, int refreshSeconds, long maxBody) {
        return config(port, baseUrl, demo, refreshSeconds, maxBody, ContentConfig.defaults());
    }

    Config config(
            int port, Optional<String> baseUrl, boolean demo, int refreshSeconds, long maxBody, ContentConfig content) {
        return new Config(
                port,
                data,
                db(),
                baseUrl,
                zone(),
                demo,
                refreshSeconds,
                maxBody,
                content,
                Optional.empty(),
                Config.Feedback.DEFAULTS);
    }
}
