package kz.komek.deflection;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.komek.catalog.CatalogStore;
import kz.komek.catalog.CatalogUrls;
import kz.komek.catalog.Question;
import kz.komek.content.AnswerRenderer;
import kz.komek.content.Platform;
import kz.komek.http.BadRequestException;
import kz.komek.http.NotFoundException;
import kz.komek.i18n.Locale;
import kz.komek.i18n.StorableText;
import kz.komek.search.AnswerEvidence;
import kz.komek.search.LanguageDetector;
import kz.komek.search.SearchRequest;
import org.jdbi.v3.core.Jdbi;

/**
 * Answers a chat message before a human does: masks it, reads the question out of it, asks the search, gives each
 * question found a calibrated confidence, decides, and records the message and what comes of it (decision 0045).
 */
public final class Deflections {
    /** The start of an answer shown beside its title: two or three lines of a chat bubble. */
    static final int EXCERPT = 280;

    /** The chat phrases taken out, a question is rarely longer than this; the search reads no more. */
    static final int QUESTION_WORDS = 40;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    private final DeflectionStore store;
    private final VisitorHashes visitors;
    private final AnswerEvidence evidence;
    private final Confidence confidence;
    private final CatalogStore catalog;
    private final AnswerRenderer answers;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** No-ops until {@link #register} gives them a registry. */
    private volatile io.micrometer.core.instrument.MeterRegistry meters =
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry();

    public Deflections(
            Jdbi jdbi,
            AnswerEvidence evidence,
            Confidence confidence,
            CatalogStore catalog,
            AnswerRenderer answers,
            Clock clock) {
        this.store = new DeflectionStore(jdbi);
        this.visitors = new VisitorHashes(jdbi);
        this.evidence = evidence;
        this.confidence = confidence;
        this.catalog = catalog;
        this.answers = answers;
        this.clock = clock;
    }

    /** Counts messages by decision and channel, and outcomes, as {@code komek_deflection_*}. */
    public void register(io.micrometer.core.instrument.MeterRegistry registry) {
        this.meters = registry;
    }

    /** Suggestions for a message, without recording anything: what {@link #ask} offers, for measuring. */
    public List<Suggestion> suggest(String message, String site, Optional<Locale> locale, Platform platform) {
        return suggest(Masked.of(StorableText.withoutControls(message)), site, locale, platform);
    }

    /** Answers {@code ask}, records the masked message and what was offered, and gives the offer. */
    public Offer ask(Ask ask) {
        if (catalog.site(ask.site()).isEmpty()) {
            throw new NotFoundException("no site \"" + kz.komek.i18n.Excerpt.of(ask.site(), 64) + "\"");
        }
        Masked masked = Masked.of(StorableText.withoutControls(ask.message()).strip());
        var offered = suggest(masked, ask.site(), ask.locale(), ask.platform());
        Locale locale = ask.locale()
                .or(() -> LanguageDetector.detect(ChatWords.question(masked.withoutMasks())))
                .or(() -> offered.stream().findFirst().map(s -> localeOf(s.url())))
                .orElse(Locale.DEFAULT);
        String stored = masked.text().length() > 1000 ? masked.text().substring(0, 999) + "…" : masked.text();
        var decision = Decision.of(offered.isEmpty() ? 0 : offered.get(0).confidence());
        LocalDate day = LocalDate.now(clock);
        String id = newId();
        store.insert(
                new DeflectionStore.Row(
                        id,
                        null,
                        day,
                        ask.site(),
                        locale,
                        ask.platform(),
                        ask.channel(),
                        stored,
                        decision,
                        offered.isEmpty() ? 0 : offered.get(0).confidence(),
                        offered.stream().map(Suggestion::id).toList(),
                        offered.stream().map(Suggestion::confidence).toList(),
                        Optional.empty(),
                        Optional.empty(),
                        false),
                ask.visitor().map(v -> visitors.of(v, day)));
        return new Offer(
                id,
                ask.site(),
                locale,
                ask.platform(),
                stored,
                decision,
                offered,
                Optional.empty(),
                Optional.empty(),
                false);
    }

    /** The offer recorded under {@code id}, its questions as they read now (one unpublished since is left out). */
    public Optional<Offer> find(String id) {
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return store.find(id).map(row -> {
            var list = new ArrayList<Suggestion>();
            var now = LocalDateTime.now(clock);
            for (int i = 0; i < row.suggested().size(); i++) {
                double c = i < row.confidences().size() ? row.confidences().get(i) : 0;
                long question = row.suggested().get(i);
                catalog.question(question)
                        .flatMap(q -> suggestion(q, row.locale(), row.platform(), now, c))
                        .ifPresent(list::add);
            }
            return new Offer(
                    row.id(),
                    row.site(),
                    row.locale(),
                    row.platform(),
                    row.message(),
                    row.decision(),
                    list,
                    row.opened(),
                    row.useful(),
                    row.chat());
        });
    }

    /**
     * Records what came of the offer {@code id}: the first time each kind happens counts; a repeat changes nothing.
     * An answer opened or found useful must be one that was offered.
     */
    public Offer outcome(String id, Outcome outcome, Optional<Long> question) {
        Offer offer = find(id).orElseThrow(() -> new NotFoundException("no suggestion " + id));
        if (outcome.namesQuestion()) {
            long q = question.orElseThrow(
                    () -> new BadRequestException("\"question\" is required for the outcome " + outcome.code()));
            if (!offer.suggested(q)) {
                throw new BadRequestException("question " + q + " was not suggested for this message");
            }
        }
        if (store.outcome(id, outcome, outcome.namesQuestion() ? question : Optional.empty())) {
            meters.counter("komek.deflection.outcomes", "outcome", outcome.code())
                    .increment();
        }
        return find(id).orElseThrow();
    }

    /** What the search found for a message, with its evidence, before any confidence: what the model is fitted on. */
    public List<AnswerEvidence.Candidate> candidates(String message, String site, Optional<Locale> locale) {
        return candidates(Masked.of(StorableText.withoutControls(message)), site, locale);
    }

    private List<AnswerEvidence.Candidate> candidates(Masked masked, String site, Optional<Locale> locale) {
        String question = words(ChatWords.question(masked.withoutMasks()));
        if (question.isBlank()) {
            return List.of(); // a greeting, a thank-you, a number: nothing to search for
        }
        return evidence.find(new SearchRequest(question, site, locale, 10, LocalDateTime.now(clock), false));
    }

    private List<Suggestion> suggest(Masked masked, String site, Optional<Locale> locale, Platform platform) {
        var now = LocalDateTime.now(clock);
        var candidates = candidates(masked, site, locale);
        record Scored(AnswerEvidence.Candidate candidate, double confidence) {}
        var scored = candidates.stream()
                .map(c -> new Scored(c, confidence.of(c)))
                .sorted(Comparator.comparingDouble(Scored::confidence).reversed())
                .toList();
        var seen = new HashSet<Long>();
        var out = new ArrayList<Suggestion>(3);
        for (Scored s : scored) {
            if (out.size() == 3 || s.confidence() < Decision.OFFER_FROM) {
                break;
            }
            var hit = s.candidate().hit();
            if (!seen.add(hit.id())) {
                continue; // the same question in its other language
            }
            catalog.question(hit.id())
                    .flatMap(q -> suggestion(q, hit.locale(), platform, now, s.confidence()))
                    .ifPresent(out::add);
        }
        return out;
    }

    private Optional<Suggestion> suggestion(
            Question q, Locale locale, Platform platform, LocalDateTime now, double confidence) {
        return q.text(locale)
                .filter(t -> t.visibleAt(now))
                .map(t -> new Suggestion(
                        q.id(),
                        t.title(),
                        CatalogUrls.question(q.site(), locale, q.section().value(), q.id()),
                        excerpt(answers.text(t.content(), platform, locale)),
                        Math.round(confidence * 1000) / 1000.0));
    }

    /** The first {@link #QUESTION_WORDS} words: a long message's question is in its first sentences. */
    static String words(String text) {
        String[] words = text.split("\\s+");
        if (words.length <= QUESTION_WORDS) {
            return text.length() > SearchRequest.MAX_QUERY ? text.substring(0, SearchRequest.MAX_QUERY) : text;
        }
        String cut = String.join(" ", java.util.Arrays.copyOf(words, QUESTION_WORDS));
        return cut.length() > SearchRequest.MAX_QUERY ? cut.substring(0, SearchRequest.MAX_QUERY) : cut;
    }

    /** At most {@link #EXCERPT} characters, ended at a word and marked "…" when cut. */
    static String excerpt(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.length() <= EXCERPT) {
            return t;
        }
        int end = t.lastIndexOf(' ', EXCERPT - 1);
        return t.substring(0, end > EXCERPT / 2 ? end : EXCERPT - 1).strip() + "…";
    }

    private static Locale localeOf(String url) {
        String[] parts = url.split("/");
        return parts.length > 2 ? Locale.parse(parts[2]).orElse(Locale.DEFAULT) : Locale.DEFAULT;
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
