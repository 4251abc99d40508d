package kz.komek.deflection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A labelled set of chat-like messages for the deflection API, made from the help-center corpus by general rules and
 * a seeded random: nothing here is written for one question. Each corpus question gives a few messages in each of
 * its languages (its title in a reader's words, or kept as it is; a situation told with words of its answer; a
 * two-or-three-word message; a long story), wrapped as people write to a bank's chat (greeting, "подскажите",
 * context, thanks), sometimes with personal data (card, phone, IIN, e-mail, IBAN), and with 0–2 kinds of typing
 * noise (typo, wrong keyboard layout, Latin letters, lower case without punctuation, the other language mixed in).
 * About a fifth of the messages are ones no question answers (operator, small talk, complaints, other topics), each
 * checked to share no word stem of five letters with any corpus title. Questions are split in two halves by the id
 * of their canonical question (cross-listed copies stay together): "fit" and "check".
 *
 * <p>Longer than 500 lines: the rules and their word lists are one generator, read top to bottom; split up, the
 * general lists would sit far from the one rule each serves.
 *
 * <p>Usage: {@code ChatMessages <corpus.json> <out.jsonl> <seed> <fit|check>}.
 */
public final class ChatMessages {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Private-use characters stand for personal data until the noise is done, so no noise touches it. */
    private static final char MARK = '\uE000';

    private final SplittableRandom random;
    private final Map<String, Set<String>> titleStems = new HashMap<>();

