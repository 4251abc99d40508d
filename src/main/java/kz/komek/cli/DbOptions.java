package kz.komek.cli;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import kz.komek.Config;
import kz.komek.content.ContentConfig;
import kz.komek.storage.Database;
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

    /** The configuration of a one-off command: no HTTP port, no base URL, no demo content. */
    Config oneOff(ContentConfig content) {
        return config(0, Optional.empty(), false, 1, 0, content);
    }

    /** The database for a one-off command, migrated, with a pool of two connections. */
    Database open() {
        return open(oneOff(ContentConfig.defaults()));
    }

    static Database open(Config config) {
        return Database.open(config, 2);
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
                Config.Feedback.DEFAULTS,
                Optional.empty(),
                kz.komek.brand.Branding.DEFAULT,
                Config.Operations.DEFAULTS);
    }
}
