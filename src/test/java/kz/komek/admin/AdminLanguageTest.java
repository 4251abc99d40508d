package kz.komek.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kz.komek.i18n.Locale;
import org.assertj.core.api.SoftAssertions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * After a day's work ({@link AdminScene}: revisions with komek's own notes, diffs, every kind of audit row, an import
 * with its notes), every admin page in Russian and in Kazakh says what komek itself wrote in that language: no raw
 * key ({@code meta_title}, {@code locales.ru.title}, {@code question.save_draft}, {@code QUESTION_UPDATED}) and none
 * of the English words komek's records used to show. What people wrote or a file brought (titles, notes, the file's
 * own field names, marked {@code translate="no"}) is theirs and not looked at.
 */
class AdminLanguageTest {
    /** Keys and codes as komek stores them; the span classes editors type in answers are markup, not keys. */
    private static final List<Pattern> RAW = List.of(
            Pattern.compile("(?<![\\w-])(?!desktop_only\\b|mobile_only\\b)[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\\w-])"),
            Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b"),
            Pattern.compile("\\blocales\\.[a-z]+(?:\\.[a-z_]+)?\\b"),
            Pattern.compile("\\b(?:question|section|user|token|session|bundle|lexicon|reader_phrase)\\.[a-z_]+\\b"));

    /**
     * English that komek's records, notes and reports put on admin pages before they were said in the admin's
     * language (revision notes, import notes, lint, the audit log's keys and values, vote counts, placeholders).
     */
    private static final List<String> ENGLISH = List.of(
            "the",
            "and",
            "with",
            "for",
            "is",
            "not",
            "has",
            "no",
            "of",
            "its",
            "at",
            "removed",
            "kept",
            "unknown",
            "fields",
            "live text",
            "placed",
            "position",
            "pinned",
            "restored",
            "revision",
            "cross-listed",
            "moved",
            "published",
            "publication",
            "draft",
            "scheduled",
            "question",
            "section",
            "locale",
            "title",
            "status",
            "true",
            "false",
            "up",
            "down",
            "ratio",
            "none",
            "macro",
            "variant",
            "missing",
            "translation",
            "answer",
            "user",
            "token",
            "session",
            "bundle",
            "role",
            "disabled",
            "label",
            "address",
            "order",
            "path",
            "site",
            "file",
            "notes",
            "votes",
            "keep",
            "replace",
            "add",
            "publisher",
            "editor",
            "viewer",
            "admin",
            "meta",
            "description",
            "import script",
            "id",
            "sections",
            "questions",
            "sites",
            "created",
            "updated",
            "unchanged",
            "changed",
            "payload",
            "sanitized",
            "phrasings",
            "copy",
            "word_pair");

    private static final Pattern ENGLISH_WORD = Pattern.compile("(?i)(?<![\\p{L}\\d_-])("
            + String.join("|", ENGLISH.stream().map(Pattern::quote).toList()) + ")(?![\\p{L}\\d_-])");

    private static AdminScene scene;

    @BeforeAll
    static void work() {
        scene = AdminScene.build();
    }

    @AfterAll
    static void close() {
        if (scene != null) {
            scene.close();
        }
    }

    @Test
    void everyAdminPageSaysKomeksOwnRecordsInItsLanguage() throws Exception {
        var soft = new SoftAssertions();
        for (Locale locale : Locale.values()) {
            Map<String, String> pages = new LinkedHashMap<>();
            for (var page : scene.pages()) {
                String url = lang(page.path(), locale);
                var r = page.name().equals("login")
                        ? scene.http().get(url)
                        : scene.http().withSession(url, scene.session());
                soft.assertThat(r.statusCode()).as(url).isEqualTo(200);
                pages.put(url, r.body());
            }
            String all = lang(
                    "/admin/questions/" + AdminScene.QUESTION + "/diff?from=1&to=" + scene.latestRevision(), locale);
            pages.put(all, scene.http().withSession(all, scene.session()).body());
            pages.put("the import's report (" + locale + ")", scene.importReport(locale));
            try (var job = scene.holdJob()) {
                String url = lang(job.path(), locale);
                pages.put(
                        url + " (running)",
                        scene.http().withSession(url, scene.session()).body());
                job.close();
                pages.put(url + " (done)", finished(url).body());
            }
            pages.forEach((name, html) -> check(soft, name, locale, html));
        }
        soft.assertAll();
    }

    /** The scene makes the notes komek knows: none is left in English for the page to show as such. */
    @Test
    void theImportsNotesAreAllRecognised() {
        for (Locale locale : Locale.values()) {
            Document report = Jsoup.parse(scene.importReport(locale));
            assertThat(report.select(".transfer-notes li")).hasSizeGreaterThanOrEqualTo(8);
            assertThat(report.select(".transfer-technical")).isEmpty();
        }
    }

    private static void check(SoftAssertions soft, String page, Locale locale, String html) {
        Document doc = Jsoup.parse(html);
        soft.assertThat(doc.selectFirst("html").attr("lang"))
                .as(page)
                .startsWith(locale.htmlLang().substring(0, 2));
        String text = visible(doc);
        for (Pattern raw : RAW) {
            soft.assertThat(found(raw, text))
                    .as("raw keys on " + page + " in " + locale)
                    .isEmpty();
        }
        soft.assertThat(found(ENGLISH_WORD, text))
                .as("English on " + page + " in " + locale)
                .isEmpty();
    }

    /**
     * What a person sees and hears on the page: its text, the accessible names and placeholders; without form
     * values, previews and what is marked as not to be translated (people's and files' own words).
     */
    private static String visible(Document page) {
        page.select("head, script, style, template, [hidden], textarea, iframe, [translate=no]")
                .remove();
        var parts = new ArrayList<String>();
        parts.add(page.body().text());
        parts.addAll(page.select("[aria-label]").eachAttr("aria-label"));
        parts.addAll(page.select("[placeholder]").eachAttr("placeholder"));
        parts.addAll(page.select("[title]").eachAttr("title"));
        return String.join(" ", parts);
    }

    private static List<String> found(Pattern p, String text) {
        var m = p.matcher(text);
        var out = new ArrayList<String>();
        while (m.find()) {
            int from = Math.max(0, m.start() - 40);
            int to = Math.min(text.length(), m.end() + 40);
            out.add(m.group() + "  in  …" + text.substring(from, to) + "…");
        }
        return out;
    }

    private static String lang(String path, Locale locale) {
        String base = path.replaceAll("[?&]lang=[a-z]+", "");
        return base + (base.contains("?") ? "&" : "?") + "lang=" + locale.code();
    }

    /** The job page once the job no longer runs (at most 30 s). */
    private static HttpResponse<String> finished(String job) throws InterruptedException {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (true) {
            var r = scene.http().withSession(job, scene.session());
            if (Jsoup.parse(r.body()).select(".transfer-progress").isEmpty()) {
                return r;
            }
            assertThat(System.nanoTime()).as("the job ends").isLessThan(until);
            Thread.sleep(100);
        }
    }
}
