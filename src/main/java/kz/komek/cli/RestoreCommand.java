package kz.komek.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import kz.komek.Config;
import kz.komek.backup.BackupException;
import kz.komek.backup.BackupFile;
import kz.komek.backup.Restore;
import kz.komek.content.ContentConfig;
import kz.komek.progress.Progress;
import kz.komek.storage.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = "Load a komek-backup/1 FILE into an empty database, all or nothing, then migrate it to this"
                + " komek's schema. A database with content is refused: restore into a new one.")
final class RestoreCommand implements Callable<Integer> {
    @Mixin
    Console console;

    @Mixin
    DbOptions db;

    @Parameters(index = "0", paramLabel = "FILE", description = "A backup written by komek backup.")
    Path file;

    @Override
    public Integer call() {
        try (BackupFile backup = BackupFile.open(file);
                Progress progress = Progress.forOperator("restore", console.err())) {
            // the whole file is checked before the database is touched
            backup.check(progress);
            Config config = db.oneOff(ContentConfig.defaults());
            // a server on this data directory would go on serving what it holds in memory
            Database.requireNotServed(config);
            try (var database = Database.openAsItIs(config, 2)) {
                Restore.Restored restored = Restore.into(database, backup, progress);
                progress.close();
                var m = restored.manifest();
                console.out()
                        .printf(
                                "restored %,d rows of %d tables from %s (backed up %s by komek %s at schema version"
                                        + " %s; schema now at version %s)%n",
                                restored.rows(),
                                m.tables().size(),
                                file,
                                m.created(),
                                m.komekVersion(),
                                m.schemaVersion(),
                                restored.schemaVersion());
                return 0;
            }
        } catch (BackupException e) {
            console.refused(file + ": " + e.getMessage());
            return console.refused("nothing was restored");
        }
    }
}
