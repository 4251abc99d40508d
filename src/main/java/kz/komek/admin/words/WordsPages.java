package kz.komek.admin.words;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.komek.admin.AdminAccess;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.AdminKit;
import kz.komek.admin.AdminLocale;
import kz.komek.admin.AdminText;
import kz.komek.admin.Principal;
import kz.komek.admin.Role;
import kz.komek.admin.audit.AuditLog;
import kz.komek.catalog.CatalogStore;
import kz.komek.http.BadRequestException;
import kz.komek.i18n.Locale;
import kz.komek.search.LearnedPair;
import kz.komek.search.LexiconUpkeep;
import kz.komek.search.ReaderWords;
import kz.komek.search.SearchStore;
import kz.komek.search.WordPair;

/**
 * {@code /admin/words}: what search learned, the word pairs of its lexicon and readers' phrases, for any role to
 * read and a publisher to confirm or reject (a decision changes what readers find at once, as publishing does).
 * Forms post here and are sent back (303); every decision is in the audit log.
 */
public final class WordsPages {
    /** Rows shown of each kind. */
    static final int SHOWN = 200;

    private final AdminKit kit;
    private final LexiconUpkeep lexicon;
    private final SearchStore store;
    private final ReaderWords readers;
    private final CatalogStore catalog;
    private final AuditLog audit;

    public WordsPages(
            AdminKit kit,
            LexiconUpkeep lexicon,
            SearchStore store,
            ReaderWords readers,
            CatalogStore catalog,
            AuditLog audit) {
        this.kit = kit;
        this.lexicon = lexicon;
        this.store = store;
        this.readers = readers;
        this.catalog = catalog;
        this.audit = audit;
    }

    public void page(Context ctx) {
        Principal p = kit.access().require(ctx, Role.VIEWER);
        render(ctx, p, Optional.empty());
    }

