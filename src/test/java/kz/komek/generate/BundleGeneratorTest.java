package kz.komek.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import kz.komek.bundle.Bundle;
import kz.komek.bundle.BundleJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BundleGeneratorTest {
    private static final Pattern CANONICAL = Pattern.compile("(/[a-z0-9][a-z0-9_-]*)+/q([0-9]+)");
    private static final Pattern KAZAKH_LETTER = Pattern.compile("[әғқңөұүһі]");
    private static BundleGenerator generator;
    private static Bundle big;

    @BeforeAll
    static void generateOnce() throws IOException {
        generator = new BundleGenerator();
        // 10,000 questions written as JSON and parsed back, as an importer would.
        StringWriter json = new StringWriter();
        long started = System.nanoTime();
        generator.write(json, 10_000, 42, BundleGenerator.Options.defaults());
        big = new BundleJson().read(json.toString());
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(20);
    }

    @Test
    void writesExactlyNValidQuestions() {
        assertThat(big.questions()).hasSize(10_000);
        assertThat(big.locales()).containsExactly("ru", "kz");
        assertThat(big.sites()).extracting(Bundle.Site::slug).containsExactly("client", "partner");
        Set<Long> ids = new HashSet<>();
        big.questions().forEach(q -> assertThat(ids.add(q.id())).isTrue());
    }

    @Test
    void sectionsFormATreeOfDepthOneToThree() {
        Set<String> keys = new HashSet<>();
        for (Bundle.Section s : big.sections()) {
            keys.add(s.site() + "/" + s.path());
        }
        Set<String> parents = new HashSet<>();
        for (Bundle.Section s : big.sections()) {
            int depth = s.path().split("/").length;
            assertThat(depth).isBetween(1, 3);
            assertThat(s.title()).containsKeys("ru", "kz");
            if (depth > 1) {
                String parent = s.site() + "/" + s.path().substring(0, s.path().lastIndexOf('/'));
                assertThat(keys).contains(parent);
                parents.add(parent);
            }
        }
        for (Bundle.Question q : big.questions()) {
            String key = q.site() + "/" + q.section();
            assertThat(keys).contains(key);
            assertThat(parents).doesNotContain(key); // listed in leaves only
            var m = CANONICAL.matcher(q.canonical());
            assertThat(m.matches()).as(q.canonical()).isTrue();
        }
        // 10,000 questions: about 120 sections; their sizes are skewed.
        assertThat(big.sections().size()).isBetween(80, 200);
        var sizes = big.questions().stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        Bundle.Question::section, java.util.stream.Collectors.counting()))
                .values()
                .stream()
                .sorted()
                .toList();
        assertThat(sizes.get(sizes.size() - 1)).isGreaterThan(4 * sizes.get(sizes.size() / 2));
    }

    @Test
    void positionsAndPinnedComeFirst() {
        String section = null;
        int expected = 0;
        boolean pinnedAllowed = true;
        for (Bundle.Question q : big.questions()) {
            if (!q.section().equals(section)) {
                section = q.section();
                expected = 0;
                pinnedAllowed = true;
            }
            assertThat(q.position()).isEqualTo(++expected);
            if (!q.pinned()) {
                pinnedAllowed = false;
            }
            assertThat(!q.pinned() || pinnedAllowed).isTrue();
        }
    }

    @Test
    void localesMostlyBothWithRequestedShares() {
        double kzOnly = share(q -> !q.locales().containsKey("ru"));
        double ruOnly = share(q -> !q.locales().containsKey("kz"));
        assertThat(kzOnly).isBetween(0.02, 0.04);
        assertThat(ruOnly).isBetween(0.04, 0.06);
        assertThat(share(q -> q.locales().size() == 2)).isGreaterThan(0.9);
    }

    @Test
    void sharesOfFeaturesAreRealistic() {
        assertThat(share(q -> q.votes().isPresent())).isBetween(0.65, 0.75);
        assertThat(share(Bundle.Question::pinned)).isBetween(0.002, 0.1);
        assertThat(share(q -> any(q, t -> t.content().contains("class=\"mobileApp_only\""))))
                .isBetween(0.4, 0.9);
        assertThat(share(q -> any(
                        q,
                        t -> t.content().contains("class=\"desktop_only\"")
                                && t.content().contains("class=\"mobile_only\""))))
                .isBetween(0.4, 0.9);
        assertThat(share(q -> any(q, t -> t.content().contains("%вставка ссылка_приложения("))))
                .isBetween(0.4, 0.9);
        assertThat(share(q -> any(q, t -> t.content().contains("%вставка остались_вопросы("))))
                .isBetween(0.05, 0.35);
        assertThat(share(q -> any(q, t -> t.content().contains("<nobr>")))).isBetween(0.15, 0.8);
        assertThat(share(q -> any(q, t -> t.content().contains("<em>")))).isGreaterThan(0.5);
        assertThat(share(q -> any(q, t -> t.content().contains("<ul><li>")))).isBetween(0.2, 0.8);
        assertThat(share(q -> any(q, t -> t.content().contains("href=\"https://"))))
                .isBetween(0.01, 0.2);
        assertThat(share(q -> any(q, t -> t.content().contains("?fromDashboard=true\""))))
                .isBetween(0.01, 0.2);
        assertThat(share(q -> any(q, t -> t.metaTitle().isPresent()))).isBetween(0.05, 0.15);
        assertThat(share(q -> any(q, Bundle.QuestionLocale::noIndex))).isBetween(0.005, 0.04);
        assertThat(share(q -> any(q, Bundle.QuestionLocale::noFollow))).isBetween(0.002, 0.03);
        assertThat(share(q -> any(q, t -> t.published().orElseThrow().getYear() >= 2027)))
                .isBetween(0.01, 0.05);
        assertThat(share(q -> !q.canonical().endsWith("/q" + q.id()))).isBetween(0.002, 0.02);
        for (Bundle.Question q : big.questions()) {
            for (Bundle.QuestionLocale t : q.locales().values()) {
                assertThat(t.published().orElseThrow().getYear()).isBetween(2021, 2027);
                assertThat(t.updated().orElseThrow())
                        .isAfterOrEqualTo(t.published().orElseThrow().toLocalDate());
                int blocks = count(t.content(), "<p>") + count(t.content(), "<ul>") - count(t.content(), "</p>\n<ul>");
                assertThat(blocks).as(t.content()).isBetween(2, 6);
                assertThat(t.content()).doesNotContain("{", "}", "  ");
                assertThat(t.title()).doesNotContain("{", "}", "  ").endsWith("?");
            }
        }
    }

    @Test
    void crossListedCopiesNameAnEarlierQuestionWithTheSameText() {
        var byId = new java.util.HashMap<Long, Bundle.Question>();
        big.questions().forEach(q -> byId.put(q.id(), q));
        int copies = 0;
        for (Bundle.Question q : big.questions()) {
            var m = CANONICAL.matcher(q.canonical());
            assertThat(m.matches()).isTrue();
            long target = Long.parseLong(m.group(2));
            if (target != q.id()) {
                copies++;
                Bundle.Question original = byId.get(target);
                assertThat(original).isNotNull();
                assertThat(original.section()).isNotEqualTo(q.section());
                assertThat(q.canonical()).isEqualTo(original.canonical());
                assertThat(q.locales().keySet()).isEqualTo(original.locales().keySet());
                q.locales()
                        .forEach((l, t) -> assertThat(t.content())
                                .isEqualTo(original.locales().get(l).content()));
            }
        }
        assertThat(copies).isPositive();
    }

    @Test
    void kazakhTextLooksKazakh() {
        int withKazakhLetters = 0;
        int titles = 0;
        for (Bundle.Question q : big.questions()) {
            Bundle.QuestionLocale kz = q.locales().get("kz");
            if (kz == null) {
                continue;
            }
            titles++;
            if (KAZAKH_LETTER
                    .matcher(kz.title().toLowerCase(java.util.Locale.ROOT))
                    .find()) {
                withKazakhLetters++;
            }
            assertThat(kz.title()).doesNotContainPattern("[ъёщЪЁЩ]");
            // the Russian words of the template must not leak into the Kazakh text
            assertThat(kz.title()).doesNotContainPattern("(?iU)\\b(как|можно|если|сколько|почему)\\b");
            assertThat(kz.content().replaceAll("%вставка [^(%]+\\(", "")).doesNotContain("приложени", "Мой Банк");
        }
        assertThat(withKazakhLetters).isGreaterThan((int) (titles * 0.95));
        for (Bundle.Section s : big.sections()) {
            assertThat(s.title().get("kz")).doesNotContainPattern("[ъёщЪЁЩ]");
        }
        Bundle.Question both = big.questions().stream()
                .filter(q -> q.locales().size() == 2)
                .findFirst()
                .orElseThrow();
        assertThat(both.locales().get("ru").title()).doesNotContainPattern("[әғқңөұүі]");
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
        var options = BundleGenerator.Options.defaults();
        assertThat(write(500, 7, options)).isEqualTo(write(500, 7, options));
        assertThat(write(500, 7, options)).isNotEqualTo(write(500, 8, options));
    }

    @Test
    void streamingWriterMatchesTheBundleJsonOfTheInMemoryBundle() throws IOException {
        var options = BundleGenerator.Options.defaults();
        Bundle inMemory = generator.generate(700, 3, options);
        assertThat(write(700, 3, options)).isEqualTo(new BundleJson().write(inMemory));
    }

    @Test
    void oneQuestionWorks() throws IOException {
        Bundle one = new BundleJson().read(write(1, 1, BundleGenerator.Options.defaults()));
        assertThat(one.questions()).hasSize(1);
        assertThat(one.sections()).isNotEmpty();
        Bundle clientsOnly = generator.generate(1, 1, new BundleGenerator.Options(1, 0, 0));
        assertThat(clientsOnly.sites()).hasSize(1);
        assertThat(clientsOnly.questions().get(0).locales()).containsOnlyKeys("ru", "kz");
    }

    @Test
    void badInputIsRefused() {
        var options = BundleGenerator.Options.defaults();
        assertThatThrownBy(() -> generator.generate(0, 1, options)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator.generate(BundleGenerator.MAX_QUESTIONS + 1, 1, options))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BundleGenerator.Options(2, -0.1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BundleGenerator.Options(2, 0.6, 0.6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BundleGenerator.Options(3, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moneyIsGroupedByThousands() {
        assertThat(BundleGenerator.money(200)).isEqualTo("200");
        assertThat(BundleGenerator.money(5_000)).isEqualTo("5 000");
        assertThat(BundleGenerator.money(10_000_000)).isEqualTo("10 000 000");
    }

    private static String write(int n, long seed, BundleGenerator.Options options) throws IOException {
        StringWriter out = new StringWriter();
        generator.write(out, n, seed, options);
        return out.toString();
    }

    private static double share(Predicate<Bundle.Question> p) {
        List<Bundle.Question> qs = big.questions();
        return qs.stream().filter(p).count() / (double) qs.size();
    }

    private static boolean any(Bundle.Question q, Predicate<Bundle.QuestionLocale> p) {
        return q.locales().values().stream().anyMatch(p);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
