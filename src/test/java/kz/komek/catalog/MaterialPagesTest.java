package kz.komek.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import kz.komek.testing.TestApp;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Video and document sections as readers get them, from the materials fixture, over real HTTP. */
class MaterialPagesTest {
    private static TestApp app;
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void start() {
        app = TestApp.withBundle("/fixtures/materials.bundle.json");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** Text as a reader reads it: a no-break space is a space. */
    private static String text(Element e) {
        return e.text().replace('\u00a0', ' ');
    }

    private List<JsonNode> videoObjects(Document page) throws Exception {
        var out = new ArrayList<JsonNode>();
        for (Element script : page.select("script[type=application/ld+json]")) {
            JsonNode n = mapper.readTree(script.data());
            if (n.path("@type").asText().equals("VideoObject")) {
                out.add(n);
            }
        }
        return out;
    }

    @Test
    void aVideoSectionListsItsPublicVideosWithoutAskingYouTubeOrVimeoAnything() {
        var r = app.get("/partner/ru/pos/video");
        assertThat(r.statusCode()).isEqualTo(200);
        // no player is framed before a click: the script makes the frame; no image or script of theirs either
        assertThat(r.body()).doesNotContain("<iframe");
        Document page = app.page("/partner/ru/pos/video");
        for (Element e : page.select("[src]")) {
            assertThat(e.attr("src"))
                    .as(e.outerHtml())
                    .doesNotContain("youtube")
                    .doesNotContain("vimeo");
        }
        assertThat(page.select("li.video").eachAttr("id")).containsExactly("m9001", "m9002", "m9004");
        // the scheduled one is not there yet
        assertThat(page.getElementById("m9003")).isNull();
        assertThat(page.select("script[src=/static/materials.js]")).hasSize(1);

        Element youtube = page.getElementById("m9001");
        assertThat(youtube.selectFirst("h3").text()).isEqualTo("Как подключить Smart POS");
        Element poster = youtube.selectFirst("a.video-poster");
        // without scripts a plain link to the video's page; the script frames the cookie-less player
        assertThat(poster.attr("href")).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        assertThat(poster.attr("data-player"))
                .isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1");
        assertThat(text(poster)).startsWith("Смотреть видео").contains("Как подключить Smart POS");
        assertThat(text(youtube)).contains("Длительность: 2 мин 31 с");
        assertThat(youtube.selectFirst("time").attr("datetime")).isEqualTo("PT2M31S");
        assertThat(text(youtube)).contains("Пошаговая настройка терминала: включение, вход и первая оплата.");
        assertThat(text(youtube)).contains("Видео загрузится с YouTube после нажатия.");

        Element file = page.getElementById("m9002");
        Element video = file.selectFirst("video");
        assertThat(video.hasAttr("controls")).isTrue();
        assertThat(video.attr("preload")).isEqualTo("none");
        assertThat(video.selectFirst("source").attr("src")).isEqualTo("https://media.example.kz/pos/refund.mp4");
        assertThat(video.selectFirst("source").attr("type")).isEqualTo("video/mp4");
        assertThat(text(file)).contains("Длительность: 1 ч 2 мин 5 с");

        Element vimeo = page.getElementById("m9004");
        assertThat(vimeo.selectFirst("a.video-poster").attr("data-player"))
                .isEqualTo("https://player.vimeo.com/video/76979872?dnt=1&autoplay=1");
        assertThat(vimeo.selectFirst("a.video-poster").attr("href")).isEqualTo("https://vimeo.com/76979872");
        assertThat(text(vimeo)).contains("Видео загрузится с Vimeo после нажатия.");
    }

    @Test
    void eachVideoHasItsStructuredData() throws Exception {
        Document page = app.page("/partner/ru/pos/video");
        List<JsonNode> videos = videoObjects(page);
        assertThat(videos)
                .extracting(v -> v.get("name").asText())
                .containsExactly("Как подключить Smart POS", "Возврат покупки на терминале", "Печать чека");
        for (JsonNode v : videos) {
            assertThat(v.get("@context").asText()).isEqualTo("https://schema.org");
            for (String field : List.of("name", "description", "thumbnailUrl", "uploadDate", "url")) {
                assertThat(v.path(field).asText()).as(field).isNotBlank();
            }
            assertThat(v.has("contentUrl") || v.has("embedUrl")).isTrue();
        }
        JsonNode youtube = videos.get(0);
        assertThat(youtube.get("description").asText())
                .isEqualTo("Пошаговая настройка терминала: включение, вход и первая оплата.");
        // YouTube's thumbnail only here, for search engines; the page itself never shows it
        assertThat(youtube.get("thumbnailUrl").asText()).isEqualTo("https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg");
        assertThat(youtube.get("uploadDate").asText()).isEqualTo("2025-03-01T10:00:00+05:00");
        assertThat(youtube.get("duration").asText()).isEqualTo("PT2M31S");
        assertThat(youtube.get("embedUrl").asText()).isEqualTo("https://www.youtube.com/embed/dQw4w9WgXcQ");
        assertThat(youtube.get("url").asText()).endsWith("/partner/ru/pos/video#m9001");
        assertThat(youtube.get("inLanguage").asText()).isEqualTo("ru-RU");
        JsonNode file = videos.get(1);
        assertThat(file.get("contentUrl").asText()).isEqualTo("https://media.example.kz/pos/refund.mp4");
        assertThat(file.get("thumbnailUrl").asText()).endsWith("/static/video-poster.png");
        assertThat(file.get("duration").asText()).isEqualTo("PT1H2M5S");
        // our own poster is served
        var poster = app.get("/static/video-poster.png");
        assertThat(poster.statusCode()).isEqualTo(200);
        assertThat(poster.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("image/png"));
    }

    @Test
    void kazakhReadersSeeTheKazakhTextsOnly() {
        Document page = app.page("/partner/kz/pos/video");
        // 9004 has no Kazakh text: not listed there, as a question without one is not
        assertThat(page.select("li.video").eachAttr("id")).containsExactly("m9001", "m9002");
        Element youtube = page.getElementById("m9001");
        assertThat(youtube.selectFirst("h3").text()).isEqualTo("Smart POS-ты қалай қосамын");
        assertThat(text(youtube)).contains("Ұзақтығы: 2 мин 31 с").contains("Бейнені көру");
        assertThat(text(youtube)).contains("Бейне басқаннан кейін YouTube сайтынан жүктеледі.");
        assertThat(text(page.getElementById("m9002"))).contains("Ұзақтығы: 45 с");
        assertThat(page.getElementById("m9002").selectFirst("source").attr("src"))
                .isEqualTo("https://media.example.kz/pos/refund-kz.mp4");
    }

    @Test
    void aDocumentSectionListsFormatSizeAndDateAndPdfsOpenInANewTab() {
        Document page = app.page("/partner/ru/pos/docs");
        assertThat(page.select("li.document").eachAttr("id")).containsExactly("m9101", "m9102");
        Element pdf = page.getElementById("m9101");
        Element link = pdf.selectFirst("a.document-title");
        assertThat(link.attr("href")).isEqualTo("https://example.kz/docs/terms.pdf");
        assertThat(link.attr("target")).isEqualTo("_blank");
        assertThat(link.attr("rel")).isEqualTo("noopener");
        // the accessible name says so
        assertThat(link.selectFirst(".visually-hidden").text()).isEqualTo("(откроется в новой вкладке)");
        assertThat(text(pdf.selectFirst(".document-meta"))).isEqualTo("PDF 471 КБ Обновлено 10.02.2025");
        assertThat(pdf.selectFirst("time").attr("datetime")).isEqualTo("2025-02-10");
        assertThat(text(pdf)).contains("Договор эквайринга для партнёров.");
        Element docx = page.getElementById("m9102");
        assertThat(docx.selectFirst("a.document-title").hasAttr("target")).isFalse();
        assertThat(text(docx.selectFirst(".document-meta"))).isEqualTo("DOCX 1,2 МБ Обновлено 20.12.2024");
        // a documents section has no questions list
        assertThat(page.select(".question-list")).isEmpty();
        assertThat(page.text()).doesNotContain("Здесь пока нет вопросов");

        Element kz = app.page("/partner/kz/pos/docs").getElementById("m9101");
        assertThat(text(kz.selectFirst(".document-meta"))).isEqualTo("PDF 471 КБ Жаңартылды 10.02.2025");
        assertThat(kz.selectFirst(".visually-hidden").text()).isEqualTo("(жаңа қойындыда ашылады)");
    }

    @Test
    void aSectionWhoseVideosAreAllScheduledSaysItHasNoneYet() {
        Document page = app.page("/partner/ru/pos/later");
        assertThat(page.select("li.video")).isEmpty();
        assertThat(page.selectFirst(".materials .empty").text()).isEqualTo("Здесь пока нет видео.");
        assertThat(page.select("script[src=/static/materials.js]")).isEmpty();
    }

    /** The pages' "empty section" rule counts materials: a section with public ones is filled, per locale. */
    @Test
    void sectionsWithPublicMaterialsAreFilledPerLocale() {
        CatalogStore store = app.app().catalog();
        var now = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Almaty"));
        var memory = new CatalogMemory(store, () -> store.contentState(now), java.time.Duration.ofMinutes(1));
        SectionTree tree = memory.tree("partner");
        java.util.function.Function<String, Long> id =
                path -> tree.find(new SectionPath(path)).orElseThrow().id();
        var inRussian = memory.filled("partner", kz.komek.i18n.Locale.RU, now);
        var inKazakh = memory.filled("partner", kz.komek.i18n.Locale.KZ, now);
        assertThat(inRussian).contains(id.apply("pos"), id.apply("pos/video"));
        assertThat(inKazakh).contains(id.apply("pos"), id.apply("pos/video"), id.apply("pos/docs"));
        // only a scheduled video: empty until it is due
        assertThat(inRussian).doesNotContain(id.apply("pos/later"));
        assertThat(tree.find(new SectionPath("pos/docs")).orElseThrow().kind()).isEqualTo(SectionKind.DOCUMENTS);
        // readers are not led to it, and it is not in the sitemap
        assertThat(app.page("/partner/ru/pos").select("a[href=/partner/ru/pos/later]"))
                .isEmpty();
        assertThat(app.get("/sitemaps/partner-ru-1.xml").body()).doesNotContain("/partner/ru/pos/later<");
    }

    /** A scheduled video appears when its time comes, without any write (the content state knows the time). */
    @Test
    void aScheduledVideoAppearsWhenItsTimeComes() throws Exception {
        try (var own = TestApp.withBundle("/fixtures/materials.bundle.json")) {
            var due = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Almaty"))
                    .plusSeconds(3)
                    .withNano(0);
            var b = (com.fasterxml.jackson.databind.node.ObjectNode)
                    mapper.readTree(TestApp.resource("/fixtures/materials.bundle.json"));
            for (JsonNode m : b.get("materials")) {
                if (m.get("id").asLong() == 9005) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) m.at("/locales/ru"))
                            .put("published", due.toString());
                }
            }
            own.app()
                    .bundles()
                    .importBundle(new kz.komek.bundle.BundleJson().read(mapper.writeValueAsString(b)), List.of());
            assertThat(own.page("/partner/ru/pos/later").getElementById("m9005"))
                    .isNull();
            assertThat(own.get("/sitemaps/partner-ru-1.xml").body()).doesNotContain("/partner/ru/pos/later");
            long wait = java.time.Duration.between(java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Almaty")), due)
                            .toMillis()
                    + 300;
            Thread.sleep(Math.max(0, wait));
            assertThat(own.page("/partner/ru/pos/later").getElementById("m9005"))
                    .isNotNull();
            assertThat(own.get("/sitemaps/partner-ru-1.xml").body()).contains("/partner/ru/pos/later");
        }
    }

    @Test
    void theAppWebviewGetsTheSameVideos() {
        Document page = app.page("/partner/ru/pos/video?platform=app");
        assertThat(page.select("li.video").eachAttr("id")).containsExactly("m9001", "m9002", "m9004");
        assertThat(page.select("iframe")).isEmpty();
    }

    @Test
    void theClickToLoadScriptAndThePlayersAreAllowedNarrowly() {
        var js = app.get("/static/materials.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        String csp = app.get("/partner/ru/pos/video")
                .headers()
                .firstValue("Content-Security-Policy")
                .orElseThrow();
        assertThat(csp)
                .contains("frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com;")
                .contains("media-src 'self' https:;")
                .contains("script-src 'self';");
    }
}