    private ChatMessages(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: ChatMessages <corpus.json> <out.jsonl> <seed> <fit|check>");
            System.exit(2);
        }
        int lines = generate(Path.of(args[0]), Path.of(args[1]), Long.parseLong(args[2]), args[3]);
        System.out.println(lines + " messages written to " + args[1]);
    }

    /** Writes the messages of one half of the corpus; returns how many. */
    public static int generate(Path corpus, Path out, long seed, String split) throws IOException {
        if (!split.equals("fit") && !split.equals("check")) {
            throw new IllegalArgumentException("split is fit or check: " + split);
        }
        List<ObjectNode> messages = new ChatMessages(seed).build(JSON.readTree(corpus.toFile()), split);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (ObjectNode m : messages) {
                w.write(JSON.writeValueAsString(m));
                w.write('\n');
            }
        }
        return messages.size();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The corpus: questions, cross-listed copies, the split

    private record Question(long id, String site, Map<String, String> titles, Map<String, String> bodies) {}

    private static final Pattern CANONICAL_ID = Pattern.compile("/q(\\d+)$");

    /** Which half a question's group goes to: by the id of the group's canonical question. */
    static String half(long canonicalId) {
        return Math.floorMod(Long.hashCode(canonicalId * 0x9E3779B97F4A7C15L), 2) == 0 ? "fit" : "check";
    }

    private List<ObjectNode> build(JsonNode bundle, String split) {
        List<Question> questions = new ArrayList<>();
        Map<Long, Long> parent = new HashMap<>();
        for (JsonNode q : bundle.path("questions")) {
            Map<String, String> titles = new HashMap<>();
            Map<String, String> bodies = new HashMap<>();
            for (String loc : List.of("ru", "kz")) {
                JsonNode l = q.path("locales").path(loc);
                if (l.hasNonNull("title") && !l.path("title").asText().isBlank()) {
                    titles.put(loc, l.path("title").asText().strip());
                    bodies.put(loc, l.path("content").asText(""));
                }
            }
            long id = q.path("id").asLong();
            questions.add(new Question(id, q.path("site").asText(), titles, bodies));
            parent.putIfAbsent(id, id);
        }
        Set<Long> ids = new HashSet<>(parent.keySet());
        for (JsonNode q : bundle.path("questions")) {
            Matcher m = CANONICAL_ID.matcher(q.path("canonical").asText(""));
            if (m.find() && ids.contains(Long.parseLong(m.group(1)))) {
                union(parent, q.path("id").asLong(), Long.parseLong(m.group(1)));
            }
        }
        for (Question q : questions) {
            for (var e : q.titles().entrySet()) {
                Set<String> stems = titleStems.computeIfAbsent(e.getKey(), k -> new HashSet<>());
                for (String w : words(e.getValue())) {
                    if (w.length() >= 5) {
                        stems.add(w.substring(0, 5));
                    }
                }
            }
        }

        List<ObjectNode> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Question q : questions) {
            long root = find(parent, q.id());
            if (!half(root).equals(split)) {
                continue;
            }
            List<Long> relevant = new ArrayList<>(new TreeSet<>(questions.stream()
                    .filter(o -> o.site().equals(q.site()) && find(parent, o.id()) == root)
                    .map(Question::id)
                    .toList()));
            List<String> locales = q.titles().keySet().stream().sorted().toList();
            int total = 8 + random.nextInt(3);
            for (int i = 0; i < total; i++) {
                String lang = locales.size() == 1 ? locales.get(0) : locales.get(i % 2);
                for (int attempt = 0; attempt < 20; attempt++) {
                    ObjectNode m = answerable(q, lang, relevant);
                    if (seen.add(m.path("message").asText())) {
                        out.add(m);
                        break;
                    }
                }
            }
        }
        int unanswerable = (int) Math.round(out.size() * 0.25);
        double partnerShare = (double) questions.stream()
                        .filter(q -> q.site().equals("partner"))
                        .count()
                / questions.size();
        for (int made = 0, attempts = 0; made < unanswerable && attempts < unanswerable * 200; attempts++) {
            ObjectNode m = unanswerable(split, random.nextDouble() < partnerShare ? "partner" : "client");
            if (m != null && seen.add(m.path("message").asText())) {
                out.add(m);
                made++;
            }
        }
        for (int i = out.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            ObjectNode t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }

    private static long find(Map<Long, Long> parent, long id) {
        long p = parent.get(id);
        return p == id ? id : find(parent, p);
    }

    /** Joins a cross-listed copy to the question its canonical path names, which stays the group's root. */
    private static void union(Map<Long, Long> parent, long copy, long canonical) {
        long rc = find(parent, copy);
        long rq = find(parent, canonical);
        if (rc != rq) {
            parent.put(rc, rq);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // One answerable message

    private ObjectNode answerable(Question q, String lang, List<Long> relevant) {
        List<String> noise = pickNoise();
        boolean mixed = noise.contains("mixed");
        double k = random.nextDouble();
        String kind;
        String core;
        if (k < 0.34) {
            kind = "reader";
            core = readerWords(q.titles().get(lang), lang);
        } else if (k < 0.46) {
            kind = "verbatim";
            core = q.titles().get(lang);
        } else if (k < 0.72) {
            kind = "situation";
            core = situation(q.titles().get(lang), q.bodies().get(lang), lang);
        } else if (k < 0.86) {
            kind = "short";
            core = shortWords(q.titles().get(lang));
        } else {
            kind = "long";
            core = null;
        }
        List<String> pii = new ArrayList<>();
        String text;
        if (kind.equals("long")) {
            text = longMessage(q, lang, mixed, pii);
        } else if (kind.equals("short")) {
            text = core;
            if (random.nextDouble() < 0.1) {
                text = insertPii(text, lang, pii);
            }
        } else {
            text = wrap(core, lang, mixed, pii, 1.0);
        }
        return line(text, q.site(), lang, relevant, kind, noise, pii, q.id());
    }

    private ObjectNode line(
            String text,
            String site,
            String lang,
            List<Long> relevant,
            String kind,
            List<String> noise,
            List<String> pii,
            Long source) {
        String noisy = applyNoise(text, lang, noise);
        for (int i = 0; i < pii.size(); i++) {
            noisy = noisy.replace(mark(i), pii.get(i));
        }
        ObjectNode m = JSON.createObjectNode();
        m.put("message", noisy.replaceAll("\\s+", " ").strip());
        m.put("site", site);
        if (random.nextDouble() < 0.3) {
            m.putNull("locale");
        } else {
            m.put("locale", lang);
        }
        ArrayNode r = m.putArray("relevant");
        relevant.forEach(r::add);
        m.put("kind", kind);
        ArrayNode n = m.putArray("noise");
        noise.forEach(n::add);
        ArrayNode p = m.putArray("pii");
        pii.forEach(p::add);
        if (source == null) {
            m.putNull("source");
        } else {
            m.put("source", source);
        }
        return m;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Rule 1: the title in a reader's words

    private static final Set<String> STOP = Set.copyOf(List.of(
            // Russian function words and question words
            "и",
            "в",
            "во",
            "на",
            "по",
            "за",
            "из",
            "с",
            "со",
            "к",
            "ко",
            "о",
            "об",
            "от",
            "до",
            "для",
            "без",
            "при",
            "через",
            "у",
            "а",
            "но",
            "или",
            "ли",
            "не",
            "ни",
            "же",
            "бы",
            "что",
            "как",
            "где",
            "когда",
            "почему",
            "какой",
            "какая",
            "какие",
            "каких",
            "каком",
            "какому",
            "каким",
            "сколько",
            "можно",
            "нужно",
            "есть",
            "это",
            "чем",
            "его",
            "её",
            "ее",
            "их",
            "он",
            "она",
            "они",
            "я",
            "мне",
            "меня",
            "мой",
            "моя",
            "мои",
            "мою",
            "моё",
            "мы",
            "вы",
            "вам",
            "вас",
            "ваш",
            "так",
            "то",
            "если",
            "только",
            "уже",
            "ещё",
            "еще",
            "там",
            "да",
            "нет",
            "будет",
            "быть",
            "все",
            "всё",
            "этот",
            "эта",
            "эти",
            "тоже",
            "также",
            "очень",
            "свои",
            "свой",
            "себе",
            "кто",
            "чего",
            "том",
            "делать",
            "ли",
            // Kazakh function words and question words
            "және",
            "мен",
            "бен",
            "пен",
            "деген",
            "неге",
            "неліктен",
            "қалай",
            "қандай",
            "қашан",
            "қайдан",
            "қай",
            "қанша",
            "неше",
            "ма",
            "ме",
            "ба",
            "бе",
            "па",
            "пе",
            "болады",
            "бола",
            "болса",
            "керек",
            "үшін",
            "бойынша",
            "арқылы",
            "туралы",
            "бар",
            "жоқ",
            "да",
            "де",
            "та",
            "те",
            "бірақ",
            "немесе",
            "ол",
            "оны",
            "оның",
            "бұл",
            "осы",
            "менің",
            "маған",
            "сіз",
            "сізге",
            "әлі",
            "ең",
            "тек",
            "ғана",
            "екені",
            "арналған",
            "істеу",
            "не",
            "оған",
            "бір"));

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('ё', 'е'));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static boolean content(String token) {
        String raw = token.replaceAll("[^\\p{L}\\p{N}]", "");
        String w = raw.toLowerCase(Locale.ROOT).replace('ё', 'е');
        if (w.isEmpty() || STOP.contains(w)) {
            return false;
        }
        return w.length() >= 3 || raw.chars().anyMatch(Character::isDigit) || !raw.equals(w);
    }

    private static String lowerFirst(String s) {
        if (s.isEmpty()) {
            return s;
        }
        String first = s.split(" ", 2)[0];
        boolean brand = first.codePoints().skip(1).anyMatch(Character::isUpperCase)
                || first.codePoints().anyMatch(c -> c < 0x400 && Character.isLetter(c));
        return brand ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private static final Pattern RU_WHAT_IF = Pattern.compile("(?iuU)^что делать,? если (.+?)\\??$");
    private static final Pattern RU_WHAT_WILL = Pattern.compile("(?iuU)^что будет,? если (.+?)\\??$");
    private static final Pattern RU_HOW = Pattern.compile("(?iuU)^как (?:можно )?(.+?)\\??$");
    private static final Pattern RU_CAN = Pattern.compile("(?iuU)^можно ли (.+?)\\??$");
    private static final Pattern RU_IS_THERE = Pattern.compile("(?iuU)^есть ли (.+?)\\??$");
    private static final Pattern RU_WHY = Pattern.compile("(?iuU)^почему (.+?)\\??$");
    private static final Pattern RU_WHERE = Pattern.compile("(?iuU)^где (?:можно )?(.+?)\\??$");
    private static final Pattern RU_WHAT_IS = Pattern.compile("(?iuU)^что такое (.+?)\\??$");
    private static final Pattern RU_WH = Pattern.compile(
            "(?iuU)^(сколько|какая|какой|какие|каких|когда|кто|у каких|в какие|за сколько|по какому) (.+?)\\??$");
    private static final Pattern RU_VERB_LI = Pattern.compile("(?iuU)^(\\p{L}+) ли (.+?)\\??$");

    private static final Pattern KZ_WHAT_TO_DO = Pattern.compile("(?iuU)^(.*?)[.,]?\\s*не істеу керек\\??$");
    private static final Pattern KZ_WHY = Pattern.compile("(?iuU)^неліктен (.+?)\\??$");
    private static final Pattern KZ_HOW = Pattern.compile("(?iuU)^(.*?)\\bқалай (.+?) болады\\??$");
    private static final Pattern KZ_CAN = Pattern.compile("(?iuU)^(.+?) бола ма\\??$");
    private static final Pattern KZ_WHAT_WILL = Pattern.compile("(?iuU)^(.+?),? не болады\\??$");
    private static final Pattern KZ_WHAT_IS = Pattern.compile("(?iuU)^(.+?) деген не(.*?)\\??$");
    private static final Pattern KZ_WH =
            Pattern.compile("(?iuU)^(.*?)\\b(қанша|қандай|қашан|қайдан|қай|неше)\\b(.*?)\\??$");
    private static final Pattern KZ_PARTICLE = Pattern.compile("(?iuU)^(.+?) (ма|ме|ба|бе|па|пе)\\??$");

    /** The title as a reader types it: scaffolding dropped, first person, some words left out, a little reordered. */
    String readerWords(String title, String lang) {
        // a statement before the question stays as context: "Я купил товар… Начислят ли мне бонус?"
        String context = "";
        String question = title.strip();
        int dot = question.lastIndexOf(". ");
        if (dot > 0) {
            context = question.substring(0, dot);
            question = question.substring(dot + 2);
        }
        String q = question.replaceAll("\\?$", "");
        String out;
        Matcher m;
        if (lang.equals("ru")) {
            if (!context.isEmpty() && q.matches("(?iuU)что делать|что теперь делать")) {
                String c = drop(lang, lowerFirst(context));
                out = pick(
                        "у меня " + c + ", что делать?",
                        c + ". что теперь делать",
                        c + ", помогите",
                        c + ", как быть?");
                context = "";
            } else if ((m = RU_WHAT_IF.matcher(q)).matches()) {
                String x = drop(lang, m.group(1));
                out = pick("у меня " + x + ", что делать?", x + ". что делать", x + ", как быть?", "а если " + x + "?");
            } else if ((m = RU_WHAT_WILL.matcher(q)).matches()) {
                String x = drop(lang, m.group(1));
                out = pick("если " + x + ", что будет?", "что будет если " + x, "а если " + x + ", что тогда?");
            } else if ((m = RU_CAN.matcher(q)).matches()) {
                String x = drop(lang, m.group(1));
                out = pick("а можно " + x + "?", "хочу " + x + ", это возможно?", x + " можно?", "можно " + x + "?");
            } else if ((m = RU_IS_THERE.matcher(q)).matches()) {
                String x = drop(lang, m.group(1));
                out = pick(x + " есть?", "а есть " + x + "?", "а " + x + " вообще есть?");
            } else if ((m = RU_WHY.matcher(q)).matches()) {
                String x = drop(lang, m.group(1));
                out = pick(x + ", почему?", "почему " + x + "?", "не понимаю почему " + x, x + ". в чём причина?");
            } else if ((m = RU_WHERE.matcher(q)).matches()) {
                String x = drop(lang, m.group(1));
                out = pick("не могу найти где " + x, "где у вас " + x + "?", "подскажите где " + x, "хочу " + x);
            } else if ((m = RU_WHAT_IS.matcher(q)).matches()) {
                String x = drop(lang, m.group(1));
                out = pick("что за " + x + "?", x + " это что?", "расскажите про " + x);
            } else if ((m = RU_HOW.matcher(q)).matches()
                    && !RU_INFINITIVE
                            .matcher(m.group(1).split(" ")[0].toLowerCase(Locale.ROOT))
                            .matches()) {
                String x = drop(lang, m.group(1));
                out = pick("а как " + x + "?", x + " — как это?", "расскажите как " + x);
            } else if ((m = RU_HOW.matcher(q)).matches()) {
                String x = drop(lang, m.group(1));
                out = pick(
                        "хочу " + x,
                        "мне нужно " + x,
                        "не могу " + x,
                        "не получается " + x,
                        "как мне " + x + "?",
                        "я хочу " + x,
                        "хотел бы " + x,
                        "у меня не выходит " + x);
            } else if ((m = RU_WH.matcher(q)).matches()) {
                String wh = m.group(1).toLowerCase(Locale.ROOT);
                String x = drop(lang, m.group(2));
                out = pick(x + " " + wh + "?", wh + " " + x + "?", "хочу узнать " + wh + " " + x);
            } else if ((m = RU_VERB_LI.matcher(q)).matches()) {
                String verb = m.group(1).toLowerCase(Locale.ROOT);
                String x = drop(lang, m.group(2));
                out = pick(x + " " + verb + "?", "а " + x + " " + verb + "?", verb + " " + x + "?");
            } else {
                out = drop(lang, lowerFirst(q));
            }
        } else {
            if (!context.isEmpty() && q.matches("(?iuU)не істеу керек")) {
                String c = drop(lang, lowerFirst(context));
                out = pick(c + ", не істеймін?", c + ". не істеу керек", c + ", көмектесіңізші");
                context = "";
            } else if ((m = KZ_WHAT_TO_DO.matcher(q)).matches() && !m.group(1).isBlank()) {
                String x = drop(lang, lowerFirst(m.group(1)));
                out = pick(x + ", не істеймін?", x + ". не істеу керек", x + ", көмектесіңізші");
            } else if ((m = KZ_WHY.matcher(q)).matches()) {
                String x = drop(lang, m.group(1));
                out = pick(x + ", неге?", "неге " + x + "?", x + ". себебі неде?");
            } else if ((m = KZ_HOW.matcher(q)).matches()) {
                String x = drop(lang, verbalNoun(lowerFirst((m.group(1) + " " + m.group(2)).strip())));
                out = pick("маған " + x + " керек", x + " керек еді", x + " қалай?", x + " туралы білгім келеді");
            } else if ((m = KZ_CAN.matcher(q)).matches()) {
                String x = drop(lang, verbalNoun(lowerFirst(m.group(1))));
                out = pick(x + " мүмкін бе?", x + " болмай ма?", "маған " + x + " керек, болады ма?");
            } else if ((m = KZ_WHAT_WILL.matcher(q)).matches()) {
                String x = drop(lang, lowerFirst(m.group(1)));
                out = pick(x + ", енді не болады?", x + ", не болады");
            } else if ((m = KZ_WHAT_IS.matcher(q)).matches()) {
                String x = drop(lang, lowerFirst(m.group(1)));
                String rest = m.group(2).isBlank() ? "" : " " + drop(lang, m.group(2));
                out = pick(x + " деген не өзі" + rest + "?", x + " туралы айтып беріңізші" + rest);
            } else if ((m = KZ_WH.matcher(q)).matches()) {
                String wh = m.group(2).toLowerCase(Locale.ROOT);
                String x = drop(
                        lang,
                        lowerFirst((m.group(1) + " " + m.group(3))
                                .replaceAll("\\s+", " ")
                                .strip()));
                out = pick(x + " " + wh + "?", x + " " + wh + " екен?", "айтыңызшы, " + x + " " + wh + "?");
            } else if ((m = KZ_PARTICLE.matcher(q)).matches()) {
                String x = drop(lang, lowerFirst(m.group(1)));
                out = pick(
                        x + " " + m.group(2) + "?", "айтыңызшы, " + x + " " + m.group(2) + "?", x + " " + m.group(2));
            } else {
                out = drop(lang, lowerFirst(q));
            }
        }
        if (!context.isEmpty()) {
            out = drop(lang, context) + ". " + out;
        }
        return out.replaceAll("\\s+", " ").strip();
    }

    /** Kazakh "-уға/-уге" (infinitive in the dative, after "болады") back to the bare verbal noun "-у". */
    private static String verbalNoun(String s) {
        return s.replaceAll("(?U)(\\p{L}+[уюү])(ға|ге)\\b", "$1");
    }

    /** The verb a reader keeps: a Russian infinitive, a Kazakh verbal noun. */
    private static final Pattern RU_INFINITIVE = Pattern.compile("(?U)\\p{L}{2,}(ть|ться|ти)");

    private static final Pattern KZ_VERBAL_NOUN = Pattern.compile("(?U)\\p{L}{2,}[уюү]");

    /** Keeps 50–90% of the content words (all of them when there are two or fewer), sometimes swaps two neighbours. */
    private String drop(String lang, String phrase) {
        List<String> tokens = new ArrayList<>(List.of(phrase.strip().split("\\s+")));
        List<Integer> contentAt = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i).replaceAll("[,.]+$", "").toLowerCase(Locale.ROOT);
            boolean verb = (lang.equals("ru") ? RU_INFINITIVE : KZ_VERBAL_NOUN)
                    .matcher(t)
                    .matches();
            if (content(tokens.get(i)) && !verb) {
                contentAt.add(i);
            }
        }
        int n = contentAt.size();
        if (n >= 3) {
            int keep = Math.max(2, (int) Math.round(n * (0.5 + 0.4 * random.nextDouble())));
            Set<Integer> dropped = new HashSet<>();
            while (n - dropped.size() > keep) {
                dropped.add(contentAt.get(random.nextInt(n)));
            }
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                boolean danglingPreposition =
                        !content(tokens.get(i)) && tokens.get(i).length() <= 3 && dropped.contains(i + 1);
                if (!dropped.contains(i) && !danglingPreposition) {
                    kept.add(tokens.get(i));
                }
            }
            tokens = kept;
        }
        if (tokens.size() >= 3 && random.nextDouble() < 0.3) {
            int i = random.nextInt(tokens.size() - 1);
            String t = tokens.get(i);
            if (content(t)
                    && content(tokens.get(i + 1))
                    && !t.endsWith(",")
                    && !tokens.get(i + 1).endsWith(",")) {
                tokens.set(i, tokens.get(i + 1));
                tokens.set(i + 1, t);
            }
        }
        return String.join(" ", tokens).replaceAll("[,.]+$", "");
    }

    /** Two or three content words of the title. */
    private String shortWords(String title) {
        List<String> cw = new ArrayList<>();
        for (String t : title.split("[\\s/]+")) {
            String w = trimPunctuation(t);
            if (content(w)) {
                cw.add(lowerFirst(w));
            }
        }
        int k = Math.min(cw.size(), 2 + random.nextInt(2));
        List<String> chosen = new ArrayList<>(cw);
        while (chosen.size() > k) {
            chosen.remove(random.nextInt(chosen.size()));
        }
        if (chosen.size() >= 2 && random.nextDouble() < 0.3) {
            chosen.add(chosen.remove(0));
        }
        String s = lowerFirst(String.join(" ", chosen));
        return random.nextDouble() < 0.3 ? s + "?" : s;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Rule 2: the situation, told with words of the answer

    private static final Pattern VERB_LIKE = Pattern.compile("(?U).*(ть|ться|ти|уға|уге)$");

    private static String trimPunctuation(String token) {
        return token.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
    }

    private static String plainText(String html) {
        // the help center's link macros ("%вставка ссылка_приложения(…)%") stand beside their plain text
        return html.replaceAll("%[\\p{L}_ ]+\\([^()%]*\\)%", " ")
                .replaceAll("(?i)<br\\s*/?>|</p>|</li>|</h\\d>", ". ")
                .replaceAll("<[^>]+>", " ")
                .replace("&nbsp;", " ")
                .replace("&amp;", "&")
                .replaceAll("&[a-z]+;", " ")
                .replaceAll("\\s+", " ")
                .strip();
    }

    String situation(String title, String html, String lang) {
        String text = plainText(html);
        String[] sentences = text.split("(?<=[.!?:])\\s+");
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < sentences.length && i < 2; i++) {
            first.append(sentences[i]).append(' ');
        }
        List<String> answerWords = new ArrayList<>();
        for (String t : first.toString().split("[\\s/]+")) {
            String w = trimPunctuation(t);
            if (w.length() >= 3 && content(w) && !answerWords.contains(w.toLowerCase(Locale.ROOT))) {
                answerWords.add(lowerFirst(w));
            }
        }
        int k = Math.min(answerWords.size(), 3 + random.nextInt(6));
        while (answerWords.size() > k) {
            answerWords.remove(random.nextInt(answerWords.size()));
        }
        List<String> nouns = new ArrayList<>();
        for (String t : title.split("[\\s/]+")) {
            String w = trimPunctuation(t);
            if (content(w)
                    && !VERB_LIKE.matcher(w.toLowerCase(Locale.ROOT)).matches()
                    && answerWords.stream().noneMatch(a -> a.equalsIgnoreCase(w))) {
                nouns.add(lowerFirst(w));
            }
        }
        if (nouns.isEmpty()) {
            // every key noun is among the answer's words already: any content word of the title
            for (String t : title.split("[\\s/]+")) {
                if (content(trimPunctuation(t))) {
                    nouns.add(lowerFirst(trimPunctuation(t)));
                }
            }
        }
        int kn = Math.min(nouns.size(), 1 + random.nextInt(2));
        while (nouns.size() > kn) {
            nouns.remove(random.nextInt(nouns.size()));
        }
        String a = String.join(" ", answerWords);
        String t = String.join(" ", nouns);
        if (lang.equals("ru")) {
            return pick(
                    "у меня " + t + " " + a,
                    "я насчёт " + t + ": " + a + ", как быть?",
                    "ситуация такая: " + t + ", " + a,
                    "по поводу " + t + ". " + a + " — это как?",
                    t + " " + a + ", что мне делать?");
        }
        return pick(
                "менің " + t + " " + a,
                t + " туралы: " + a + ", қалай болады?",
                "мен " + t + " жайлы сұрайын: " + a,
                t + " " + a + ", не істеймін?");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Rule 3: chat wrapping

    private static final List<String> RU_GREET = List.of("Здравствуйте", "Добрый день", "Привет", "Добрый вечер");
    private static final List<String> KZ_GREET = List.of("Сәлеметсіз бе", "Сәлем", "Қайырлы күн", "Армысыз");
    private static final List<String> RU_ASK =
            List.of("подскажите пожалуйста", "помогите", "у меня вопрос", "подскажите");
    private static final List<String> KZ_ASK = List.of("айтыңызшы", "көмектесіңізші", "сұрағым бар", "көмек керек");
    private static final List<String> RU_THANKS =
            List.of("Спасибо", "Заранее спасибо", "Спасибо большое", "жду ответа");
    private static final List<String> KZ_THANKS = List.of("Рақмет", "Алдын ала рақмет", "Көп рақмет", "жауап күтемін");
    private static final List<String> RU_CONTEXT = List.of(
            "вчера пытался весь вечер, ничего не получается",
            "звонил на горячую линию, никто не берёт трубку",
            "я уже давно ваш клиент",
            "мне срочно нужно решить этот вопрос",
            "уже третий день не могу разобраться",
            "друг посоветовал написать сюда",
            "на сайте ничего не нашёл",
            "извините, если не туда пишу",
            "я в этом не очень разбираюсь",
            "сегодня утром опять попробовала, всё то же самое",
            "мама просила узнать, сама она не пользуется телефоном",
            "пишу уже второй раз, ответа так и не было");
    private static final List<String> KZ_CONTEXT = List.of(
            "мен бұны бірнеше рет жасап көрдім",
            "кеше кешке дейін әрекет еттім, ештеңе шықпады",
            "ыстық желіге қоңырау шалдым, ешкім алмайды",
            "бұл мәселені тез шешуім керек",
            "үш күннен бері түсіне алмай жүрмін",
            "досым осында жазуға кеңес берді",
            "сайттан ештеңе таппадым",
            "кешіріңіз, дұрыс жерге жазбасам",
            "мен бұған онша түсінбеймін",
            "бүгін таңертең тағы көрдім, бәрі бұрынғыдай",
            "анам сұрап жатыр, өзі телефонды қолдана алмайды",
            "екінші рет жазып отырмын, әлі жауап жоқ");
    private static final List<String> RU_FILLERS =
            List.of("короче", "вообще", "пожалуйста", "срочно", "слушайте", "кстати");

    /** Greeting, a request for help, a sentence of context, personal data and thanks around the core, each by chance. */
    private String wrap(String core, String lang, boolean mixed, List<String> pii, double scale) {
        boolean ru = lang.equals("ru");
        // mixed: a greeting or closing in the other language; in a Kazakh message also a Russian word inside
        boolean otherGreeting = mixed && random.nextBoolean();
        boolean otherThanks = mixed && !otherGreeting;
        List<String> parts = new ArrayList<>();
        if (otherGreeting || random.nextDouble() < 0.5 * scale) {
            parts.add(pick(ru != otherGreeting ? RU_GREET : KZ_GREET) + pick("!", ",", ".", ""));
        }
        if (random.nextDouble() < 0.3 * scale) {
            parts.add(pick(ru ? RU_ASK : KZ_ASK) + pick(",", ".", "!"));
        }
        if (random.nextDouble() < 0.15 * scale) {
            parts.add(capital(pick(ru ? RU_CONTEXT : KZ_CONTEXT)) + ".");
        }
        String body = core;
        if (mixed && !ru) {
            List<String> t = new ArrayList<>(List.of(body.split(" ")));
            t.add(random.nextInt(t.size() + 1), pick(RU_FILLERS));
            body = String.join(" ", t);
        }
        boolean sentenceStart = parts.isEmpty() || parts.get(parts.size() - 1).matches("(?s).*[.!?]$");
        parts.add(sentenceStart && random.nextDouble() < 0.7 ? capital(body) : body);
        if (otherThanks || random.nextDouble() < 0.4 * scale) {
            parts.add(pick(ru != otherThanks ? RU_THANKS : KZ_THANKS) + pick("!", ".", ""));
        }
        String text = String.join(" ", parts);
        if (random.nextDouble() < 0.2) {
            text = insertPii(text, lang, pii);
        }
        return text;
    }

    private List<String> greetings(String lang, boolean mixed) {
        return lang.equals("kz") != mixed ? KZ_GREET : RU_GREET;
    }

    private static String endSentence(String s) {
        return s.matches("(?s).*[.!?]$") ? s : s + ".";
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Greeting, context sentences, the question in a reader's words, the situation and thanks: 40 words or more. */
    private String longMessage(Question q, String lang, boolean mixed, List<String> pii) {
        boolean ru = lang.equals("ru");
        List<String> context = new ArrayList<>(ru ? RU_CONTEXT : KZ_CONTEXT);
        List<String> parts = new ArrayList<>();
        parts.add(pick(greetings(lang, mixed)) + ".");
        parts.add(capital(pick(ru ? RU_ASK : KZ_ASK)) + ".");
        String title = q.titles().get(lang);
        parts.add(endSentence(capital(readerWords(title, lang))));
        parts.add(endSentence(capital(situation(title, q.bodies().get(lang), lang))));
        while (String.join(" ", parts).split("\\s+").length < 40 && !context.isEmpty()) {
            String c = context.remove(random.nextInt(context.size()));
            parts.add(1 + random.nextInt(parts.size() - 1), capital(c) + ".");
        }
        parts.add(pick(ru != mixed ? RU_THANKS : KZ_THANKS) + ".");
        String text = String.join(" ", parts);
        if (random.nextDouble() < 0.25) {
            text = insertPii(text, lang, pii);
        }
        return text;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Rule 4: personal data

    private static String mark(int i) {
        return "" + MARK + (char) (MARK + 1 + i);
    }

    private String insertPii(String text, String lang, List<String> pii) {
        int count = random.nextDouble() < 0.1 ? 2 : 1;
        for (int c = 0; c < count; c++) {
            double k = random.nextDouble();
            String value;
            String phrase;
            boolean ru = lang.equals("ru");
            String m = mark(pii.size());
            if (k < 0.35) {
                value = card();
                phrase = pick(
                                ru
                                        ? List.of("карта ", "моя карта ", "номер карты ", "")
                                        : List.of("картам ", "карта нөмірі ", ""))
                        + m;
            } else if (k < 0.65) {
                value = phone();
                phrase = pick(
                                ru
                                        ? List.of("мой номер ", "номер телефона ", "перезвоните на ", "")
                                        : List.of("нөмірім ", "телефон нөмірім ", "осы нөмірге хабарласыңыз ", ""))
                        + m;
            } else if (k < 0.8) {
                value = iin();
                phrase = pick(ru ? List.of("ИИН ", "мой иин ", "иин: ") : List.of("ЖСН ", "ЖСН-ім ", "жсн: ")) + m;
            } else if (k < 0.9) {
                value = email();
                phrase = pick(
                                ru
                                        ? List.of("почта ", "пишите на ", "мой email ")
                                        : List.of("поштам ", "осыған жазыңыз ", "email "))
                        + m;
            } else {
                value = iban();
                phrase = pick(ru ? List.of("счёт ", "IBAN ", "мой счёт ") : List.of("шотым ", "IBAN ", "шот нөмірі "))
                        + m;
            }
            pii.add(value);
            List<String> sentences = new ArrayList<>(List.of(text.split("(?<=[.!?])\\s+")));
            int at = random.nextInt(sentences.size() + 1);
            sentences.add(at, at == sentences.size() ? phrase : capital(phrase) + ".");
            text = String.join(" ", sentences);
        }
        return text;
    }

    private String digits(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    private String card() {
        String d = pick("4", "5") + digits(15);
        return random.nextDouble() < 0.6
                ? d.substring(0, 4) + " " + d.substring(4, 8) + " " + d.substring(8, 12) + " " + d.substring(12)
                : d;
    }

    private String phone() {
        String op = pick("701", "702", "705", "707", "708", "747", "771", "775", "777", "778");
        String d = digits(7);
        return switch (random.nextInt(4)) {
            case 0 -> "+7 " + op + " " + d.substring(0, 3) + " " + d.substring(3, 5) + " " + d.substring(5);
            case 1 -> "8" + op + d;
            case 2 -> "8 (" + op + ") " + d.substring(0, 3) + "-" + d.substring(3, 5) + "-" + d.substring(5);
            default -> "+7" + op + d;
        };
    }

    private String iin() {
        int yy = random.nextInt(100);
        int mm = 1 + random.nextInt(12);
        int dd = 1 + random.nextInt(28);
        return String.format(Locale.ROOT, "%02d%02d%02d", yy, mm, dd) + digits(6);
    }

    private String email() {
        String[] syllables = {"ai", "bek", "nur", "dan", "ar", "gul", "sa", "ma", "er", "lan", "zhan", "ol", "as", "tim"
        };
        StringBuilder b = new StringBuilder();
        for (int i = 0, n = 2 + random.nextInt(2); i < n; i++) {
            b.append(syllables[random.nextInt(syllables.length)]);
        }
        if (random.nextBoolean()) {
            b.append(pick(".", "_", "")).append(digits(2 + random.nextInt(3)));
        }
        return b + "@" + pick("gmail.com", "mail.ru", "yandex.kz", "inbox.ru", "list.ru", "bk.ru");
    }

    private String iban() {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        StringBuilder acct = new StringBuilder();
        for (int i = 0; i < 13; i++) {
            acct.append(
                    random.nextInt(4) == 0
                            ? letters.charAt(random.nextInt(letters.length()))
                            : (char) ('0' + random.nextInt(10)));
        }
        String s = "KZ" + digits(2) + digits(3) + acct;
        if (random.nextDouble() < 0.3) {
            return s.replaceAll("(.{4})(?!$)", "$1 ");
        }
        return s;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Rule 5: noise, as people type

    private List<String> pickNoise() {
        List<String> noise = new ArrayList<>();
        double r = random.nextDouble();
        int n = r < 0.35 ? 0 : r < 0.8 ? 1 : 2;
        List<String> kinds = List.of("typo", "lowercase", "layout", "translit", "mixed");
        double[] weights = {0.3, 0.25, 0.15, 0.15, 0.15};
        while (noise.size() < n) {
            double x = random.nextDouble();
            int i = 0;
            while (x > weights[i] && i < weights.length - 1) {
                x -= weights[i];
                i++;
            }
            String k = kinds.get(i);
            boolean script = k.equals("layout") || k.equals("translit");
            if (!noise.contains(k) && !(script && (noise.contains("layout") || noise.contains("translit")))) {
                noise.add(k);
            }
        }
        // a fixed order: what the message says, then how its letters come out
        noise.sort((a, b) -> kinds.indexOf(a) - kinds.indexOf(b));
        return noise;
    }

    private String applyNoise(String text, String lang, List<String> noise) {
        String s = text;
        if (noise.contains("typo")) {
            s = typo(s);
        }
        if (noise.contains("lowercase")) {
            s = s.toLowerCase(Locale.ROOT)
                    .replaceAll("(?U)[.,!?;:…]+(?=\\s|$)", "")
                    .replaceAll(" [—–-] ", " ");
        }
        if (noise.contains("layout")) {
            s = random.nextBoolean() ? layout(s, true) : layoutOneWord(s);
        }
        if (noise.contains("translit")) {
            s = translit(s);
        }
        return s;
    }

    private static boolean protectedToken(String t) {
        return t.chars().anyMatch(c -> c >= MARK && c < MARK + 64);
    }

    private String typo(String s) {
        List<String> tokens = new ArrayList<>(List.of(s.split(" ")));
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i).replaceAll("[^\\p{L}]", "");
            if (w.length() >= 5
                    && w.equals(tokens.get(i).replaceAll("[.,!?:;]+$", ""))
                    && !protectedToken(tokens.get(i))) {
                candidates.add(i);
            }
        }
        int n = Math.min(candidates.size(), 1 + random.nextInt(2));
        for (int c = 0; c < n; c++) {
            int i = candidates.remove(random.nextInt(candidates.size()));
            String t = tokens.get(i);
            int end = t.replaceAll("[.,!?:;]+$", "").length();
            int p = 1 + random.nextInt(end - 2);
            String w;
            switch (random.nextInt(3)) {
                case 0 -> w = t.substring(0, p) + t.charAt(p + 1) + t.charAt(p) + t.substring(p + 2);
                case 1 -> w = t.substring(0, p) + t.substring(p + 1);
                default -> w = t.substring(0, p + 1) + t.charAt(p) + t.substring(p + 1);
            }
            tokens.set(i, w);
        }
        return String.join(" ", tokens);
    }

    private static final String RU_KEYS = "йцукенгшщзхъфывапролджэячсмитьбю.ё";
    private static final String EN_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,./`";
    /** The Kazakh layout's own letters sit on the digit row. */
    private static final String KZ_KEYS = "әіңғүұқөһ";

    private static final String KZ_DIGITS = "2345890-=";

    static String layout(String s, boolean punctuation) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            char lower = Character.toLowerCase(ch);
            int i = RU_KEYS.indexOf(lower);
            int k = KZ_KEYS.indexOf(lower);
            if (i >= 0 && lower != '.') {
                char e = EN_KEYS.charAt(i);
                b.append(Character.isUpperCase(ch) ? Character.toUpperCase(e) : e);
            } else if (k >= 0) {
                b.append(KZ_DIGITS.charAt(k));
            } else if (punctuation && ch == '.') {
                b.append('/');
            } else if (punctuation && ch == ',') {
                b.append('?');
            } else if (punctuation && ch == '?') {
                b.append('&');
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    private String layoutOneWord(String s) {
        String[] tokens = s.split(" ");
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].codePoints().filter(c -> c >= 0x400 && c < 0x500).count() >= 4
                    && !protectedToken(tokens[i])) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return layout(s, true);
        }
        int i = candidates.get(random.nextInt(candidates.size()));
        tokens[i] = layout(tokens[i], false);
        return String.join(" ", tokens);
    }

    private String translit(String s) {
        boolean q = random.nextBoolean();
        boolean sh = random.nextBoolean();
        return translit(s, q, sh);
    }

    /** Latin letters as people use them in chats: Kazakh қ as q or k (ғ as gh or g), щ as sh or sch. */
    static String translit(String s, boolean q, boolean sh) {
        Map<Character, String> map = new HashMap<>();
        String[][] table = {
            {"а", "a"},
            {"б", "b"},
            {"в", "v"},
            {"г", "g"},
            {"д", "d"},
            {"е", "e"},
            {"ё", "yo"},
            {"ж", "zh"},
            {"з", "z"},
            {"и", "i"},
            {"й", "y"},
            {"к", "k"},
            {"л", "l"},
            {"м", "m"},
            {"н", "n"},
            {"о", "o"},
            {"п", "p"},
            {"р", "r"},
            {"с", "s"},
            {"т", "t"},
            {"у", "u"},
            {"ф", "f"},
            {"х", "h"},
            {"ц", "ts"},
            {"ч", "ch"},
            {"ш", "sh"},
            {"щ", sh ? "sh" : "sch"},
            {"ъ", ""},
            {"ы", "y"},
            {"ь", ""},
            {"э", "e"},
            {"ю", "yu"},
            {"я", "ya"},
            {"ә", "a"},
            {"ғ", q ? "gh" : "g"},
            {"қ", q ? "q" : "k"},
            {"ң", "n"},
            {"ө", "o"},
            {"ұ", "u"},
            {"ү", "u"},
            {"һ", "h"},
            {"і", "i"}
        };
        for (String[] p : table) {
            map.put(p[0].charAt(0), p[1]);
        }
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            String t = map.get(Character.toLowerCase(ch));
            if (t == null) {
                b.append(ch);
            } else if (Character.isUpperCase(ch) && !t.isEmpty()) {
                b.append(Character.toUpperCase(t.charAt(0))).append(t.substring(1));
            } else {
                b.append(t);
            }
        }
        return b.toString();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Rule 6: messages no question answers

    private static final List<String> RU_OPERATOR = List.of(
            "позовите оператора",
            "хочу поговорить с человеком",
            "соедините с оператором",
            "оператор, ответьте",
            "мне нужен живой оператор",
            "можно живого специалиста?",
            "бот, позови сотрудника",
            "вы робот?",
            "дайте телефон вашего менеджера",
            "переключите на специалиста");
    private static final List<String> KZ_OPERATOR = List.of(
            "операторды шақырыңызшы",
            "адаммен сөйлескім келеді",
            "тірі операторға қосыңыз",
            "оператор, жауап беріңізші",
            "маған маман керек",
            "сіз роботсыз ба?",
            "менеджердің телефонын беріңіз");
    private static final List<String> RU_SMALLTALK = List.of(
            "Здравствуйте",
            "Добрый день!",
            "Привет",
            "алло",
            "есть кто?",
            "ок спасибо",
            "понятно, спасибо",
            "спасибо, всё понятно",
            "хорошо",
            "ладно",
            "спасибо большое, разобрался",
            "ага",
            "ясно",
            "и вам хорошего дня");
    private static final List<String> KZ_SMALLTALK = List.of(
            "Сәлеметсіз бе",
            "Сәлем",
            "Қайырлы күн!",
            "алло",
            "біреу бар ма?",
            "жарайды рақмет",
            "түсінікті, рақмет",
            "рақмет, бәрі түсінікті",
            "жақсы",
            "иә",
            "ок",
            "сізге де сәттілік");
    private static final List<String> RU_COMPLAINT_WHO = List.of(
            "ваш сотрудник в отделении",
            "девушка на кассе",
            "менеджер в офисе на Абая",
            "охранник у входа",
            "курьер, который должен был прийти вчера,",
            "консультант по телефону");
    private static final List<String> RU_COMPLAINT_DID = List.of(
            "нагрубил мне",
            "был очень невежлив",
            "отказался меня обслуживать",
            "заставил ждать два часа",
            "так и не пришёл",
            "бросил трубку");
    private static final List<String> KZ_COMPLAINT_WHO = List.of(
            "бөлімшедегі қызметкеріңіз",
            "кассадағы қыз",
            "кеңседегі менеджер",
            "есік алдындағы күзетші",
            "кеше келуі тиіс курьер",
            "телефондағы кеңесші");
    private static final List<String> KZ_COMPLAINT_DID = List.of(
            "маған дөрекі сөйледі",
            "өте әдепсіз болды",
            "мені екі сағат күттірді",
            "келмей қойды",
            "телефонды тастап кетті");
    private static final List<String> RU_TOPIC_ASK = List.of(
            "подскажите {t}",
            "не знаете {t}?",
            "хотел спросить про {t}",
            "интересует {t}",
            "{t} — где узнать?",
            "а у вас есть {t}?",
            "{t}?");
    private static final List<String> KZ_TOPIC_ASK = List.of(
            "{t} туралы айтып беріңізші",
            "{t} қайдан білемін?",
            "{t} керек еді",
            "сізде {t} бар ма?",
            "{t} білесіз бе?",
            "{t}?");
    private static final List<String> RU_TOPICS = List.of(
            "погода на завтра в Алматы",
            "рецепт бешбармака",
            "расписание автобусов до Шымкента",
            "ремонт стиральной машины",
            "прогноз курса биткоина",
            "запись к врачу в поликлинику",
            "результаты футбольного матча",
            "гороскоп на неделю",
            "курсы английского языка",
            "вакансии водителя",
            "аренда квартиры посуточно",
            "ипотека на вторичное жильё",
            "страховка на автомобиль",
            "обмен старых купюр",
            "золотые слитки",
            "пенсионные накопления в ЕНПФ",
            "сейфовая ячейка",
            "инвестиции в акции",
            "парковка возле офиса",
            "часы работы ЦОНа",
            "замена паспорта",
            "техосмотр машины",
            "пароль от wifi в кафе",
            "скидки в кинотеатре",
            "столик в ресторане",
            "доставка цветов",
            "лечение зубов",
            "путёвка в санаторий",
            "детский сад рядом с домом",
            "корм для кошки");
    private static final List<String> KZ_TOPICS = List.of(
            "ертеңгі ауа райы",
            "бешбармақ рецепті",
            "Шымкентке автобус кестесі",
            "кір жуғыш машина жөндеу",
            "биткоин болжамы",
            "емханаға дәрігерге жазылу",
            "футбол матчының нәтижесі",
            "аптаға жұлдызнама",
            "жүргізуші вакансиялары",
            "тәулікке пәтер жалдау",
            "ипотека",
            "көлік сақтандыруы",
            "зейнетақы жинағы",
            "сейф ұяшығы",
            "ХҚКО жұмыс уақыты",
            "төлқұжатты ауыстыру",
            "мейрамханадағы үстел",
            "гүл жеткізу",
            "тіс емдеу",
            "шипажайға жолдама",
            "үйдің жанындағы балабақша",
            "мысыққа жем",
            "кинотеатр кестесі",
            "көлікті техникалық байқау");

    private ObjectNode unanswerable(String split, String site) {
        String lang = random.nextDouble() < 0.55 ? "ru" : "kz";
        boolean ru = lang.equals("ru");
        List<String> noise = pickNoise();
        boolean mixed = noise.contains("mixed");
        double k = random.nextDouble();
        String kind;
        String core;
        double wrapScale;
        if (k < 0.2) {
            kind = "unanswerable-operator";
            core = pick(ru ? RU_OPERATOR : KZ_OPERATOR);
            wrapScale = 0.6;
        } else if (k < 0.35) {
            kind = "unanswerable-smalltalk";
            core = pick(ru ? RU_SMALLTALK : KZ_SMALLTALK);
            wrapScale = 0;
        } else if (k < 0.55) {
            kind = "unanswerable-complaint";
            core = ru
                    ? pick(RU_COMPLAINT_WHO) + " " + pick(RU_COMPLAINT_DID)
                            + pick(", хочу пожаловаться", "", ", это нормально?")
                    : pick(KZ_COMPLAINT_WHO) + " " + pick(KZ_COMPLAINT_DID)
                            + pick(", шағым айтқым келеді", "", ", бұл дұрыс па?");
            wrapScale = 1;
        } else {
            kind = "unanswerable-offtopic";
            // the topics are split like the questions, so the held-out half has topics of its own
            List<String> topics = (ru ? RU_TOPICS : KZ_TOPICS)
                    .stream()
                            .filter(t -> (Math.floorMod(t.hashCode(), 2) == 0) == split.equals("fit"))
                            .toList();
            core = pick(ru ? RU_TOPIC_ASK : KZ_TOPIC_ASK).replace("{t}", pick(topics));
            wrapScale = 1;
        }
        List<String> pii = new ArrayList<>();
        String text = wrapScale == 0 ? core : wrap(core, lang, mixed, pii, wrapScale);
        if (mixed && wrapScale == 0) {
            text = ru ? text + " " + pick(KZ_THANKS) : pick(RU_FILLERS) + " " + text;
        }
        // no word stem of five letters that any corpus title has, in either language when the languages mix
        Set<String> stems = new HashSet<>(titleStems.getOrDefault(lang, Set.of()));
        if (mixed) {
            titleStems.values().forEach(stems::addAll);
        }
        for (String w : words(text.replaceAll("[\\uE000-\\uE0FF]", " "))) {
            if (w.length() >= 5 && !STOP.contains(w) && stems.contains(w.substring(0, 5))) {
                return null;
            }
        }
        return line(text, site, lang, List.of(), kind, noise, pii, null);
    }
}
