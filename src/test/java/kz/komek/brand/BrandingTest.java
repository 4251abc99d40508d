package kz.komek.brand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.komek.i18n.Locale;
import kz.komek.testing.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's name, logo and icons, from a branding file to the pages and the icons browsers ask for. */
class BrandingTest {
    private static final String LOGO =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>";

    @TempDir
    Path dir;

    @Test
    void withoutBrandingEveryPageHasKomeksIconsAndNoMissingFavicon() {
        try (TestApp app = TestApp.withBundle("/fixtures/mini.bundle.json")) {
            HttpResponse<String> ico = app.get("/favicon.ico");
            assertThat(ico.statusCode()).isEqualTo(200);
            assertThat(ico.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/x-icon");
            assertThat(ico.headers().firstValue("Cache-Control")).hasValue("public, max-age=86400");
            String etag = ico.headers().firstValue("ETag").orElseThrow();
            assertThat(app.get("/favicon.ico", "If-None-Match", etag).statusCode())
                    .isEqualTo(304);
            Document page = app.page("/client/ru/");
            for (var link : page.select("link[rel=icon], link[rel=apple-touch-icon]")) {
                assertThat(app.get(link.attr("href")).statusCode())
                        .as(link.attr("href"))
                        .isEqualTo(200);
            }
            assertThat(page.select("link[rel=icon]")).hasSize(2);
            assertThat(page.select(".brand-name").text()).isEqualTo("komek");
            assertThat(app.get("/brand/nothing.png").statusCode()).isEqualTo(404);
            assertThat(app.get("/brand/..%2F..%2Fetc%2Fpasswd").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void anOperatorsBrandNamesThePagesAndServesItsLogoAndIcons() throws Exception {
        Files.writeString(dir.resolve("logo.svg"), LOGO);
        byte[] png =
                getClass().getResourceAsStream("/brand/apple-touch-icon.png").readAllBytes();
        Files.write(dir.resolve("touch.png"), png);
        Path file = dir.resolve("branding.json");
        Files.writeString(file, """
                {"name": {"ru": "Дала Гид", "kz": "Дала Гид (kz)"}, "logo": "logo.svg", "apple_touch_icon": "touch.png"}
                """, StandardCharsets.UTF_8);
        Branding branding = Branding.read(file);
        assertThat(branding.brand().name(Locale.KZ)).isEqualTo("Дала Гид (kz)");
        try (TestApp app = TestApp.withBundle("/fixtures/mini.bundle.json", c -> c.withBranding(branding))) {
            Document ru = app.page("/client/ru/bonus/save/general/q456");
            assertThat(ru.select(".brand-name").text()).isEqualTo("Дала Гид");
            assertThat(ru.select("a.brand").attr("aria-label")).isEqualTo("Дала Гид — справочный центр");
            assertThat(ru.title()).contains("Справочный центр Дала Гид").doesNotContain("komek");
            assertThat(ru.select("footer").text()).contains("Дала Гид").doesNotContain("komek");
            assertThat(ru.select("script[type=application/ld+json]").html()).doesNotContain("komek");
            assertThat(app.page("/client/kz/").select(".brand-name").text()).isEqualTo("Дала Гид (kz)");

            String logo = ru.select("img.logo").attr("src");
            assertThat(logo).startsWith("/brand/logo.svg?v=");
            HttpResponse<String> svg = app.get(logo);
            assertThat(svg.body()).isEqualTo(LOGO);
            assertThat(svg.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
            // opened as a document, the operator's SVG can run nothing
            assertThat(svg.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("default-src 'none'")
                    .contains("sandbox");
            assertThat(app.get("/brand/apple-touch-icon.png").headers().firstValue("Content-Length"))
                    .hasValue(String.valueOf(png.length));
            // what the file leaves out stays komek's
            assertThat(app.get("/favicon.ico").statusCode()).isEqualTo(200);
            // error pages carry the brand too
            HttpResponse<String> missing = app.get("/client/ru/no/such");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(Jsoup.parse(missing.body()).select(".brand-name").text()).isEqualTo("Дала Гид");
        }
    }

    @Test
    void aWrongBrandingFileStopsTheStartSayingWhatIsWrong() throws Exception {
        Files.writeString(dir.resolve("logo.svg"), LOGO);
        Files.writeString(dir.resolve("notanimage.png"), "hello");
        assertThatThrownBy(() -> Branding.read(write("{\"logo\": \"missing.svg\"}")))
                .hasMessageContaining("logo: cannot read");
        assertThatThrownBy(() -> Branding.read(write("{\"favicon\": \"notanimage.png\"}")))
                .hasMessageContaining("favicon")
                .hasMessageContaining("is not ICO or PNG");
        assertThatThrownBy(() -> Branding.read(write("{\"apple_touch_icon\": \"logo.svg\"}")))
                .hasMessageContaining("is not PNG");
        assertThatThrownBy(() -> Branding.read(write("{\"colour\": \"red\"}")))
                .hasMessageContaining("unknown field \"colour\"");
        assertThatThrownBy(() -> Branding.read(write("{\"name\": {\"kz\": \"Тек қазақша\"}}")))
                .hasMessageContaining("ru");
        assertThatThrownBy(() -> Branding.read(write("[1]"))).hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> Branding.read(write("{"))).hasMessageContaining("not readable JSON");
        Files.write(dir.resolve("huge.png"), new byte[Branding.MAX_BYTES + 1]);
        assertThatThrownBy(() -> Branding.read(write("{\"icon\": \"huge.png\"}")))
                .hasMessageContaining("larger than 512 KB");
    }

    private Path write(String json) throws Exception {
        Path f = Files.createTempFile(dir, "branding", ".json");
        Files.writeString(f, json);
        return f;
    }
}
