package kz.komek.generate;

import static kz.komek.generate.GeneratorVocabulary.KZ;
import static kz.komek.generate.GeneratorVocabulary.LOCALES;
import static kz.komek.generate.GeneratorVocabulary.RU;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
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
import java.util.regex.Pattern;
import kz.komek.bundle.Bundle;
import kz.komek.generate.GeneratorVocabulary.Action;
import kz.komek.generate.GeneratorVocabulary.Circumstance;
import kz.komek.generate.GeneratorVocabulary.Condition;
import kz.komek.generate.GeneratorVocabulary.Noun;
import kz.komek.generate.GeneratorVocabulary.Phrase;
import kz.komek.generate.GeneratorVocabulary.Problem;
import kz.komek.generate.GeneratorVocabulary.Product;
import kz.komek.generate.GeneratorVocabulary.Subtheme;
import kz.komek.generate.GeneratorVocabulary.Theme;

/**
 * Generates a realistic bilingual {@code komek-bundle/1} help center of a given size, for search and load
 * benchmarks: a section tree sized like a real help center, questions from Russian and Kazakh templates over a
 * banking/marketplace vocabulary ({@code generate/vocabulary.json}), answers in the seed's HTML conventions.
 *
 * <p>Output depends only on the question count, the seed and the options: every question draws from its own
 * random stream (seeded by its index), so a cross-listed copy can regenerate its original's text instead of
 * keeping it, and {@link #write} streams without holding the questions.
 */
public final class BundleGenerator {
    public static final int MAX_QUESTIONS = 2_000_000;

    /** Publication dates of public questions; scheduled ones fall after {@link #LAST_PUBLIC}, fixed so output never depends on today. */
    static final LocalDate FIRST_PUBLIC = LocalDate.of(2021, 1, 11);

    static final LocalDate LAST_PUBLIC = LocalDate.of(2026, 10, 30);
    static final LocalDate FIRST_SCHEDULED = LocalDate.of(2027, 1, 4);

