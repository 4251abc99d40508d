package kz.komek.feedback;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
    private final Cache<Key, List<QuestionSummary>> cache;

    TopQuestions(FeedbackStore store, Duration ttl) {
        this.store = store;
        this.cache =
                Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(ttl).build();
    }

    /** @param now the help center's local time: decides what is published and which days are recent */
    List<QuestionSummary> top(List<Long> sectionIds, Locale locale, LocalDateTime now) {
        if (sectionIds.isEmpty()) {
            return List.of();
        }
        var key = new Key(locale, sectionIds.stream().sorted().distinct().toList());
        return cache.get(key, k -> rank(k, now));
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
