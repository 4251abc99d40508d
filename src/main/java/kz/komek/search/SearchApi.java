package kz.komek.search;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.catalog.CatalogStore;
import kz.komek.catalog.Site;
import kz.komek.http.BadRequestException;
import kz.komek.http.NotFoundException;
import kz.komek.i18n.Locale;
import kz.komek.i18n.StorableText;

/** {@code GET /api/v1/search} and {@code GET /api/v1/suggest}. */
public final class SearchApi {
    private final SearchService search;
    private final SearchMisses misses;
    /**
     * The sites, read at most once a second and refreshed in the background: a search or suggestion then needs no
     * database connection at all, and a new site is searchable about as soon as its questions are indexed.
     */
    private final LoadingCache<Boolean, List<Site>> sites;

    private final Clock clock;

    public SearchApi(SearchService search, SearchMisses misses, CatalogStore catalog, Clock clock) {
        this.search = search;
        this.misses = misses;
        this.sites =
                Caffeine.newBuilder().refreshAfterWrite(Duration.ofSeconds(1)).build(any -> catalog.sites());
        this.clock = clock;
    }

    public void search(Context ctx) {
        var request = request(ctx, 10, false);
        var results = search.search(request);
        if (results.total() == 0) {
            misses.record(request);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("query", results.query());
        body.put("total", results.total());
        // as Elasticsearch says it: "gte" when more match than were counted
        body.put("total_relation", results.moreThanTotal() ? "gte" : "eq");
        body.put("results", results.hits().stream().map(SearchApi::hit).toList());
        results.understoodAs().ifPresent(u -> body.put("understood_as", u));
        results.didYouMean().ifPresent(d -> body.put("did_you_mean", d));
        ctx.json(body);
    }

    public void suggest(Context ctx) {
        var results = search.suggest(request(ctx, 8, true));
        List<Map<String, Object>> list = results.hits().stream()
                .map(h -> {
                    var m = new LinkedHashMap<String, Object>();
                    m.put("id", h.id());
                    m.put("title", h.title());
                    m.put("url", h.url());
                    m.put("locale", h.locale().code());
                    m.put("kind", h.kind());
                    return (Map<String, Object>) m;
                })
                .toList();
        ctx.json(Map.of("query", results.query(), "suggestions", list));
    }

    private static boolean known(List<Site> sites, String slug) {
        return sites.stream().anyMatch(s -> s.slug().equals(slug));
    }

    private static Map<String, Object> hit(SearchResults.Hit h) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", h.id());
        m.put("title", h.title());
        m.put("url", h.url());
        m.put("snippet", h.snippet());
        m.put("section", h.sectionPath());
        m.put("section_title", h.sectionTitle());
        m.put("locale", h.locale().code());
        m.put("other_locale", h.otherLocale());
        m.put("kind", h.kind());
        return m;
    }

    private SearchRequest request(Context ctx, int defaultLimit, boolean asYouType) {
        // a reader's stray control character (a NUL from a copied text) is dropped, not refused
        String q = Optional.ofNullable(ctx.queryParam("q"))
                .map(StorableText::withoutControls)
                .orElse(null);
        if (q == null || q.isBlank()) {
            throw new BadRequestException("q is required");
        }
        if (q.length() > SearchRequest.MAX_QUERY) {
            throw new BadRequestException("q is longer than " + SearchRequest.MAX_QUERY + " characters");
        }
        List<Site> cached = sites.get(true);
        String site = Optional.ofNullable(ctx.queryParam("site"))
                .filter(s -> !s.isBlank())
                .orElseGet(() -> cached.stream().map(Site::slug).findFirst().orElse("client"));
        // a site added within the last second is not in the cached list yet: an unknown one is looked up again
        if (!known(cached, site) && !known(sites.refresh(true).join(), site)) {
            throw new NotFoundException("no site " + site);
        }
        Optional<Locale> locale = Optional.ofNullable(ctx.queryParam("locale"))
                .filter(s -> !s.isBlank())
                .map(code -> Locale.parse(code)
                        .orElseThrow(() -> new BadRequestException("unknown locale \"" + code + "\": use ru or kz")));
        int limit = defaultLimit;
        String raw = ctx.queryParam("limit");
        if (raw != null) {
            try {
                limit = Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > SearchRequest.MAX_LIMIT) {
                throw new BadRequestException("limit must be a whole number from 1 to " + SearchRequest.MAX_LIMIT);
            }
        }
        return new SearchRequest(q, site, locale, limit, LocalDateTime.now(clock), asYouType);
    }
}
