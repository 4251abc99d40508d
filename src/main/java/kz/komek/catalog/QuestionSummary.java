package kz.komek.catalog;

/** A question as a list shows it: its title in the list's locale. */
public record QuestionSummary(long id, SectionPath section, int position, boolean pinned, String title) {}
