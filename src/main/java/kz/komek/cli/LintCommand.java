package kz.komek.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;
import kz.komek.admin.questions.Lint;
import kz.komek.admin.questions.LintApi;
import kz.komek.bundle.BundleStore;
import kz.komek.content.ContentConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "lint",
        mixinStandardHelpOptions = true,
        description = "Check the content: unknown or broken macros, missing platform variants, links to missing or "
                + "unpublished questions, empty answers, missing translations.")
final class LintCommand implements Callable<Integer> {
    /** Findings exist and --strict was given. */
    static final int FINDINGS = 4;

    @Mixin
    Console console;

    @Mixin
    DbOptions db;

    @Option(names = "--site", description = "Only this site.")
    String site;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--strict", description = "Exit with code 4 when there are findings.")
    boolean strict;

    @Option(
            names = "--content-config",
            defaultValue = "${env:KOMEK_CONTENT_CONFIG}",
            description = "The content configuration the server uses (which macros exist).")
    java.nio.file.Path contentConfig;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("--format must be text or json, was " + format);
        }
        ContentConfig content = contentConfig == null ? ContentConfig.defaults() : ContentConfig.read(contentConfig);
        var config = db.oneOff(content);
        java.util.List<Lint.Finding> findings;
        try (var database = DbOptions.open(config)) {
            findings = new Lint(content)
                    .check(new BundleStore(database.jdbi()).export(), LocalDateTime.now(config.zone())).stream()
                            .filter(f -> site == null || f.site().equals(site))
                            .toList();
        }
        var out = console.out();
        if (format.equals("json")) {
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(LintApi.body(findings)));
        } else {
            for (Lint.Finding f : findings) {
                out.println("question " + f.question() + " (" + f.site() + ", " + f.locale() + ") "
                        + f.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + f.detail());
            }
            out.println(findings.isEmpty() ? "no findings" : findings.size() + " findings");
        }
        out.flush();
        return strict && !findings.isEmpty() ? FINDINGS : 0;
    }
}
