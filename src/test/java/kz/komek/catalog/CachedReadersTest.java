package kz.komek.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import kz.komek.testing.TestApp;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every reader is served from memory, a reader who voted too: their own vote comes from their cookie, never from the
 * database, and never reaches another reader (issue 15, decision 0035).
 */
class CachedReadersTest {
    private static final String PAGE = "/client/ru/bonus/save/general/q456";
    private static final String OTHER = "/client/ru/bonus/save/general/q462";
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    static TestApp app;

    /** Statements run by the threads that answer HTTP requests (not komek's own background threads). */
    static final List<String> requestSql = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        app = TestApp.withBundle("/fixtures/mini.bundle.json", TestApp::withMetricsPort);
        app.app().jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                String thread = Thread.currentThread().getName();
                if (!thread.startsWith("komek-") && !thread.startsWith("ForkJoinPool")) {
                    requestSql.add(thread + ": " + context.getRenderedSql());
                }
            }
        });
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @AfterEach
    void forget() {
        requestSql.clear();
    }

    private static HttpResponse<String> get(String path, String cookie) {
        var b = HttpRequest.newBuilder(URI.create(app.url(path))).header("User-Agent", BROWSER);
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return app.send(b.GET().build());
    }

    /** Votes through the page's form and returns the cookies the reader's browser keeps ("a=1; b=2"). */
    private static String vote(String path, boolean useful, String cookie) {
        var b = HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("User-Agent", BROWSER)
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        var form = useful ? Map.of("useful", "true") : Map.of("useful", "false", "reason", "unclear");
        var r = app.send(b.POST(HttpRequest.BodyPublishers.ofString(TestApp.formBody(form)))
                .build());
        assertThat(r.statusCode()).isEqualTo(303);
        return cookies(r);
    }

    private static String cookies(HttpResponse<?> r) {
        return String.join(
                "; ",
                r.headers().allValues("Set-Cookie").stream()
                        .map(c -> c.substring(0, c.indexOf(';')))
                        .toList());
    }

    private static double servedFromMemory() {
        return app.metrics()
                .lines()
                .filter(l -> l.startsWith("komek_pages_front_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aReaderWhoVotedSeesTheirVoteOnTheCachedPageAndNobodyElseDoes() {
        String voter = vote(PAGE, true, null);
        assertThat(voter).contains("komek_visitor=").contains(VoteMarks.COOKIE + "=456y");

        get(PAGE, voter); // the voter's copy is rendered once
        double before = servedFromMemory();
        var mine = get(PAGE, voter);
        assertThat(servedFromMemory()).as("served from memory").isEqualTo(before + 1);
        assertThat(mine.body()).contains("vote-thanks");
        assertThat(mine.headers().firstValue("Cache-Control")).hasValue(PageCache.PRIVATE);
        assertThat(mine.headers().firstValue("ETag")).isPresent();

        for (int i = 0; i < 2; i++) {
            var other = get(PAGE, null);
            assertThat(other.body()).doesNotContain("vote-thanks");
            assertThat(other.headers().firstValue("Cache-Control")).hasValue(PageCache.PUBLIC);
        }
        // the voter's other pages are everyone's
        var elsewhere = get(OTHER, voter);
        assertThat(elsewhere.body()).doesNotContain("vote-thanks");
        assertThat(elsewhere.headers().firstValue("Cache-Control")).hasValue(PageCache.PUBLIC);

        // a changed vote changes the mark, and the page
        String changed = vote(PAGE, false, voter);
        assertThat(changed).contains(VoteMarks.COOKIE + "=456n");
        String now = voter.replaceAll(VoteMarks.COOKIE + "=[^;]*", VoteMarks.COOKIE + "=456n");
        assertThat(get(PAGE, now).body()).contains("vote-thanks");
    }

    @Test
    void noSqlOnACachedOrAVotersPage() {
        String voter = vote(OTHER, true, null);
        get(PAGE, null);
        get(OTHER, voter);
        get(OTHER, null);
        requestSql.clear();
        for (int i = 0; i < 3; i++) {
            assertThat(get(PAGE, null).statusCode()).isEqualTo(200);
            assertThat(get(OTHER, voter).body()).contains("vote-thanks");
            assertThat(get(OTHER, null).body()).doesNotContain("vote-thanks");
            assertThat(get(PAGE, voter).statusCode()).isEqualTo(200);
        }
        assertThat(requestSql).isEmpty();
        // and the views served from memory still count
        assertThat(app.app().flushViews()).isGreaterThanOrEqualTo(12);
    }

    /** A reader who voted before the marks cookie existed keeps seeing their vote: their marks are read once. */
    @Test
    void aReaderWithoutMarksGetsThemOnce() {
        String both = vote(PAGE, false, null);
        String visitorOnly = both.replaceAll(";? ?" + VoteMarks.COOKIE + "=[^;]*", "");
        assertThat(visitorOnly).startsWith("komek_visitor=").doesNotContain(VoteMarks.COOKIE);

        var first = get(PAGE, visitorOnly);
        assertThat(first.body()).contains("vote-thanks");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue(PageCache.PRIVATE);
        String marks = cookies(first);
        assertThat(marks).isEqualTo(VoteMarks.COOKIE + "=456n");

        get(PAGE, visitorOnly + "; " + marks); // their copy, rendered once
        requestSql.clear();
        var later = get(PAGE, visitorOnly + "; " + marks);
        assertThat(later.body()).contains("vote-thanks");
        assertThat(requestSql).isEmpty();
    }

    /** Marks a reader forged change only what their own pages say; marks komek did not write are ignored. */
    @Test
    void forgedMarksOnlyChangeTheirSendersPage() {
        var forged = get(PAGE, VoteMarks.COOKIE + "=456y");
        assertThat(forged.body()).contains("vote-thanks");
        assertThat(forged.headers().firstValue("Cache-Control")).hasValue(PageCache.PRIVATE);
        assertThat(get(PAGE, null).body()).doesNotContain("vote-thanks");

        var garbage = get(PAGE, VoteMarks.COOKIE + "=%3Cscript%3E");
        assertThat(garbage.statusCode()).isEqualTo(200);
        assertThat(garbage.body()).doesNotContain("vote-thanks").doesNotContain("<script>");
        assertThat(garbage.headers().firstValue("Cache-Control")).hasValue(PageCache.PUBLIC);
    }

    @Test
    void gzipAndPlainAreTheSamePage() throws Exception {
        var plain = get(PAGE, null);
        var zipped = java.net.http.HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(app.url(PAGE)))
                                .header("User-Agent", BROWSER)
                                .header("Accept-Encoding", "gzip")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.headers().firstValue("Vary")).hasValue(PageCache.VARY);
        String unzipped = new String(
                new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body())).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(unzipped).isEqualTo(plain.body());
        String plainTag = plain.headers().firstValue("ETag").orElseThrow();
        String zippedTag = zipped.headers().firstValue("ETag").orElseThrow();
        assertThat(zippedTag).isEqualTo(plainTag.substring(0, plainTag.length() - 1) + "-gz\"");
        // either tag revalidates
        for (String tag : List.of(plainTag, zippedTag, "W/" + zippedTag)) {
            assertThat(app.send(HttpRequest.newBuilder(URI.create(app.url(PAGE)))
                                    .header("User-Agent", BROWSER)
                                    .header("If-None-Match", tag)
                                    .build())
                            .statusCode())
                    .as(tag)
                    .isEqualTo(304);
        }
    }

    /** After an edit, a page rendered again reads the questions the edit changed, not the ones it left alone. */
    @Test
    void anEditLeavesTheQuestionsItDidNotTouchInMemory() throws Exception {
        // rendered for a reader alone (a query parameter): the page cache is not asked, the catalog's memory is
        get(PAGE + "?utm_source=test", null);
        get(OTHER + "?utm_source=test", null);
        long version = app.app().catalog().contentVersion();
        String changed = TestApp.resource("/fixtures/mini.bundle.json")
                .replace("Где узнать, сколько бонусов накоплено?", "Где узнать, сколько бонусов уже накоплено?");
        try {
            app.app().bundles().importBundle(new kz.komek.bundle.BundleJson().read(changed), List.of());
            assertThat(app.app().catalog().contentVersion()).isGreaterThan(version);
            Thread.sleep(300); // the state's own thread prepares the next generation meanwhile
            requestSql.clear();
            assertThat(get(PAGE + "?utm_source=test", null).body()).contains("сколько бонусов уже накоплено");
            assertThat(requestSql)
                    .filteredOn(sql -> sql.contains("from question_text where question_id"))
                    .as("the changed question is read again")
                    .hasSize(1);
            requestSql.clear();
            assertThat(get(OTHER + "?utm_source=test", null).statusCode()).isEqualTo(200);
            assertThat(requestSql)
                    .filteredOn(sql -> sql.contains("from question_text where question_id"))
                    .as("the untouched one is not")
                    .isEmpty();
            assertThat(requestSql)
                    .filteredOn(sql -> sql.contains("from site"))
                    .as("sites were read before readers asked")
                    .isEmpty();
        } finally {
            app.app()
                    .bundles()
                    .importBundle(
                            new kz.komek.bundle.BundleJson().read(TestApp.resource("/fixtures/mini.bundle.json")),
                            List.of());
        }
    }
}
