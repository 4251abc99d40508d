package kz.komek.catalog;

import java.util.List;

/**
 * The public questions of one section, pinned first, under a heading.
 *
 * @param headingShown false where the heading would only repeat a selected tab or the page's h1 (it stays for
 *     screen readers)
 */
public record QuestionList(String heading, boolean headingShown, List<QuestionItem> items) {
    public QuestionList {
        items = List.copyOf(items);
    }
}
