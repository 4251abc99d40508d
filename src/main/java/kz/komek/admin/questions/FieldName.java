package kz.komek.admin.questions;

import java.util.Map;
import java.util.Optional;
import kz.komek.admin.AdminText;
import kz.komek.i18n.Locale;

/**
 * A field of a question's record ({@code locales.ru.meta_title}) as the diff of revisions names it: in the editor's
 * words, with the language of a locale's field; a field komek does not know (one an import kept from its file) is
 * named by its key, shown as code.
 *
 * @param code the key as the file had it, for a field komek does not know
 */
public record FieldName(String words, Optional<String> code) {
    private static final Map<String, AdminText> QUESTION = Map.of(
            "id", AdminText.FIELD_ID,
            "site", AdminText.FIELD_SITE,
            "section", AdminText.FIELD_SECTION,
            "position", AdminText.Q_POSITION,
            "pinned", AdminText.Q_PINNED,
            "canonical", AdminText.FIELD_CANONICAL,
            "votes", AdminText.FIELD_VOTES,
            "usefulness", AdminText.FIELD_USEFULNESS,
            "incomplete", AdminText.FIELD_INCOMPLETE);

    private static final Map<String, AdminText> TEXT = Map.of(
            "title", AdminText.Q_TITLE,
            "content", AdminText.Q_CONTENT,
            "updated", AdminText.Q_UPDATED,
            "published", AdminText.Q_PUBLISHED,
            "meta_title", AdminText.FIELD_META_TITLE,
            "meta_description", AdminText.FIELD_META_DESCRIPTION,
            "meta_h1", AdminText.FIELD_META_H1,
            "no_index", AdminText.Q_NO_INDEX,
            "no_follow", AdminText.Q_NO_FOLLOW);

    public static FieldName of(String path, Locale locale) {
        String[] p = path.split("\\.", 3);
        if (p.length == 1 && QUESTION.containsKey(p[0])) {
            return new FieldName(QUESTION.get(p[0]).in(locale), Optional.empty());
        }
        if (p[0].equals("votes")) {
            return new FieldName(AdminText.FIELD_VOTES.in(locale), Optional.empty());
        }
        Optional<Locale> in = p.length > 1 ? Locale.parse(p[1]) : Optional.empty();
        if (p[0].equals("locales") && in.isPresent()) {
            if (p.length == 2) {
                return in(AdminText.FIELD_TEXT.in(locale), in.get(), locale, Optional.empty());
            }
            AdminText known = TEXT.get(p[2]);
            return known != null
                    ? in(known.in(locale), in.get(), locale, Optional.empty())
                    : in(AdminText.FIELD_OF_FILE.in(locale), in.get(), locale, Optional.of(p[2]));
        }
        if (p[0].equals("phrasings") && in.isPresent() && p.length == 2) {
            return in(AdminText.Q_PHRASINGS.in(locale), in.get(), locale, Optional.empty());
        }
        if (p[0].equals("phrasings") && p.length == 1) {
            return new FieldName(AdminText.Q_PHRASINGS.in(locale), Optional.empty());
        }
        return new FieldName(AdminText.FIELD_OF_FILE.in(locale), Optional.of(path));
    }

    private static FieldName in(String words, Locale text, Locale ui, Optional<String> code) {
        return new FieldName(AdminText.FIELD_IN.format(ui, words, language(text, ui)), code);
    }

    /** "по-русски", "қазақша": the language of a text, in the editor's. */
    static String language(Locale text, Locale ui) {
        return (text == Locale.KZ ? AdminText.Q_IN_KAZAKH : AdminText.Q_IN_RUSSIAN).in(ui);
    }
}
