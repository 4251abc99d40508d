package kz.komek.deflection;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a chat message says beside its question: greetings, thanks, please, "I have a question", signatures, in
 * Russian and Kazakh, in Cyrillic and Latin letters. Search would take them for words of the question ("спасибо"
 * is in answers too), so they are taken out before it runs. Whole phrases only, never a question's own words.
 */
final class ChatWords {
    private static final String[] PHRASES = {
        // Russian greetings and leave-takings
        "здравствуйте",
        "здраствуйте",
        "здрасте",
        "здравствуй",
        "привет",
        "приветствую",
        "добрый день",
        "добрый вечер",
        "доброе утро",
        "доброго дня",
        "доброго времени суток",
        "добрый",
        "до свидания",
        "всего доброго",
        "хорошего дня",
        // Russian thanks and please
        "заранее спасибо",
        "спасибо большое",
        "большое спасибо",
        "спасибо",
        "спс",
        "благодарю",
        "пожалуйста",
        "пожалуйсто",
        "пжл",
        "плиз",
        // Russian ways of asking
        "подскажите пожалуйста",
        "подскажите",
        "скажите",
        "помогите разобраться",
        "помогите",
        "у меня вопрос",
        "у меня такой вопрос",
        "такой вопрос",
        "есть вопрос",
        "можно вопрос",
        "вопрос",
        "хотел бы узнать",
        "хотела бы узнать",
        "хочу узнать",
        "хотел узнать",
        "хотела узнать",
        "не могли бы вы",
        "будьте добры",
        "с уважением",
        "девушка",
        "ребята",
        // Kazakh greetings, thanks and asking
        "сәлеметсіз бе",
        "салеметсиз бе",
        "сәлеметсіз",
        "сәлем",
        "салем",
        "армысыз",
        "қайырлы күн",
        "қайырлы таң",
        "қайырлы кеш",
        "рақмет",
        "рахмет",
        "рахмет сізге",
        "көп рақмет",
        "алдын ала рақмет",
        "өтінемін",
        "көмектесіңізші",
        "көмектесіңіз",
        "айтыңызшы",
        "айтып жіберіңізші",
        "сұрағым бар",
        "сұрақ бар",
        "сұрақ",
        "білгім келеді",
        "сау болыңыз",
        // Latin letters
        "zdravstvuyte",
        "zdravstvuite",
        "privet",
        "dobryi den",
        "dobryy den",
        "spasibo",
        "pozhaluysta",
        "pozhaluista",
        "podskazhite",
        "salem",
        "salemetsiz be",
        "rakhmet",
        "rahmet",
        "hello",
        "hi",
        "thanks",
        "thank you",
        "please",
    };

    private static final Pattern FILLER = compile();

    private ChatWords() {}

    private static Pattern compile() {
        var alternatives = new StringBuilder();
        // longest first, so "спасибо большое" goes before "спасибо"
        java.util.Arrays.stream(PHRASES)
                .sorted((a, b) -> b.length() - a.length())
                .forEach(p -> alternatives
                        .append(alternatives.length() == 0 ? "" : "|")
                        .append(Pattern.quote(p).replace(" ", "\\E\\s+\\Q")));
        return Pattern.compile(
                "(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The message with its chat phrases taken out, spaces collapsed; what is left is the question. */
    static String question(String message) {
        String lower = message.toLowerCase(Locale.ROOT).replace('ё', 'е');
        return FILLER.matcher(lower).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }
}
