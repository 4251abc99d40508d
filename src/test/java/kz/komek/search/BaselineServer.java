package kz.komek.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.komek.bundle.BundleJson;
import kz.komek.content.AnswerRenderer;
import kz.komek.content.ContentConfig;
import kz.komek.i18n.Locale;

/**
 * The baseline of scripts/bench-search.sh over HTTP: the same bundle in a StandardAnalyzer index, each search one
 * OR query of its words (what a general-purpose setup does out of the box, {@link SearchEval}'s baseline), behind
 * the same web server (Javalin on Jetty) at {@code /api/v1/search}, answering ids and titles as JSON. No reading
 * of the query, no typos, no snippets, no result cache: the cost floor of a search on this machine.
 *
 * <p>Run: {@code java -cp … kz.komek.search.BaselineServer BUNDLE PORT}; it prints {@code ready} when serving.
 */
public final class BaselineServer {
    private BaselineServer() {}

    public static void main(String[] args) throws Exception {
        var bundle = new BundleJson().read(Files.readString(Path.of(args[0])));
        var docs = new SearchDocuments(new AnswerRenderer(ContentConfig.defaults())).from(bundle);
        var titles = new java.util.HashMap<Long, String>();
        docs.forEach(d -> titles.putIfAbsent(d.id(), d.title()));
        var baseline = new SearchEval.Baseline(docs);
        var json = new ObjectMapper();
        var app = Javalin.create(c -> c.routes.get("/api/v1/search", ctx -> {
                    String q = Optional.ofNullable(ctx.queryParam("q")).orElse("");
                    Optional<Locale> locale = Locale.parse(
                            Optional.ofNullable(ctx.queryParam("locale")).orElse(""));
                    String site = Optional.ofNullable(ctx.queryParam("site")).orElse("client");
                    List<Long> ids = baseline.search(new SearchEval.EvalQuery(q, locale, Set.of(), "", site));
                    var results = ids.stream()
                            .limit(10)
                            .map(id -> Map.of("id", id, "title", titles.get(id)))
                            .toList();
                    var body = new LinkedHashMap<String, Object>();
                    body.put("query", q);
                    body.put("results", results);
                    ctx.contentType("application/json").result(json.writeValueAsBytes(body));
                }))
                .start("127.0.0.1", Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            baseline.close();
        }));
        System.out.println("ready: " + docs.size() + " documents");
    }
}
