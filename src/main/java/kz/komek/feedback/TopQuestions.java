package kz.komek.feedback;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import kz.komek.catalog.QuestionSummary;
import kz.komek.i18n.Locale;

/**
 * A product's top questions: score = (views in the last {@value #WINDOW_DAYS} days + 1) × usefulness, that is
 * roughly how many readers the answer helped lately; the +1 lets usefulness order questions nobody has opened yet.
 * An unrated answer counts as half useful. Ties go to the lower id (the older question). Lists are kept briefly:
 * they change slowly, and a product page should not rank thousands of questions per request.
 */
final class TopQuestions {
    static final int SIZE = 10;
    static final int WINDOW_DAYS = 30;

    private record Key(Locale locale, List<Long> sections) {}

    private final FeedbackStore store;
    private final Clock clock;
    private final Duration ttl;
    private final LoadingCache<Key, List<QuestionSummary>> cache;

    /**
     * A list older than {@code ttl} is still served once while it is ranked again in the background: a page
     * rendered without its cache reads no top list from the database, except the first time (issue 15). One older
     * than ten times that is ranked again before it is served.
     *
     * @param clock in the help center's zone: decides what is published and which days are recent
     */
    TopQuestions(FeedbackStore store, Duration ttl, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
        this.cache = ttl.isZero()
                ? null
                : Caffeine.newBuilder()
                        .maximumSize(1_000)
                        .refreshAfterWrite(ttl)
                        .expireAfterWrite(ttl.multipliedBy(10))
                        .build(k -> rank(k, LocalDateTime.now(clock)));
    }

    /** @param now the help center's local time: decides what is published and which days are recent */
    List<QuestionSummary> top(List<Long> sectionIds, Locale locale, LocalDateTime now) {
        if (sectionIds.isEmpty()) {
            return List.of();
        }
        var key = new Key(locale, sectionIds.stream().sorted().distinct().toList());
        return ttl.isZero() ? rank(key, now) : cache.get(key);
    }

    private List<QuestionSummary> rank(Key key, LocalDateTime now) {
        var since = now.toLocalDate().minusDays(WINDOW_DAYS - 1L);
        return store.candidates(key.sections(), key.locale(), now, since).stream()
                .sorted(Comparator.comparingDouble(TopQuestions::score)
                        .reversed()
                        .thenComparingLong(FeedbackStore.Candidate::id))
                .limit(SIZE)
                .map(c -> new QuestionSummary(c.id(), c.section(), 0, false, c.title()))
                .toList();
    }

    static double score(FeedbackStore.Candidate c) {
        return (c.views() + 1) * c.usefulness().ratioOrNeutral();
    }
}