    /** {@code POST /admin/words/pairs}: {@code ru}, {@code kz} (words or stems), {@code verdict}. */
    public void decidePair(Context ctx) {
        Principal p = kit.access().require(ctx, Role.PUBLISHER);
        Optional<Boolean> verdict = verdict(ctx);
        String ru = field(ctx, "ru");
        String kz = field(ctx, "kz");
        // a pair from the table names stems; one typed into the form names words, cut to stems here
        Optional<WordPair> pair = "stems".equals(ctx.formParam("as")) ? stems(ru, kz) : WordPair.ofWords(ru, kz);
        if (pair.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, p, Optional.of(AdminText.WORDS_BAD_PAIR.in(AdminLocale.of(ctx))));
            return;
        }
        WordPair w = pair.get();
        var by = AdminAccess.actor(ctx, p);
        store.decide(w, verdict, by.principal().name(), h -> {
            var after = JsonNodeFactory.instance.objectNode().put("ru", w.ru()).put("kz", w.kz());
            audit.append(
                    h,
                    by,
                    new AuditLog.Change(
                            "lexicon." + action(verdict),
                            "word_pair",
                            w.ru() + "|" + w.kz(),
                            Optional.empty(),
                            Optional.of(after)));
        });
        // this node at once; the others when they hear it
        lexicon.heard(0);
        back(ctx);
    }

    /** {@code POST /admin/words/phrases}: {@code question}, {@code locale}, {@code phrase}, {@code verdict}. */
    public void decidePhrase(Context ctx) {
        Principal p = kit.access().require(ctx, Role.PUBLISHER);
        Optional<Boolean> verdict = verdict(ctx);
        long id;
        try {
            id = Long.parseLong(field(ctx, "question"));
        } catch (NumberFormatException e) {
            throw new BadRequestException("question must be a question id");
        }
        Locale locale = Locale.parse(field(ctx, "locale"))
                .orElseThrow(() -> new BadRequestException("locale must be ru or kz"));
        String phrase = field(ctx, "phrase");
        if (phrase.length() > 200) {
            throw new BadRequestException("a phrase is at most 200 characters");
        }
        var by = AdminAccess.actor(ctx, p);
        readers.decide(id, locale, phrase, verdict, by.principal().name(), h -> {
            var after = JsonNodeFactory.instance
                    .objectNode()
                    .put("question", id)
                    .put("locale", locale.code())
                    .put("phrase", phrase);
            audit.append(
                    h,
                    by,
                    new AuditLog.Change(
                            "reader_phrase." + action(verdict),
                            "question",
                            Long.toString(id),
                            Optional.empty(),
                            Optional.of(after)));
        });
        back(ctx);
    }

    private static String action(Optional<Boolean> verdict) {
        return verdict.map(c -> c ? "confirm" : "reject").orElse("forget");
    }

    private static Optional<Boolean> verdict(Context ctx) {
        return switch (field(ctx, "verdict")) {
            case "confirm" -> Optional.of(true);
            case "reject" -> Optional.of(false);
            case "forget" -> Optional.empty();
            default -> throw new BadRequestException("verdict must be confirm, reject or forget");
        };
    }

    private static Optional<WordPair> stems(String ru, String kz) {
        try {
            return Optional.of(new WordPair(ru, kz));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        if (v == null || v.isBlank()) {
            throw new BadRequestException(name + " is required");
        }
        return v.strip();
    }

    private void back(Context ctx) {
        ctx.redirect(AdminFrame.withLang("/admin/words?done=1", AdminLocale.of(ctx)), HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, Principal p, Optional<String> error) {
        Locale ui = AdminLocale.of(ctx);
        var verdicts = store.verdicts();
        var pairs = new ArrayList<WordsPage.Pair>();
        var learned = new java.util.HashSet<WordPair>();
        for (LearnedPair l : lexicon.learnedPairs()) {
            var w = new WordPair(l.ru(), l.kz());
            learned.add(w);
            Boolean v = verdicts.get(w);
            pairs.add(new WordsPage.Pair(l.ru(), l.kz(), (int) Math.round(l.weight() * 100), state(v, "learned")));
        }
        verdicts.forEach((w, v) -> {
            if (!learned.contains(w)) {
                pairs.add(new WordsPage.Pair(w.ru(), w.kz(), v ? 100 : 0, state(v, "learned")));
            }
        });
        // decided first (an editor looks for what they did), then the surest
        pairs.sort(
                java.util.Comparator.comparing((WordsPage.Pair x) -> x.state().equals("learned"))
                        .thenComparing(x -> -x.surePercent())
                        .thenComparing(WordsPage.Pair::ru));
        var phrases = new ArrayList<WordsPage.Phrase>();
        for (ReaderWords.Review r : readers.review(SHOWN)) {
            String title = catalog.question(r.questionId())
                    .flatMap(q -> q.text(r.locale()).or(() -> q.text(r.locale().other())))
                    .map(t -> t.title())
                    .orElse("#" + r.questionId());
            String state =
                    r.verdict().map(v -> v ? "confirmed" : "rejected").orElse(r.inUse() ? "in_use" : "candidate");
            phrases.add(new WordsPage.Phrase(
                    r.questionId(),
                    title,
                    AdminFrame.withLang("/admin/questions/" + r.questionId(), ui),
                    r.locale().code(),
                    r.phrase(),
                    r.readers(),
                    state));
        }
        var frame = AdminFrame.of(ctx, kit.access(), p, "words", AdminText.WORDS_TITLE);
        var page = new WordsPage(
                frame,
                List.copyOf(pairs.subList(0, Math.min(SHOWN, pairs.size()))),
                phrases,
                p.may(Role.PUBLISHER),
                ReaderWords.MIN_READERS,
                ctx.queryParam("done") != null ? Optional.of(AdminText.WORDS_DONE.in(ui)) : Optional.empty(),
                error);
        kit.render(ctx, ctx.status(), "admin/words.jte", page);
    }

    private static String state(Boolean verdict, String otherwise) {
        return verdict == null ? otherwise : verdict ? "confirmed" : "rejected";
    }
}
