package kz.komek.deflection;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat message with what identifies a person taken out before anything else sees it: card and account numbers,
 * IINs, phone numbers, e-mail addresses. Each becomes a bracketed word ({@code [карта]}) that says what stood
 * there, so an editor still reads the message, and search passes over it.
 */
public record Masked(String text) {
    /** 12 to 19 digits, in groups or not: cards (16), IINs (12), and any other long number a reader pastes. */
    private static final Pattern CARD = Pattern.compile("(?<![\\d+])\\d(?:[ \\-.]?\\d){11,18}(?!\\d)");

    /** Kazakhstan's IBAN: KZ, two check digits, 16 letters or digits, spaced or not. */
    private static final Pattern IBAN =
            Pattern.compile("(?i)(?<![A-Z0-9])KZ\\s?\\d{2}(?:\\s?[A-Z0-9]){16}(?![A-Z0-9])");

    /** +7 or 8 then ten digits, with the separators people type; and the ten digits alone from 7. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d+])(?:(?:\\+\\s?7|8|7)[\\s\\-.(]*\\d{3}[\\s\\-.)]*\\d{3}[\\s\\-.]*\\d{2}[\\s\\-.]*\\d{2}"
                    + "|7\\d{2}[\\s\\-.]?\\d{3}[\\s\\-.]?\\d{2}[\\s\\-.]?\\d{2})(?!\\d)");

    private static final Pattern EMAIL =
            Pattern.compile("[\\p{L}0-9._%+\\-]{1,64}@[\\p{L}0-9.\\-]{1,255}\\.[\\p{L}]{2,24}");

    public static final String CARD_WORD = "[карта]";
    public static final String PHONE_WORD = "[телефон]";
    public static final String EMAIL_WORD = "[почта]";
    public static final String ACCOUNT_WORD = "[счёт]";

    /** Masks {@code raw}: the order matters, an IBAN holds digits a card pattern would take in part. */
    public static Masked of(String raw) {
        String s = replace(EMAIL, raw, EMAIL_WORD);
        s = replace(IBAN, s, ACCOUNT_WORD);
        s = replace(PHONE, s, PHONE_WORD);
        s = replace(CARD, s, CARD_WORD);
        return new Masked(s);
    }

    private static String replace(Pattern p, String s, String word) {
        Matcher m = p.matcher(s);
        return m.find() ? m.replaceAll(Matcher.quoteReplacement(word)) : s;
    }

    /** The text without the mask words, for search: "[карта]" is nothing a question is about. */
    public String withoutMasks() {
        return text.replace(CARD_WORD, " ")
                .replace(PHONE_WORD, " ")
                .replace(EMAIL_WORD, " ")
                .replace(ACCOUNT_WORD, " ");
    }
}
