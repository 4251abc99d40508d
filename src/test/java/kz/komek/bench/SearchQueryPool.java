package kz.komek.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import kz.komek.bundle.Bundle;
import kz.komek.bundle.BundleJson;

/**
 * Writes the query pools of {@code scripts/bench-search.sh} for wrk ({@code scripts/wrk-search.lua}): one request
 * path per line, URL-encoded. Searches are made from the bundle's titles in every kind of {@link SearchBenchmark}
 * (as typed, word forms, typos, wrong layout, Latin letters, prefixes) plus long questions (a title inside a
 * chat-like sentence); suggestions are what a reader types on the way to a title, a prefix per keystroke from
 * two letters on. Run: {@code SearchQueryPool BUNDLE OUT_DIR SEARCHES}.
 */
public final class SearchQueryPool {
    private static final String[] OPENINGS = {
        "здравствуйте, подскажите пожалуйста",
        "добрый день, у меня вопрос:",
        "сәлеметсіз бе, айтыңызшы",
        "помогите,",
        "не могу понять"
    };
    private static final String[] CLOSINGS = {"что делать?", "спасибо", "рахмет", "заранее спасибо", ""};

    public static void main(String[] args) throws Exception {
        Bundle bundle = new BundleJson().read(Files.readString(Path.of(args[0])));
        Path out = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        var random = new Random(7);
        var searches = new LinkedHashSet<String>();
        var suggestions = new LinkedHashSet<String>();
        // a second pool of other queries for the runs where every query is new: none was asked (and cached) before
        var fresh = new LinkedHashSet<String>();
        var freshSuggestions = new LinkedHashSet<String>();
        int made = 0;
        for (var q : SearchBenchmark.mixedQueries(bundle, 2 * n, random)) {
            boolean other = made++ % 2 == 1;
            String text = q.kind().equals("keyword") && random.nextInt(6) == 0
                    ? OPENINGS[random.nextInt(OPENINGS.length)] + " " + q.text() + " "
                            + CLOSINGS[random.nextInt(CLOSINGS.length)]
                    : q.text();
            (other ? fresh : searches)
                    .add(path("search", text.strip(), q.site(), q.locale().code(), 10));
            var typed = other ? freshSuggestions : suggestions;
            if (typed.size() < n) {
                String t = q.text();
                for (int i = 2; i <= Math.min(t.length(), 24); i++) {
                    typed.add(path(
                            "suggest", t.substring(0, i), q.site(), q.locale().code(), 8));
                }
            }
        }
        fresh.removeAll(searches);
        freshSuggestions.removeAll(suggestions);
        write(out.resolve("searches.txt"), searches, n);
        write(out.resolve("searches-new.txt"), fresh, n);
        write(out.resolve("suggestions.txt"), suggestions, n);
        write(out.resolve("suggestions-new.txt"), freshSuggestions, n);
        System.out.printf(
                "query pools: %d + %d searches, %d + %d suggestions in %s%n",
                Math.min(n, searches.size()),
                Math.min(n, fresh.size()),
                Math.min(n, suggestions.size()),
                Math.min(n, freshSuggestions.size()),
                out);
    }

    private static void write(Path file, java.util.Collection<String> lines, int n) throws java.io.IOException {
        List<String> all = new ArrayList<>(lines);
        Files.write(file, all.subList(0, Math.min(n, all.size())));
    }

    private static String path(String api, String q, String site, String locale, int limit) {
        return "/api/v1/" + api + "?site=" + site + "&locale=" + locale + "&limit=" + limit + "&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
