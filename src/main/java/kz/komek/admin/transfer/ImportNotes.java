package kz.komek.admin.transfer;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.komek.admin.AdminText;
import kz.komek.admin.MarkupRemovals;
import kz.komek.bundle.ImportReport;
import kz.komek.i18n.Locale;

/**
 * An import's notes for people (bundle.ImportReport, in English for the command line, the API and the log) in the
 * admin's language: the phrasings komek writes are recognised and said again; a note it does not recognise (a
 * truncated Nuxt page's forensic detail) stays English, for the page to show as such. Field names from the file are
 * kept as they are, as code.
 */
public final class ImportNotes {
    /** A note as the page shows it: {@code before}, then the file's own names as code (if any), then {@code after}. */
    public record Shown(String before, Optional<String> code, String after) {}

    private record Rule(Pattern pattern, BiFunction<Matcher, Locale, Shown> say) {}

    private static final String WHERE = "(site .+|section .+|question \\d+|question \\d+, locale \\w+)";

    /** Stands for the file's names in a formatted text, which is then cut there. */
    private static final String CODE = "\u0000";

    private static final List<Rule> RULES = List.of(
            rule(
                    "bundle: kept unknown fields \\[(.*)\\] for export; komek does not use them",
                    (m, l) -> coded(AdminText.NOTE_UNKNOWN_FIELDS_BUNDLE.format(l, CODE), m.group(1))),
            rule(
                    WHERE + ": kept unknown fields \\[(.*)\\]",
                    (m, l) -> coded(AdminText.NOTE_UNKNOWN_FIELDS.format(l, where(m.group(1), l), CODE), m.group(2))),
            rule(
                    WHERE + ": no title in any locale; pages show its path segment until one is set",
                    (m, l) -> plain(AdminText.NOTE_NO_TITLE.format(l, where(m.group(1), l)))),
            rule(
                    WHERE + ": removed from the answer: (.+)",
                    (m, l) -> plain(AdminText.NOTE_SANITIZED.format(
                            l, where(m.group(1), l), MarkupRemovals.list(m.group(2), l)))),
            rule(
                    "question (\\d+) has an unpublished draft in the admin \\(revision (\\d+)\\): this import makes the"
                            + " bundle's text public; the draft stays in its history",
                    (m, l) -> plain(AdminText.NOTE_DRAFT.format(l, m.group(1), m.group(2)))),
            rule(
                    "question positions follow their order in the payload \\((.*)\\), first is position 1",
                    (m, l) -> plain(AdminText.NOTE_POSITIONS.format(l, m.group(1)))),
            rule(
                    "votes: the payload shows only the ratio usefulness, which is kept; vote counts are left unset",
                    (m, l) -> plain(AdminText.NOTE_RATIO_ONLY.in(l))),
            rule(
                    "voted is per visitor and not stored; it is (.+) for questions? (.+)",
                    (m, l) -> plain(AdminText.NOTE_VOTED.format(l, yesNo(m.group(1), l), m.group(2)))),
            rule(
                    WHERE + ": neither its title nor its meta title survives; skipped",
                    (m, l) -> plain(AdminText.NOTE_SKIPPED.format(l, where(m.group(1), l)))),
            rule(
                    "question (\\d+): listed twice with different values; the first is kept",
                    (m, l) -> plain(AdminText.NOTE_TWICE_DIFFERENT.format(l, m.group(1)))),
            rule(
                    "question (\\d+): listed twice; the first is kept",
                    (m, l) -> plain(AdminText.NOTE_TWICE.format(l, m.group(1)))));

    private static final Pattern SITE = Pattern.compile("site (.+)");
    private static final Pattern SECTION = Pattern.compile("section (.+)");
    private static final Pattern QUESTION = Pattern.compile("question (\\d+)(?:, locale (\\w+))?");

    private ImportNotes() {}

    private static Rule rule(String regex, BiFunction<Matcher, Locale, Shown> say) {
        return new Rule(Pattern.compile(regex, Pattern.DOTALL), say);
    }

    /** {@code note} in {@code locale}; empty when komek does not recognise it. */
    static Optional<Shown> shown(String note, Locale locale) {
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(note);
            if (m.matches()) {
                return Optional.of(r.say().apply(m, locale));
            }
        }
        return Optional.empty();
    }

    /** A stored question's readers' counts: {@code полезно: 76, не помогло: 25; доля полезных 89 %}. */
    static String votes(ImportReport.VoteCounts v, Locale locale) {
        var parts = new java.util.ArrayList<String>();
        v.counts().ifPresent(c -> parts.add(AdminText.VOTES_COUNTS.format(locale, c.up(), c.down())));
        v.usefulness().ifPresent(u -> parts.add(AdminText.VOTES_RATIO.format(locale, Math.round(u * 100) + "\u00a0%")));
        return parts.isEmpty() ? AdminText.VOTES_NONE.in(locale) : String.join("; ", parts);
    }

    /** Where a note points ({@code question 456, locale ru}), in {@code locale}. */
    private static String where(String where, Locale locale) {
        Matcher q = QUESTION.matcher(where);
        if (q.matches()) {
            if (q.group(2) == null) {
                return AdminText.WHERE_QUESTION.format(locale, q.group(1));
            }
            String language = Locale.parse(q.group(2))
                    .map(in -> (in == Locale.KZ ? AdminText.Q_IN_KAZAKH : AdminText.Q_IN_RUSSIAN).in(locale))
                    .orElse(q.group(2));
            return AdminText.WHERE_QUESTION_LOCALE.format(locale, q.group(1), language);
        }
        Matcher site = SITE.matcher(where);
        if (site.matches()) {
            return AdminText.WHERE_SITE.format(locale, site.group(1));
        }
        Matcher section = SECTION.matcher(where);
        return section.matches() ? AdminText.WHERE_SECTION.format(locale, section.group(1)) : where;
    }

    private static String yesNo(String value, Locale locale) {
        return switch (value) {
            case "true" -> AdminText.VALUE_YES.in(locale);
            case "false" -> AdminText.VALUE_NO.in(locale);
            default -> value;
        };
    }

    private static Shown plain(String text) {
        return new Shown(text, Optional.empty(), "");
    }

    private static Shown coded(String formatted, String code) {
        int at = formatted.indexOf(CODE);
        return new Shown(formatted.substring(0, at), Optional.of(code), formatted.substring(at + CODE.length()));
    }
}
