package kz.komek.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;
import kz.komek.bundle.HeapBudget;
import kz.komek.search.SearchEval;
import kz.komek.search.SentenceEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "search-eval",
        mixinStandardHelpOptions = true,
        description = "Import a bundle into a throw-away index, run the queries, print MRR@10 and Recall@5 per kind "
                + "beside a baseline (StandardAnalyzer, no tolerance) measured in the same run.")
final class SearchEvalCommand implements Callable<Integer> {
    @Mixin
    Console console;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "A komek-bundle/1 file.")
    Path bundle;

    @Parameters(
            index = "1",
            paramLabel = "QUERIES",
            description = "JSON lines: {\"q\", \"locale\", \"relevant\": [ids], \"kind\", \"site\"}.")
    Path queries;

    @Option(names = "--misses", description = "Also list the queries whose first relevant answer was not first.")
    boolean misses;

    @Option(
            names = "--without",
            split = ",",
            paramLabel = "PART",
            description = "Leave parts of search out, to see what each contributes: ${COMPLETION-CANDIDATES}.")
    java.util.Set<SearchEval.Part> without = java.util.EnumSet.noneOf(SearchEval.Part.class);

    @Option(
            names = "--embedding-model",
            paramLabel = "DIR",
            description = "A sentence-embedding model (model.onnx, tokenizer.json): search by meaning too.")
    Path embeddingModel;

    @Override
    public Integer call() throws Exception {
        long size = ImportCommand.size(bundle, 1L << 30);
        var b = ImportCommand.read(bundle, size, "client", HeapBudget.ofThisJvm(size))
                .bundle();
        var q = SearchEval.parseQueries(Files.readAllLines(queries));
        SearchEval.Report report;
        try (var encoder = embeddingModel == null ? null : SentenceEncoder.load(embeddingModel)) {
            report = SearchEval.run(b, q, LocalDateTime.now(), without, java.util.Optional.ofNullable(encoder));
        }
        var out = console.out();
        SearchEval.print(report, out);
        if (misses) {
            report.misses().forEach(out::println);
        }
        out.flush();
        return 0;
    }
}