    private static final Pattern HIDDEN_VARIANTS =
            Pattern.compile("<span class=\"(?:mobile_only|desktop_only)\">.*?</span>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final int[] AMOUNTS = {200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000};
    private static final int[] BIG = {100_000, 200_000, 300_000, 500_000, 1_000_000};
    private static final int[] HUGE = {1_000_000, 3_000_000, 5_000_000, 10_000_000};
    private static final String[] PERCENT = {"0,5", "0,95", "1", "1,5", "2", "3"};
    private static final String[] RATES = {"12,5", "13,5", "14", "15,2", "16"};
    private static final int[] MINUTES = {5, 10, 15, 20, 30};
    private static final int[] BLOCKS_WEIGHTS = {50, 33, 10, 5, 2}; // 2..6 blocks per answer

    /** Generation knobs; shares are of questions published in one locale only. */
    public record Options(int sites, double kzOnlyShare, double ruOnlyShare) {
        public Options {
            if (sites < 1 || sites > 2) {
                throw new IllegalArgumentException(
                        "--sites must be 1 (clients) or 2 (clients and sellers), not " + sites);
            }
            if (!(kzOnlyShare >= 0 && kzOnlyShare <= 1) || !(ruOnlyShare >= 0 && ruOnlyShare <= 1)) {
                throw new IllegalArgumentException("locale shares must be between 0 and 1, found --kz-only-share "
                        + kzOnlyShare + " and --ru-only-share " + ruOnlyShare);
            }
            if (kzOnlyShare + ruOnlyShare > 1) {
                throw new IllegalArgumentException("--kz-only-share and --ru-only-share add up to more than 1");
            }
        }

        public static Options defaults() {
            return new Options(2, 0.03, 0.05);
        }
    }

    /** What {@link #write} wrote. */
    public record Summary(int sites, int sections, int questions) {}

    private final GeneratorVocabulary vocab;

    public BundleGenerator() {
        vocab = GeneratorVocabulary.load();
    }

    /** The whole bundle in memory (about 2 KB of heap per question). */
    public Bundle generate(int questions, long seed, Options options) {
        Plan plan = plan(questions, seed, options);
        List<Bundle.Question> out = new ArrayList<>(questions);
        plan.questions(out::add);
        return new Bundle(List.of(LOCALES), "ru", plan.sites, plan.sections, out, Map.of());
    }

    /**
     * Streams the bundle as pretty-printed JSON, byte for byte what {@link BundleJson#write} gives for {@link
     * #generate}, holding one question at a time.
     */
    public Summary write(Writer writer, int questions, long seed, Options options) throws IOException {
        Plan plan = plan(questions, seed, options);
        try (JsonGenerator g = new JsonFactory().createGenerator(writer)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", Bundle.FORMAT);
            g.writeArrayFieldStart("locales");
            for (String l : LOCALES) {
                g.writeString(l);
            }
            g.writeEndArray();
            g.writeStringField("default_locale", "ru");
            g.writeArrayFieldStart("sites");
            for (Bundle.Site s : plan.sites) {
                g.writeStartObject();
                g.writeStringField("slug", s.slug());
                titles(g, s.title());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("sections");
            for (Bundle.Section s : plan.sections) {
                g.writeStartObject();
                g.writeStringField("site", s.site());
                g.writeStringField("path", s.path());
                g.writeNumberField("position", s.position().orElseThrow());
                titles(g, s.title());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("questions");
            IOException[] failure = new IOException[1];
            plan.questions(q -> {
                if (failure[0] == null) {
                    try {
                        question(g, q);
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        writer.write("\n");
        writer.flush();
        return new Summary(plan.sites.size(), plan.sections.size(), questions);
    }

    private static void titles(JsonGenerator g, Map<String, String> titles) throws IOException {
        g.writeObjectFieldStart("title");
        for (var e : titles.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** Field order as in {@link BundleJson#write}. */
    private static void question(JsonGenerator g, Bundle.Question q) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", q.id());
        g.writeStringField("site", q.site());
        g.writeStringField("section", q.section());
        g.writeNumberField("position", q.position());
        g.writeBooleanField("pinned", q.pinned());
        g.writeStringField("canonical", q.canonical());
        if (q.votes().isPresent()) {
            g.writeObjectFieldStart("votes");
            g.writeNumberField("up", q.votes().get().up());
            g.writeNumberField("down", q.votes().get().down());
            g.writeEndObject();
        }
        g.writeObjectFieldStart("locales");
        for (var e : q.locales().entrySet()) {
            Bundle.QuestionLocale t = e.getValue();
            g.writeObjectFieldStart(e.getKey());
            g.writeStringField("title", t.title());
            g.writeStringField("content", t.content());
            g.writeStringField("updated", t.updated().map(LocalDate::toString).orElse(null));
            g.writeStringField(
                    "published",
                    t.published()
                            .map(kz.komek.catalog.QuestionText.PUBLISHED_FORMAT::format)
                            .orElse(null));
            g.writeStringField("meta_title", t.metaTitle().orElse(null));
            g.writeStringField("meta_description", t.metaDescription().orElse(null));
            g.writeStringField("meta_h1", t.metaH1().orElse(null));
            g.writeBooleanField("no_index", t.noIndex());
            g.writeBooleanField("no_follow", t.noFollow());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    // --- the section tree ---

    private record Leaf(String site, String path, Product product, Theme theme, Subtheme sub) {}

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

    private Plan plan(int questions, long seed, Options options) {
        if (questions < 1 || questions > MAX_QUESTIONS) {
            throw new IllegalArgumentException(
                    "the number of questions must be 1 to " + MAX_QUESTIONS + ", not " + questions);
        }
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
            count += addProduct(available.get(site.slug()), taken.get(site.slug()), rng);
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
                    count += addProduct(available.get(site), taken.get(site), rng);
                }
                case 1 -> count += addTheme(withThemes.get(rng.nextInt(withThemes.size())), rng);
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
        return new Plan(seed, options, siteRecords, sections, leaves, allocate(questions, leaves, rng));
    }

    private int addProduct(List<Product> available, List<ProductNode> taken, SplittableRandom rng) {
        Product p = available.remove(0);
        ProductNode node = new ProductNode(p, vocab.products.indexOf(p));
        taken.add(node);
        return 1 + addTheme(node, rng);
    }

    private int addTheme(ProductNode p, SplittableRandom rng) {
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

    // --- questions ---

    private final class Plan {
        final long seed;
        final Options options;
        final List<Bundle.Site> sites;
        final List<Bundle.Section> sections;
        final List<Leaf> leaves;
        final int[] counts;

        Plan(
                long seed,
                Options options,
                List<Bundle.Site> sites,
                List<Bundle.Section> sections,
                List<Leaf> leaves,
                int[] counts) {
            this.seed = seed;
            this.options = options;
            this.sites = sites;
            this.sections = sections;
            this.leaves = leaves;
            this.counts = counts;
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
                    String canonical = "/" + leaf.path() + "/q" + id;
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
                        canonical = "/" + original.path() + "/q" + recentId[pick];
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
            Question question = new Question(rng, leaf);
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
                published =
                        day.atTime(rng.nextInt(8, 19), rng.nextInt(60), rng.nextInt(60), rng.nextInt(1_000_000) * 1000);
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

    /** One question's choices (kind, noun, action, numbers, answer blocks), rendered in each locale alike. */
    private final class Question {
        final Leaf leaf;
        final Noun noun;
        final Action action;
        final Problem problem;
        final Circumstance circumstance;
        final Circumstance feeCircumstance;
        final Condition condition;
        final String amount;
        final String big;
        final String huge;
        final String percent;
        final String rate;
        final int days;
        final int minutes;
        final boolean spans;
        final boolean webOnDesktop;
        final Phrase title;
        final Phrase lead;
        /** Blocks of the answer: a paragraph of sentences, then list items (either may be empty). */
        final List<List<Phrase>> paragraphs = new ArrayList<>();

        final List<List<Phrase>> lists = new ArrayList<>();

        Question(SplittableRandom rng, Leaf leaf) {
            this.leaf = leaf;
            Product product = leaf.product();
            problem = product.problems().get(rng.nextInt(product.problems().size()));
            circumstance = vocab.circumstances.get(rng.nextInt(vocab.circumstances.size()));
            Circumstance c;
            do {
                c = vocab.circumstances.get(rng.nextInt(vocab.circumstances.size()));
            } while (!c.fee());
            feeCircumstance = c;
            condition = vocab.conditions.get(rng.nextInt(vocab.conditions.size()));
            amount = money(AMOUNTS[rng.nextInt(AMOUNTS.length)]);
            big = money(BIG[rng.nextInt(BIG.length)]);
            huge = money(HUGE[rng.nextInt(HUGE.length)]);
            percent = PERCENT[rng.nextInt(PERCENT.length)];
            rate = RATES[rng.nextInt(RATES.length)];
            days = 2 + rng.nextInt(9);
            minutes = MINUTES[rng.nextInt(MINUTES.length)];
            spans = rng.nextDouble() < 0.75;
            webOnDesktop = rng.nextDouble() < 0.15;

            String kind = kind(rng, leaf.sub());
            Noun chosenNoun = null;
            Action chosenAction = null;
            List<Noun> nouns = leaf.theme().objects();
            int start = rng.nextInt(nouns.size());
            for (int i = 0; i < nouns.size() && chosenAction == null; i++) {
                Noun n = nouns.get((start + i) % nouns.size());
                List<Action> fits = new ArrayList<>();
                for (Action a : n.actions()) {
                    if (fits(kind, n, a)) {
                        fits.add(a);
                    }
                }
                if (!fits.isEmpty()) {
                    chosenNoun = n;
                    chosenAction = fits.get(rng.nextInt(fits.size()));
                }
            }
            if (chosenAction == null) {
                kind = "how";
                chosenNoun = nouns.get(start);
                chosenAction = chosenNoun
                        .actions()
                        .get(rng.nextInt(chosenNoun.actions().size()));
            }
            noun = chosenNoun;
            action = chosenAction;
            String titleKind = kind.equals("problem") && problem.why() && rng.nextBoolean() ? "problem_why" : kind;
            List<Phrase> titles = vocab.titles.get(titleKind);
            title = titles.get(rng.nextInt(titles.size()));
            String leadKind = kind.equals("problem") ? "problem" : kind;
            List<Phrase> leads = vocab.leads.get(leadKind);
            if (kind.equals("can")) {
                // the "even if …" answer goes with the "if …" question
                lead = leads.get(title.ru().slots().contains("k") ? 1 : 0);
            } else {
                lead = leads.get(rng.nextInt(leads.size()));
            }
            paragraphs.add(List.of(lead));
            switch (kind) {
                case "why" -> lists.add(pick(rng, vocab.reasons, 3 + rng.nextInt(2)));
                case "docs" -> lists.add(documents(rng));
                case "what" -> {
                    lists.add(List.of());
                    paragraphs.add(List.of(vocab.featuresIntro.get(0)));
                    lists.add(pick(rng, vocab.features, 3));
                }
                default -> lists.add(List.of());
            }
            int blocks = 2 + weighted(rng, BLOCKS_WEIGHTS);
            // steps, extra, note, link, closing: drawn at random, laid out in this order (the chat comes last)
            int[] weights = {30, 35, 25, 8, 12};
            boolean[] chosen = new boolean[weights.length];
            for (int have = paragraphs.size(); have < blocks; have++) {
                if (weights[0] + weights[1] + weights[2] + weights[3] + weights[4] == 0) {
                    break;
                }
                int b = weighted(rng, weights);
                weights[b] = 0;
                chosen[b] = true;
            }
            if (chosen[0]) {
                paragraphs.add(List.of(vocab.stepsIntro.get(rng.nextInt(vocab.stepsIntro.size()))));
                lists.add(steps(rng));
            }
            if (chosen[1]) {
                paragraphs.add(pick(rng, vocab.extra, rng.nextInt(6) == 0 ? 2 : 1));
                lists.add(List.of());
            }
            if (chosen[2]) {
                List<Phrase> notes = new ArrayList<>();
                for (Phrase p : vocab.notes) {
                    if (p.site() == null || p.site().equals(leaf.site())) {
                        notes.add(p);
                    }
                }
                paragraphs.add(List.of(notes.get(rng.nextInt(notes.size()))));
                lists.add(List.of());
            }
            if (chosen[3]) {
                paragraphs.add(List.of(vocab.links.get(rng.nextInt(vocab.links.size()))));
                lists.add(List.of());
            }
            if (chosen[4]) {
                paragraphs.add(List.of(vocab.closing.get(rng.nextInt(vocab.closing.size()))));
                lists.add(List.of());
            }
        }

        private String kind(SplittableRandom rng, Subtheme sub) {
            String[] names = vocab.kinds.keySet().stream().sorted().toArray(String[]::new);
            int[] weights = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                weights[i] =
                        vocab.kinds.get(names[i]) * (sub != null && sub.kinds().contains(names[i]) ? 5 : 1);
            }
            return names[weighted(rng, weights)];
        }

        private boolean fits(String kind, Noun n, Action a) {
            return switch (kind) {
                case "cost", "fee" -> a.fee();
                case "limit", "amount" -> a.amount();
                case "time" -> a.time();
                case "docs" -> a.docs();
                case "what" -> n.what();
                case "who" -> n.what() && a.who();
                default -> true;
            };
        }

        private List<Phrase> steps(SplittableRandom rng) {
            List<Phrase> out = new ArrayList<>(vocab.steps.subList(0, 2));
            for (Phrase p : vocab.steps.subList(2, vocab.steps.size())) {
                if (rng.nextDouble() < 0.2) {
                    out.add(p);
                }
            }
            return out;
        }

        private List<Phrase> documents(SplittableRandom rng) {
            List<Phrase> docs = vocab.documents;
            List<Phrase> out = new ArrayList<>(docs.subList(0, 2));
            if (leaf.site().equals("partner")) {
                out.addAll(docs.subList(4, 6));
            } else {
                for (Phrase p : docs.subList(2, 4)) {
                    if (rng.nextBoolean()) {
                        out.add(p);
                    }
                }
            }
            return out;
        }

        String title(int locale) {
            return title.in(locale).render(slot -> value(slot, locale));
        }

        String content(int locale) {
            StringBuilder out = new StringBuilder(1024);
            for (int i = 0; i < paragraphs.size(); i++) {
                if (i > 0) {
                    out.append('\n');
                }
                List<Phrase> sentences = paragraphs.get(i);
                if (!sentences.isEmpty()) {
                    out.append("<p>");
                    for (int s = 0; s < sentences.size(); s++) {
                        if (s > 0) {
                            out.append(' ');
                        }
                        sentences.get(s).in(locale).render(out, slot -> value(slot, locale));
                    }
                    out.append("</p>");
                }
                List<Phrase> items = lists.get(i);
                if (!items.isEmpty()) {
                    out.append("\n<ul>");
                    for (int s = 0; s < items.size(); s++) {
                        out.append("<li>");
                        items.get(s).in(locale).render(out, slot -> value(slot, locale));
                        out.append(s == items.size() - 1 ? ".</li>" : ";</li>");
                    }
                    out.append("</ul>");
                }
            }
            return out.toString();
        }

        /** The lead sentence as plain text, for a meta description. */
        String plainLead(int locale) {
            String html = lead.in(locale).render(slot -> value(slot, locale));
            return TAG.matcher(HIDDEN_VARIANTS.matcher(html).replaceAll("")).replaceAll("");
        }

        private String value(String slot, int locale) {
            Product p = leaf.product();
            String menu = p.menu()[locale];
            String theme = locale == RU ? leaf.theme().ru() : leaf.theme().kz();
            switch (slot) {
                case "brand":
                    return vocab.brand;
                case "c":
                    return locale == RU ? circumstance.ru() : circumstance.kz();
                case "cf":
                    return locale == RU ? feeCircumstance.ru() : feeCircumstance.kz();
                case "k":
                    return locale == RU ? condition.ru() : condition.kz();
                case "k2":
                    return locale == RU ? condition.ru2() : condition.kz2();
                case "x":
                    return problem.ru();
                case "x.if":
                    return problem.kzIf();
                case "x.why":
                    return problem.kzWhy();
                case "amount":
                    return amount;
                case "big":
                    return big;
                case "huge":
                    return huge;
                case "pct":
                    return percent;
                case "rate":
                    return rate;
                case "days":
                    return Integer.toString(days);
                case "minutes":
                    return Integer.toString(minutes);
                case "app.in":
                    return platformSpan(
                            vocab.phrase("app.in", locale).replace("{app}", app()),
                            webOnDesktop ? vocab.phrase("app.web", locale) : null,
                            "ссылка_приложения",
                            spans);
                case "chat":
                    return platformSpan(vocab.phrase("chat", locale), null, "остались_вопросы", true);
                case "menu":
                    return "<em>" + menu + " → " + theme + " → "
                            + action.forms().get(locale).get("button") + "</em>";
                case "menu.theme":
                    return "<em>" + menu + " → " + theme + "</em>";
                case "menu.plain":
                    return menu + " → " + theme;
                case "history":
                    return "<em>" + menu + " → " + vocab.phrase("history", locale) + "</em>";
                case "settings":
                    return "<em>" + menu + " → " + theme + " → " + vocab.phrase("settings", locale) + "</em>";
                case "link":
                    return p.link();
                case "link.text":
                    return p.link().replaceFirst("^https://", "").replaceFirst("/$", "");
                case "applink":
                    return p.app();
                case "o.obj":
                    return noun.forms().get(locale).get(locale == RU ? "acc" : action.kzCase());
                default:
                    Map<String, String> forms = slot.startsWith("o.")
                            ? noun.forms().get(locale)
                            : slot.startsWith("a.") ? action.forms().get(locale) : null;
                    String v = forms == null ? null : forms.get(slot.substring(2));
                    if (v == null) {
                        throw new IllegalStateException("no value for {" + slot + "} in " + LOCALES[locale]);
                    }
                    return v;
            }
        }

        private String app() {
            for (var s : vocab.sites) {
                if (s.slug().equals(leaf.site())) {
                    return s.app();
                }
            }
            throw new IllegalStateException("unknown site " + leaf.site());
        }
    }

    /** The seed's three platform variants: the app shows the words, a phone or desktop browser gets a macro. */
    static String platformSpan(String text, String desktopText, String macro, boolean spans) {
        if (!spans) {
            return text;
        }
        String link = "%вставка " + macro + "(" + text + ")%";
        return "<span class=\"mobileApp_only\">" + text + "</span><span class=\"mobile_only\">" + link
                + "</span><span class=\"desktop_only\">" + (desktopText == null ? link : desktopText) + "</span>";
    }

    /** {@code 1 000 000}: groups of three with a space, as the seed writes amounts. */
    static String money(int amount) {
        String digits = Integer.toString(amount);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(' ');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    private static List<Phrase> pick(SplittableRandom rng, List<Phrase> from, int count) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < from.size(); i++) {
            idx.add(i);
        }
        for (int i = idx.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            idx.set(i, idx.set(j, idx.get(i)));
        }
        List<Integer> chosen = new ArrayList<>(idx.subList(0, Math.min(count, idx.size())));
        chosen.sort(null);
        List<Phrase> out = new ArrayList<>();
        chosen.forEach(i -> out.add(from.get(i)));
        return out;
    }

    private static int weighted(SplittableRandom rng, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = rng.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static double gaussian(SplittableRandom rng) {
        // Box–Muller: SplittableRandom has no nextGaussian on Java 17
        double u = 1.0 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** A well-spread seed for stream {@code stream} of a generation seed (SplitMix64's finaliser). */
    static long mix(long seed, long stream) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
