package kz.komek.feedback;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import kz.komek.Config;
import kz.komek.catalog.CatalogStore;
import kz.komek.catalog.QuestionSummary;
import kz.komek.catalog.ReaderSignals;
import kz.komek.catalog.Visitor;
import kz.komek.catalog.VoteBox;
import kz.komek.catalog.VoteMarks;
import kz.komek.http.AgentMemo;
import kz.komek.i18n.Locale;
import kz.komek.storage.ClientAllowances;
import org.jdbi.v3.core.Jdbi;

/**
 * Readers' feedback: votes with reasons, page views, top questions. Built once by {@code App}; shows itself on the
 * catalog's pages through {@link ReaderSignals} and answers its own routes through {@link #api()} and
 * {@link #pages()}. Closing writes the views not yet written.
 */
public final class Feedback implements ReaderSignals, AutoCloseable {
    /** The visitor cookie: set by voting only, so a request without it carries no reader state. */
    public static final String VISITOR_COOKIE = VisitorCookie.NAME;

    private final FeedbackStore store;
    private final VisitorCookie cookie = new VisitorCookie();
    private final ViewCounter views;
    private final TopQuestions top;
    private final FeedbackApi api;
    private final FeedbackPages pages;
    private final VoteCounts votes;
    private final Config.Feedback config;
    private final AgentMemo<Boolean> readerAgents = new AgentMemo<>(ViewFilter::readerAgent);

    /** @param clock in the help center's zone (publication dates, the day a view counts for) */
    public Feedback(Jdbi jdbi, CatalogStore catalog, Config.Feedback config, Clock clock) {
        this(jdbi, catalog, config, clock, UsefulVotes.NONE);
    }

    /** @param useful told of each "useful" vote (search learns readers' words from it) */
    public Feedback(Jdbi jdbi, CatalogStore catalog, Config.Feedback config, Clock clock, UsefulVotes useful) {
        this.config = config;
        this.store = new FeedbackStore(jdbi, clock.getZone());
        this.views = new ViewCounter(store, clock);
        this.top = new TopQuestions(store, config.topListTtl(), clock);
        Optional<VoteLimiter> limiter = config.voteLimited()
                ? Optional.of(new VoteLimiter(config.votesPerMinute(), new ClientAllowances(jdbi)))
                : Optional.empty();
        var voting = new Voting(store, limiter, cookie, config.trustProxy(), useful);
        this.votes = voting.counts;
        this.api = new FeedbackApi(catalog, voting, clock);
        this.pages = new FeedbackPages(catalog, voting, clock);
    }

    /** Starts writing views in batches. */
    public Feedback start() {
        views.start(config.viewFlush());
        return this;
    }

    /** Publishes {@code komek.votes} and {@code komek.votes.refused} (see {@link VoteCounts}). */
    public void register(io.micrometer.core.instrument.MeterRegistry registry) {
        votes.register(registry);
    }

    public FeedbackApi api() {
        return api;
    }

    public FeedbackPages pages() {
        return pages;
    }

    /** Writes the views counted so far now, instead of at the next flush (tests); returns how many. */
    public long flushViews() {
        return views.flush();
    }

    @Override
    public VoteBox voteBox(Visitor visitor, long questionId, Locale locale, String action) {
        return new VoteBox(
                action,
                mine(visitor, questionId),
                Arrays.stream(VoteReason.values()).map(r -> r.choice(locale)).toList());
    }

    @Override
    public Optional<VoteMarks> marks(Visitor visitor) {
        if (visitor.marks().isPresent()) {
            return visitor.marks();
        }
        return visitor.id().flatMap(VisitorId::parse).map(store::marks);
    }

    @Override
    public boolean voted(Visitor visitor, long questionId) {
        return mine(visitor, questionId).isPresent();
    }

    @Override
    public void viewed(long questionId, String method, Function<String, String> header) {
        if (ViewFilter.isReader(method, header, readerAgents::test)) {
            views.record(questionId);
        }
    }

    @Override
    public List<QuestionSummary> top(List<Long> sectionIds, Locale locale, LocalDateTime now) {
        return top.top(sectionIds, locale, now);
    }

    /** No cookie, no query: most readers never voted; those who did carry their marks. */
    private Optional<Boolean> mine(Visitor visitor, long questionId) {
        if (visitor.marks().isPresent()) {
            return visitor.marks().get().of(questionId);
        }
        return visitor.id().flatMap(VisitorId::parse).flatMap(v -> store.voteOf(questionId, v));
    }

    @Override
    public void close() {
        views.close();
    }
}
