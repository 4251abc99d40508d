package kz.komek.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kz.komek.backup.Backup;
import kz.komek.backup.BackupException;
import kz.komek.content.ContentConfig;
import kz.komek.progress.Progress;
import kz.komek.storage.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = "Write everything komek stores (content, votes, views, users, tokens, revisions, the audit log…)"
                + " to FILE, a komek-backup/1 zip readable by its owner only, from one consistent snapshot; the"
                + " site may go on serving.")
final class BackupCommand implements Callable<Integer> {
    @Mixin
    Console console;

    @Mixin
    DbOptions db;

    @Parameters(index = "0", paramLabel = "FILE", description = "Where to write the backup (a zip).")
    Path file;

    @Option(names = "--overwrite", description = "Replace FILE if it exists (otherwise that is refused).")
    boolean overwrite;

    @Override
    public Integer call() {
        Path target = file.toAbsolutePath();
        if (!overwrite && Files.exists(target)) {
            return console.refused(target + " exists; give --overwrite to replace it");
        }
        // as it is: a backup changes nothing, not even the schema of a database an older komek left
        try (var database = Database.openAsItIs(db.oneOff(ContentConfig.defaults()), 2);
                Progress progress = Progress.forOperator("backup", console.err())) {
            Backup.Written written = Backup.write(database, target, overwrite, progress);
            progress.close();
            var m = written.manifest();
            console.out()
                    .printf(
                            "backed up %,d rows of %d tables (schema version %s) to %s, %,d bytes%n",
                            m.rows(), m.tables().size(), m.schemaVersion(), written.file(), written.bytes());
            return 0;
        } catch (BackupException e) {
            return console.refused(e.getMessage());
        }
    }
}
