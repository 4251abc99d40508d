package kz.komek.generate;

import static kz.komek.generate.Draws.gaussian;
import static kz.komek.generate.Draws.mix;
import static kz.komek.generate.Draws.weighted;
import static kz.komek.generate.GeneratorVocabulary.KZ;
import static kz.komek.generate.GeneratorVocabulary.LOCALES;
import static kz.komek.generate.GeneratorVocabulary.RU;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import kz.komek.bundle.Bundle;
import kz.komek.catalog.CatalogUrls;
import kz.komek.generate.GeneratorVocabulary.Product;
import kz.komek.generate.GeneratorVocabulary.Subtheme;
import kz.komek.generate.GeneratorVocabulary.Theme;

/**
 * A generated help center before its questions: the section tree, sized like a real one, and how many questions
 * each leaf section holds. The questions come from {@link #questions} in order, each from its own random stream.
 */
record GeneratorPlan(
        GeneratorVocabulary vocab,
        long seed,
        BundleGenerator.Options options,
        List<Bundle.Site> sites,
        List<Bundle.Section> sections,
        List<GeneratorPlan.Leaf> leaves,
        int[] counts) {
    /**
     * Publication dates of public questions; scheduled ones fall after {@link #LAST_PUBLIC}. Fixed, so output never
     * depends on today.
     */
    static final LocalDate FIRST_PUBLIC = LocalDate.of(2021, 1, 11);

    static final LocalDate LAST_PUBLIC = LocalDate.of(2026, 10, 30);
    static final LocalDate FIRST_SCHEDULED = LocalDate.of(2027, 1, 4);

    record Leaf(String site, String path, Product product, Theme theme, Subtheme sub) {}

    private static final class ProductNode {
        final Product product;
        final int index;
        final List<ThemeNode> themes = new ArrayList<>();
        int nextTheme;

        ProductNode(Product product, int index) {
            this.product = product;
            this.index = index;
        }
    }

    private static final class ThemeNode {
        final Theme theme;
        final int index;
        final List<Subtheme> subs = new ArrayList<>();
        final List<Subtheme> remaining;

        ThemeNode(Theme theme, int index, List<Subtheme> shuffled) {
            this.theme = theme;
            this.index = index;
            this.remaining = shuffled;
        }
    }

    /** The section tree for {@code questions} questions and how many each leaf section holds. */
    static GeneratorPlan of(GeneratorVocabulary vocab, int questions, long seed, BundleGenerator.Options options) {
        SplittableRandom rng = new SplittableRandom(mix(seed, -1));
        List<GeneratorVocabulary.Site> sites = vocab.sites.subList(0, options.sites());
        // Per site: its products in vocabulary order, and those taken into the tree so far.
        Map<String, List<Product>> available = new LinkedHashMap<>();
        Map<String, List<ProductNode>> taken = new LinkedHashMap<>();
        for (var site : sites) {
            available.put(site.slug(), new ArrayList<>());
            taken.put(site.slug(), new ArrayList<>());
        }
        for (Product p : vocab.products) {
            if (available.containsKey(p.site())) {
                available.get(p.site()).add(p);
            }
        }
        // A few hundred sections at 100,000 questions, as many help centers have.
        int target = (int) Math.max(2L * sites.size(), Math.round(1.2 * Math.sqrt(questions)));
        int count = 0;
        for (var site : sites) {
            count += addProduct(vocab, available.get(site.slug()), taken.get(site.slug()), rng);
        }
        while (count < target) {
            List<String> openSites = new ArrayList<>();
            List<ProductNode> withThemes = new ArrayList<>();
            List<ThemeNode> unsplit = new ArrayList<>();
            List<ThemeNode> split = new ArrayList<>();
            for (var site : sites) {
                if (!available.get(site.slug()).isEmpty()) {
                    openSites.add(site.slug());
                }
                for (ProductNode p : taken.get(site.slug())) {
                    if (p.nextTheme < p.product.themes().size()) {
                        withThemes.add(p);
                    }
                    for (ThemeNode t : p.themes) {
                        if (t.subs.isEmpty()) {
                            unsplit.add(t);
                        } else if (!t.remaining.isEmpty()) {
                            split.add(t);
                        }
                    }
                }
            }
            int[] weights = {
                openSites.isEmpty() ? 0 : 2,
                withThemes.isEmpty() ? 0 : 4,
                unsplit.isEmpty() ? 0 : 3,
                split.isEmpty() ? 0 : 3
            };
            if (weights[0] + weights[1] + weights[2] + weights[3] == 0) {
                break;
            }
            switch (weighted(rng, weights)) {
                case 0 -> {
                    // clients have most of the products of a real help center
                    String site = openSites.size() > 1 && rng.nextInt(4) == 0 ? openSites.get(1) : openSites.get(0);
                    count += addProduct(vocab, available.get(site), taken.get(site), rng);
                }
                case 1 -> count += addTheme(vocab, withThemes.get(rng.nextInt(withThemes.size())), rng);
                case 2 -> {
                    ThemeNode t = unsplit.get(rng.nextInt(unsplit.size()));
                    t.subs.add(vocab.subthemes.get(0)); // "general" comes first, as in the seed
                    t.subs.add(t.remaining.remove(t.remaining.size() - 1));
                    count += 2;
                }
                default -> {
                    ThemeNode t = split.get(rng.nextInt(split.size()));
                    t.subs.add(t.remaining.remove(t.remaining.size() - 1));
                    count += 1;
                }
            }
        }
        List<Bundle.Site> siteRecords = new ArrayList<>();
        List<Bundle.Section> sections = new ArrayList<>();
        List<Leaf> leaves = new ArrayList<>();
        for (var site : sites) {
            siteRecords.add(new Bundle.Site(site.slug(), titles(site.ru(), site.kz()), Map.of()));
            List<ProductNode> products = new ArrayList<>(taken.get(site.slug()));
            products.sort(Comparator.comparingInt(p -> p.index));
            int pp = 0;
            for (ProductNode p : products) {
                String pPath = p.product.slug();
                sections.add(section(site.slug(), pPath, ++pp, p.product.ru(), p.product.kz()));
                p.themes.sort(Comparator.comparingInt(t -> t.index));
                int tp = 0;
                for (ThemeNode t : p.themes) {
                    String tPath = pPath + "/" + t.theme.slug();
                    sections.add(section(site.slug(), tPath, ++tp, t.theme.ru(), t.theme.kz()));
                    if (t.subs.isEmpty()) {
                        leaves.add(new Leaf(site.slug(), tPath, p.product, t.theme, null));
                    }
                    int sp = 0;
                    for (Subtheme s : t.subs) {
                        String sPath = tPath + "/" + s.slug();
                        sections.add(section(site.slug(), sPath, ++sp, s.ru(), s.kz()));
                        leaves.add(new Leaf(site.slug(), sPath, p.product, t.theme, s));
                    }
                }
            }
        }
        return new GeneratorPlan(vocab, seed, options, siteRecords, sections, leaves, allocate(questions, leaves, rng));
    }

    private static int addProduct(
            GeneratorVocabulary vocab, List<Product> available, List<ProductNode> taken, SplittableRandom rng) {
        Product p = available.remove(0);
        ProductNode node = new ProductNode(p, vocab.products.indexOf(p));
        taken.add(node);
        return 1 + addTheme(vocab, node, rng);
    }

    private static int addTheme(GeneratorVocabulary vocab, ProductNode p, SplittableRandom rng) {
        int index = p.nextTheme++;
        List<Subtheme> subs = new ArrayList<>(vocab.subthemes.subList(1, vocab.subthemes.size()));
        for (int i = subs.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            subs.set(i, subs.set(j, subs.get(i)));
        }
        p.themes.add(new ThemeNode(p.product.themes().get(index), index, subs));
        return 1;
    }

    private static Bundle.Section section(String site, String path, int position, String ru, String kz) {
        return new Bundle.Section(site, path, Optional.of(position), titles(ru, kz), Map.of());
    }

    private static Map<String, String> titles(String ru, String kz) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ru", ru);
        m.put("kz", kz);
        return m;
    }

    /** Questions per leaf section: log-normal weights, so a few sections hold many questions and most hold few. */
    private static int[] allocate(int questions, List<Leaf> leaves, SplittableRandom rng) {
        double[] w = new double[leaves.size()];
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            Leaf leaf = leaves.get(i);
            w[i] = Math.exp(1.1 * gaussian(rng))
                    * (leaf.site().equals("client") ? 1.0 : 0.5)
                    * (leaf.sub() != null && leaf.sub().slug().equals("general") ? 1.6 : 1.0);
            total += w[i];
        }
        int[] counts = new int[w.length];
        double[] rest = new double[w.length];
        int given = 0;
        for (int i = 0; i < w.length; i++) {
            double exact = questions * w[i] / total;
            counts[i] = (int) Math.floor(exact);
            rest[i] = exact - counts[i];
            given += counts[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> rest[a] != rest[b] ? Double.compare(rest[b], rest[a]) : Integer.compare(a, b));
        for (int i = 0; given < questions; i = (i + 1) % order.size()) {
            counts[order.get(i)]++;
            given++;
        }
        return counts;
    }

    void questions(Consumer<Bundle.Question> sink) {
        SplittableRandom ids = new SplittableRandom(mix(seed, -2));
        long id = 100 + ids.nextInt(900);
        // Recent originals that a cross-listed copy may name: index, leaf, id (a ring, not the whole bundle).
        int ring = 512;
        int[] recentIndex = new int[ring];
        int[] recentLeaf = new int[ring];
        long[] recentId = new long[ring];
        int recent = 0;
        int q = 0;
        for (int leafIndex = 0; leafIndex < leaves.size(); leafIndex++) {
            Leaf leaf = leaves.get(leafIndex);
            int size = counts[leafIndex];
            SplittableRandom sectionRng = new SplittableRandom(mix(seed, -3 - leafIndex));
            int pinned = size >= 3 ? Math.min(3, (int) (size * 0.02 + sectionRng.nextDouble() * 1.2)) : 0;
            for (int position = 1; position <= size; position++, q++) {
                SplittableRandom own = new SplittableRandom(mix(seed, 2L * q + 1));
                Map<String, Bundle.QuestionLocale> texts;
                String canonical = CatalogUrls.questionPath(leaf.path(), id);
                int pick = -1;
                if (recent > 0 && own.nextDouble() < 0.008) {
                    int r = own.nextInt(Math.min(recent, ring));
                    if (recentLeaf[r] != leafIndex) {
                        pick = r;
                    }
                }
                if (pick >= 0) {
                    // A second listing of an answer: same texts, canonical names the first.
                    Leaf original = leaves.get(recentLeaf[pick]);
                    texts = texts(recentIndex[pick], original, own.nextDouble() < 0.5);
                    canonical = CatalogUrls.questionPath(original.path(), recentId[pick]);
                } else {
                    texts = texts(q, leaf, false);
                    int slot = recent % ring;
                    recentIndex[slot] = q;
                    recentLeaf[slot] = leafIndex;
                    recentId[slot] = id;
                    recent++;
                }
                Optional<Bundle.Votes> votes = Optional.empty();
                if (own.nextDouble() < 0.7) {
                    long up = Math.max(1, Math.round(Math.exp(3.2 + 1.3 * gaussian(own))));
                    double u = own.nextDouble();
                    votes = Optional.of(new Bundle.Votes(up, Math.round(up * (0.02 + 0.45 * u * u))));
                }
                sink.accept(new Bundle.Question(
                        id,
                        leaf.site(),
                        leaf.path(),
                        position,
                        position <= pinned,
                        canonical,
                        votes,
                        Optional.empty(),
                        false,
                        texts,
                        Map.of()));
                id += 1 + ids.nextInt(10);
            }
        }
    }

    /** The texts of question {@code q} in its section: a pure function of the seed, q and the section. */
    Map<String, Bundle.QuestionLocale> texts(int q, Leaf leaf, boolean copyNoIndex) {
        SplittableRandom rng = new SplittableRandom(mix(seed, 2L * q));
        double l = rng.nextDouble();
        boolean[] present = {true, true};
        if (l < options.kzOnlyShare()) {
            present[RU] = false;
        } else if (l < options.kzOnlyShare() + options.ruOnlyShare()) {
            present[KZ] = false;
        }
        GeneratedQuestion question = new GeneratedQuestion(vocab, rng, leaf);
        // Dates: both locales published together, as a translator usually works.
        LocalDateTime published;
        LocalDate updated;
        if (rng.nextDouble() < 0.025) {
            published = FIRST_SCHEDULED
                    .plusDays(rng.nextInt(180))
                    .atTime(rng.nextInt(6, 12), 0, rng.nextInt(60), rng.nextInt(1_000_000) * 1000);
            updated = published.toLocalDate();
        } else {
            int span = (int) ChronoUnit.DAYS.between(FIRST_PUBLIC, LAST_PUBLIC);
            LocalDate day = FIRST_PUBLIC.plusDays(rng.nextInt(span + 1));
            published = day.atTime(rng.nextInt(8, 19), rng.nextInt(60), rng.nextInt(60), rng.nextInt(1_000_000) * 1000);
            long left = ChronoUnit.DAYS.between(day, LAST_PUBLIC);
            updated = left > 0 && rng.nextDouble() < 0.45 ? day.plusDays(1 + rng.nextLong(left)) : day;
        }
        boolean meta = rng.nextDouble() < 0.1;
        boolean h1 = rng.nextDouble() < 0.02;
        boolean noIndex = copyNoIndex || rng.nextDouble() < 0.015;
        boolean noFollow = rng.nextDouble() < 0.01;
        Map<String, Bundle.QuestionLocale> out = new LinkedHashMap<>();
        for (int locale = RU; locale <= KZ; locale++) {
            if (!present[locale]) {
                continue;
            }
            String title = question.title(locale);
            String content = question.content(locale);
            String bare = title.endsWith("?") ? title.substring(0, title.length() - 1) : title;
            Optional<String> metaTitle = meta ? Optional.of(bare) : Optional.empty();
            Optional<String> metaDescription = meta
                    ? Optional.of(question.plainLead(locale) + " ✔ " + vocab.phrase("meta." + leaf.site(), locale))
                    : Optional.empty();
            out.put(
                    LOCALES[locale],
                    new Bundle.QuestionLocale(
                            title,
                            content,
                            Optional.of(updated),
                            Optional.of(published),
                            metaTitle,
                            metaDescription,
                            h1 ? Optional.of(bare) : Optional.empty(),
                            noIndex,
                            noFollow,
                            Map.of()));
        }
        return out;
    }
}
