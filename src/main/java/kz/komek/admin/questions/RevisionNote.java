package kz.komek.admin.questions;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.komek.admin.AdminText;
import kz.komek.i18n.Locale;

/**
 * The notes komek itself writes on a revision (the live text filed, a publication date set, a restore, a move):
 * stored in English, as the API and older rows have them, and said in the editor's language in the history. Each
 * kind's English is written and recognised here, so the two cannot drift apart; any other note is an editor's and
 * is shown as typed. See docs/decisions/0037-the-admin-says-komeks-records-in-its-language.md.
 */
public enum RevisionNote {
    LIVE_FIRST("the live text before its first edit in the admin", AdminText.NOTE_LIVE_FIRST),
    LIVE_CHANGED("the live text, changed outside the admin (an import)", AdminText.NOTE_LIVE_CHANGED),
    PUBLISHED_AT("published at %s", AdminText.NOTE_PUBLISHED_AT),
    PUBLICATION_DATE_SET("publication date set", AdminText.NOTE_PUBLICATION_DATE_SET),
    RESTORED("restored from revision %s", AdminText.NOTE_RESTORED),
    CROSS_LISTED("cross-listed from question %s", AdminText.NOTE_CROSS_LISTED),
    // before PLACED, whose pattern would take ", pinned" into the position
    PLACED_PINNED("placed: %s, position %s, pinned", AdminText.NOTE_PLACED_PINNED),
    PLACED("placed: %s, position %s", AdminText.NOTE_PLACED),
    SECTION_MOVED("section moved: %s → %s", AdminText.NOTE_SECTION_MOVED);

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final String english;
    private final Pattern pattern;
    private final AdminText words;

    RevisionNote(String english, AdminText words) {
        this.english = english;
        this.words = words;
        var regex = new StringBuilder("^");
        String[] parts = english.split("%s", -1);
        for (int i = 0; i < parts.length; i++) {
            regex.append(Pattern.quote(parts[i]));
            if (i < parts.length - 1) {
                regex.append("(.+)");
            }
        }
        this.pattern = Pattern.compile(regex.append('$').toString(), Pattern.DOTALL);
    }

    /** The note as stored: {@code restored from revision 3}. */
    public String write(Object... args) {
        return String.format(java.util.Locale.ROOT, english, args);
    }

    /** A stored note in the editor's language when komek wrote it, else as it was typed. */
    public static String shown(String note, Locale locale) {
        for (RevisionNote kind : values()) {
            Matcher m = kind.pattern.matcher(note);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = kind == PUBLISHED_AT ? dateTime(m.group(i + 1)) : m.group(i + 1);
                }
                return kind.words.format(locale, args);
            }
        }
        return note;
    }

    private static String dateTime(String iso) {
        try {
            return SHOWN.format(LocalDateTime.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
