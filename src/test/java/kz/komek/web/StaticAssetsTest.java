package kz.komek.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaticAssetsTest {
    @Test
    void madeUpNamesAreNotRemembered() {
        var assets = new StaticAssets();
        for (int i = 0; i < 10_000; i++) {
            assertThat(assets.find("no-such-file-" + i + ".css")).isEmpty();
        }
        assertThat(assets.find("komek.css"))
                .hasValueSatisfying(a -> assertThat(a.type()).startsWith("text/css"));
        assertThat(assets.find("komek.css")).isPresent();
        assertThat(assets.kept()).isEqualTo(1);
    }

    @Test
    void namesOutsideTheFolderAreRefused() {
        var assets = new StaticAssets();
        assertThat(assets.find("../logback.xml")).isEmpty();
        assertThat(assets.find("..css")).isEmpty();
        assertThat(assets.find("logback.xml")).isEmpty();
    }
}
