package kz.komek.sitemap;

import static kz.komek.testing.SitemapXml.locs;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Video and document sections in the sitemaps: listed while they show something, videos with Google's entries. */
class MaterialSitemapTest {
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.withBundle("/fixtures/materials.bundle.json");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String xml(String path) {
        var r = app.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    /** Against the sitemaps.org schema, whose strict wildcard takes the video entries by our copy of Google's. */
    private static void validate(String xml) throws Exception {
        var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(new Source[] {
                    new StreamSource(MaterialSitemapTest.class
                            .getResource("/sitemaps/sitemap-video.xsd")
                            .toString()),
                    new StreamSource(MaterialSitemapTest.class
                            .getResource("/sitemaps/sitemap.xsd")
                            .toString())
                })
                .newValidator()
                .validate(new StreamSource(new StringReader(xml)));
    }

    private static Element urlOf(String xml, String loc) {
        return Jsoup.parse(xml, "", Parser.xmlParser()).select("loc").stream()
                .filter(e -> e.text().equals(loc))
                .findFirst()
                .orElseThrow(() -> new AssertionError(loc + " not listed"))
                .parent();
    }

    @Test
    void sectionsWithPublicMaterialsAreListedAndEmptyOnesAreNot() throws Exception {
        String ru = xml("/sitemaps/partner-ru-1.xml");
        validate(ru);
        assertThat(locs(ru))
                .contains(app.url("/partner/ru/pos/video"), app.url("/partner/ru/pos/docs"))
                // only a scheduled video: its page has nothing to show yet
                .doesNotContain(app.url("/partner/ru/pos/later"));
        // a documents section: the latest "updated" of its documents
        assertThat(urlOf(ru, app.url("/partner/ru/pos/docs")).select("lastmod").text())
                .isEqualTo("2025-02-10");
        assertThat(urlOf(ru, app.url("/partner/ru/pos/docs")).select("video|video"))
                .isEmpty();
        String kz = xml("/sitemaps/partner-kz-1.xml");
        validate(kz);
        assertThat(locs(kz)).contains(app.url("/partner/kz/pos/video"), app.url("/partner/kz/pos/docs"));
    }

    @Test
    void eachPublicVideoHasAGoogleVideoEntryOnItsSectionsPage() throws Exception {
        String ru = xml("/sitemaps/partner-ru-1.xml");
        assertThat(ru).contains("xmlns:video=\"http://www.google.com/schemas/sitemap-video/1.1\"");
        Element page = urlOf(ru, app.url("/partner/ru/pos/video"));
        var videos = page.select("video|video");
        assertThat(videos.eachText()).hasSize(3);
        assertThat(page.select("lastmod").text()).isEqualTo("2025-03-05");

        Element youtube = videos.get(0);
        assertThat(youtube.select("video|title").text()).isEqualTo("Как подключить Smart POS");
        assertThat(youtube.select("video|description").text())
                .isEqualTo("Пошаговая настройка терминала: включение, вход и первая оплата.");
        assertThat(youtube.select("video|thumbnail_loc").text())
                .isEqualTo("https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg");
        assertThat(youtube.select("video|player_loc").text()).isEqualTo("https://www.youtube.com/embed/dQw4w9WgXcQ");
        assertThat(youtube.select("video|content_loc")).isEmpty();
        assertThat(youtube.select("video|duration").text()).isEqualTo("151");
        assertThat(youtube.select("video|publication_date").text()).isEqualTo("2025-03-01T10:00:00+05:00");

        Element file = videos.get(1);
        assertThat(file.select("video|content_loc").text()).isEqualTo("https://media.example.kz/pos/refund.mp4");
        assertThat(file.select("video|thumbnail_loc").text()).isEqualTo(app.url("/static/video-poster.png"));
        assertThat(file.select("video|duration").text()).isEqualTo("3725");

        // a video without a description is described by its title
        Element vimeo = videos.get(2);
        assertThat(vimeo.select("video|description").text()).isEqualTo("Печать чека");
        assertThat(vimeo.select("video|player_loc").text()).isEqualTo("https://player.vimeo.com/video/76979872");

        // the Kazakh sitemap lists the Kazakh texts
        var kz = urlOf(xml("/sitemaps/partner-kz-1.xml"), app.url("/partner/kz/pos/video"))
                .select("video|video");
        assertThat(kz.eachText()).hasSize(2);
        assertThat(kz.get(0).select("video|title").text()).isEqualTo("Smart POS-ты қалай қосамын");
    }

    @Test
    void sitemapsWithoutVideosStayAsTheyWere() {
        try (var plain = TestApp.withBundle("/fixtures/mini.bundle.json")) {
            var r = plain.get("/sitemaps/client-ru-1.xml");
            assertThat(r.body()).doesNotContain("video");
        }
    }
}
