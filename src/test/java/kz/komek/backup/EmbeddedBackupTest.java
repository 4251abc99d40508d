package kz.komek.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kz.komek.App;
import kz.komek.Config;
import kz.komek.bundle.BundleJson;
import kz.komek.cli.Cli;
import kz.komek.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default setup, the embedded PostgreSQL under {@code --data}, where komek works as a role that owns its schema
 * and nothing else (no superuser): a backup beside the running server, a restore into a new data directory, and no
 * restore into a data directory a server holds.
 */
class EmbeddedBackupTest {
    @TempDir
    Path served;

    @TempDir
    Path fresh;

    @TempDir
    Path files;

    private record Run(int code, String out, String err) {}

    private static Run cli(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void backsUpBesideTheServerAndRestoresIntoANewDataDirectory() throws Exception {
        Path file = files.resolve("site.zip");
        Path before = files.resolve("before.json");
        try (App app = App.create(Config.forTests(served)).start()) {
            app.bundles()
                    .importBundle(new BundleJson().read(TestApp.resource("/fixtures/mini.bundle.json")), List.of());
            var backup = cli("backup", file.toString(), "--data", served.toString());
            assertThat(backup.code()).as(backup.err()).isZero();
            assertThat(cli("export", before.toString(), "--data", served.toString())
                            .code())
                    .isZero();

            // the served directory is not a restore's to write into, even when it would be empty
            var refused = cli("restore", file.toString(), "--data", served.toString());
            assertThat(refused.code()).isEqualTo(Cli.STORAGE);
            assertThat(refused.err()).contains("is serving " + served.toAbsolutePath());
        }

        var restore = cli("restore", file.toString(), "--data", fresh.toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        Path after = files.resolve("after.json");
        assertThat(cli("export", after.toString(), "--data", fresh.toString()).code())
                .isZero();
        assertThat(Files.readString(after)).isEqualTo(Files.readString(before)).contains("\"id\" : 456");
    }
}
