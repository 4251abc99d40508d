package kz.komek.content;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import kz.komek.i18n.Locale;

/**
 * Renders a stored answer for one platform: exactly one of its platform variants, macros as configured, app
 * links as deep links or their web equivalents, safe HTML only. Answers are compiled once per distinct text
 * (cached), so rendering the same answer for three platforms or a thousand readers parses it once.
 */
public final class AnswerRenderer {
    private final ContentConfig config;
    private final AnswerCompiler compiler;
    /** Absent with a cache size of 0: every render compiles (benchmarks of the cold path). */
    private final Optional<Cache<String, AnswerTemplate>> compiled;

    public AnswerRenderer(ContentConfig config) {
        this(config, 20_000);
    }

    public AnswerRenderer(ContentConfig config, long cacheSize) {
        this.config = config;
        this.compiler = new AnswerCompiler(config);
        this.compiled = cacheSize > 0
                ? Optional.of(Caffeine.newBuilder().maximumSize(cacheSize).build())
                : Optional.empty();
    }

    /** The answer outside any site's pages: hand-off macros link to the configured chat itself. */
    public String render(String html, Platform platform, Locale locale) {
        return template(html).render(platform, locale, Optional.empty(), config);
    }

    private AnswerTemplate template(String html) {
        return compiled.isPresent() ? compiled.get().get(html, compiler::compile) : compiler.compile(html);
    }

    /** The answer as a reader of {@code site} sees it: its hand-off macros lead to that site's hand-off form. */
    public String render(String html, Platform platform, Locale locale, String site) {
        return template(html).render(platform, locale, Optional.of(site), config);
    }

    /**
     * The answer's text for one platform, as a reader sees it (no markup), for indexing. It does not fill the
     * cache: a rebuild reads every answer once, and would only push out the answers pages are showing.
     */
    public String text(String html, Platform platform, Locale locale) {
        AnswerTemplate template = compiled.map(c -> c.getIfPresent(html)).orElseGet(() -> compiler.compile(html));
        return PlainText.of(template.render(platform, locale, Optional.empty(), config));
    }

    public ContentConfig config() {
        return config;
    }
}
