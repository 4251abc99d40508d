package kz.komek.generate;

import static kz.komek.generate.Draws.pick;
import static kz.komek.generate.Draws.weighted;
import static kz.komek.generate.GeneratorVocabulary.LOCALES;
import static kz.komek.generate.GeneratorVocabulary.RU;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import kz.komek.generate.GeneratorVocabulary.Action;
import kz.komek.generate.GeneratorVocabulary.Circumstance;
import kz.komek.generate.GeneratorVocabulary.Condition;
import kz.komek.generate.GeneratorVocabulary.Noun;
import kz.komek.generate.GeneratorVocabulary.Phrase;
import kz.komek.generate.GeneratorVocabulary.Problem;
import kz.komek.generate.GeneratorVocabulary.Product;
import kz.komek.generate.GeneratorVocabulary.Subtheme;

/**
 * One generated question's choices (kind, noun, action, numbers, answer blocks), drawn once and rendered in each
 * locale alike, in the seed's HTML conventions.
 */
final class GeneratedQuestion {
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

    private final GeneratorVocabulary vocab;
    final GeneratorPlan.Leaf leaf;
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

    GeneratedQuestion(GeneratorVocabulary vocab, SplittableRandom rng, GeneratorPlan.Leaf leaf) {
        this.vocab = vocab;
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
        amount = BundleGenerator.money(AMOUNTS[rng.nextInt(AMOUNTS.length)]);
        big = BundleGenerator.money(BIG[rng.nextInt(BIG.length)]);
        huge = BundleGenerator.money(HUGE[rng.nextInt(HUGE.length)]);
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
            chosenAction =
                    chosenNoun.actions().get(rng.nextInt(chosenNoun.actions().size()));
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
            weights[i] = vocab.kinds.get(names[i]) * (sub != null && sub.kinds().contains(names[i]) ? 5 : 1);
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

    /** The seed's three platform variants: the app shows the words, a phone or desktop browser gets a macro. */
    static String platformSpan(String text, String desktopText, String macro, boolean spans) {
        if (!spans) {
            return text;
        }
        String link = "%вставка " + macro + "(" + text + ")%";
        return "<span class=\"mobileApp_only\">" + text + "</span><span class=\"mobile_only\">" + link
                + "</span><span class=\"desktop_only\">" + (desktopText == null ? link : desktopText) + "</span>";
    }
}
