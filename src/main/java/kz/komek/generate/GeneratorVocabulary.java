package kz.komek.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The domain vocabulary of {@link BundleGenerator}, read from {@code generate/vocabulary.json}: a help center's
 * products and themes, nouns with their Russian and Kazakh case forms (Kazakh forms are listed, not glued from
 * suffixes, so vowel harmony and consonant assimilation are right), actions with their verb forms, and sentence
 * templates in both languages. Immutable once loaded.
 */
final class GeneratorVocabulary {
    static final int RU = 0;
    static final int KZ = 1;
    static final String[] LOCALES = {"ru", "kz"};
    private static final String RESOURCE = "/generate/vocabulary.json";

    record Site(String slug, String ru, String kz, String app) {}

    record Theme(String slug, String ru, String kz, List<Noun> objects) {}

    record Problem(String ru, String kzIf, String kzWhy, boolean why) {}

    record Product(
            String site,
            String slug,
            String ru,
            String kz,
            String[] menu,
            String link,
            String app,
            List<Theme> themes,
            List<Problem> problems) {}

    record Subtheme(String slug, String ru, String kz, List<String> kinds) {}

    /** A noun phrase: {@code forms[RU]} has nom/acc/gen, {@code forms[KZ]} has nom/acc/dat/loc/abl/gen. */
    record Noun(String key, List<Map<String, String>> forms, List<Action> actions, boolean what) {}

    /** A verb: infinitive and nouns in Russian; verbal noun, dative, "when" form... in Kazakh, and its object case. */
    record Action(
            String key,
            List<Map<String, String>> forms,
            boolean fee,
            boolean time,
            boolean docs,
            boolean amount,
            boolean who) {
        String kzCase() {
            return forms.get(KZ).get("case");
        }
    }

    record Circumstance(String ru, String kz, boolean fee) {}

    record Condition(String ru, String kz, String ru2, String kz2) {}

    /** One sentence in both languages; {@code site} limits it to one site when set. */
    record Phrase(GeneratorTemplate ru, GeneratorTemplate kz, String site) {
        GeneratorTemplate in(int locale) {
            return locale == RU ? ru : kz;
        }
    }

    final String brand;
    final List<Site> sites;
    final List<Product> products;
    final List<Subtheme> subthemes;
    final List<Circumstance> circumstances;
    final List<Condition> conditions;
    final Map<String, Integer> kinds;
    final Map<String, List<Phrase>> titles;
    final Map<String, List<Phrase>> leads;
    final List<Phrase> stepsIntro;
    final List<Phrase> steps;
    final List<Phrase> reasons;
    final List<Phrase> documents;
    final List<Phrase> featuresIntro;
    final List<Phrase> features;
    final List<Phrase> extra;
    final List<Phrase> notes;
    final List<Phrase> links;
    final List<Phrase> closing;
    final Map<String, String[]> phrases;

    private GeneratorVocabulary(JsonNode root) {
        brand = root.get("brand").asText();
        sites = list(root.get("sites"), n -> new Site(text(n, "slug"), text(n, "ru"), text(n, "kz"), text(n, "app")));
        Map<String, Action> actions = byKey(
                root.get("actions"),
                (key, n) -> new Action(
                        key,
                        forms(n),
                        n.get("fee").asBoolean(),
                        n.get("time").asBoolean(),
                        n.get("docs").asBoolean(),
                        n.get("amount").asBoolean(),
                        n.get("who").asBoolean()));
        Map<String, Noun> nouns = byKey(
                root.get("objects"),
                (key, n) -> new Noun(
                        key,
                        forms(n),
                        list(n.get("actions"), a -> require(actions, a.asText())),
                        n.get("what").asBoolean()));
        products = list(
                root.get("products"),
                n -> new Product(
                        text(n, "site"),
                        text(n, "slug"),
                        text(n, "ru"),
                        text(n, "kz"),
                        new String[] {text(n.get("menu"), "ru"), text(n.get("menu"), "kz")},
                        text(n, "link"),
                        text(n, "app"),
                        list(
                                n.get("themes"),
                                t -> new Theme(
                                        text(t, "slug"),
                                        text(t, "ru"),
                                        text(t, "kz"),
                                        list(t.get("objects"), o -> require(nouns, o.asText())))),
                        list(
                                n.get("problems"),
                                p -> new Problem(
                                        text(p, "ru"),
                                        text(p, "kz_if"),
                                        text(p, "kz_why"),
                                        p.get("why").asBoolean()))));
        subthemes = list(
                root.get("subthemes"),
                n -> new Subtheme(
                        text(n, "slug"), text(n, "ru"), text(n, "kz"), list(n.get("kinds"), JsonNode::asText)));
        circumstances = list(
                root.get("circumstances"),
                n -> new Circumstance(text(n, "ru"), text(n, "kz"), n.get("fee").asBoolean()));
        conditions = list(
                root.get("conditions"),
                n -> new Condition(text(n, "ru"), text(n, "kz"), text(n, "ru2"), text(n, "kz2")));
        kinds = Map.copyOf(byKey(root.get("kinds"), (key, n) -> n.asInt()));
        titles = phraseMap(root.get("titles"));
        leads = phraseMap(root.get("leads"));
        stepsIntro = phrases(root.get("steps_intro"));
        steps = phrases(root.get("steps"));
        reasons = phrases(root.get("reasons"));
        documents = phrases(root.get("documents"));
        featuresIntro = phrases(root.get("features_intro"));
        features = phrases(root.get("features"));
        extra = phrases(root.get("extra"));
        notes = phrases(root.get("notes"));
        links = phrases(root.get("links"));
        closing = phrases(root.get("closing"));
        phrases = Map.copyOf(byKey(root.get("phrases"), (key, n) -> new String[] {text(n, "ru"), text(n, "kz")}));
    }

    static GeneratorVocabulary load() {
        try (InputStream in = GeneratorVocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new GeneratorVocabulary(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    String phrase(String key, int locale) {
        return phrases.get(key)[locale];
    }

    private static <T> T require(Map<String, T> map, String key) {
        T value = map.get(key);
        if (value == null) {
            throw new IllegalStateException(RESOURCE + ": unknown key " + key);
        }
        return value;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalStateException(RESOURCE + ": missing text field " + field + " in " + n);
        }
        return v.asText();
    }

    /** A word's forms by name, in Russian and in Kazakh ({@code forms[RU]}, {@code forms[KZ]}). */
    private static List<Map<String, String>> forms(JsonNode n) {
        return List.of(strings(n.get("ru")), strings(n.get("kz")));
    }

    private static Map<String, String> strings(JsonNode n) {
        return Map.copyOf(byKey(n, (key, v) -> v.asText()));
    }

    /** An object's fields in their order, each made into a value with its key. */
    private static <T> Map<String, T> byKey(JsonNode object, BiFunction<String, JsonNode, T> f) {
        Map<String, T> map = new LinkedHashMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), f.apply(e.getKey(), e.getValue())));
        return map;
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> f) {
        List<T> out = new ArrayList<>();
        array.forEach(n -> out.add(f.apply(n)));
        return List.copyOf(out);
    }

    private static List<Phrase> phrases(JsonNode array) {
        return list(
                array,
                n -> new Phrase(
                        GeneratorTemplate.compile(text(n, "ru")),
                        GeneratorTemplate.compile(text(n, "kz")),
                        n.hasNonNull("site") ? n.get("site").asText() : null));
    }

    private static Map<String, List<Phrase>> phraseMap(JsonNode object) {
        return Map.copyOf(byKey(object, (key, v) -> phrases(v)));
    }
}
