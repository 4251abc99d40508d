package kz.komek.catalog;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A document as its section's page lists it ({@code tag/documents.jte}).
 *
 * @param format the file's format upper-cased ({@code PDF}), when known
 * @param sizeShown its size in the page's language ({@code 471 КБ})
 * @param newTab a PDF opens in a new tab (the reader keeps the help center's page), and says so
 */
public record DocumentItem(
        long id,
        String title,
        String url,
        Optional<String> description,
        Optional<String> format,
        Optional<String> sizeShown,
        Optional<LocalDate> updated,
        boolean newTab) {

    public DocumentItem {
        if (!url.startsWith("https://")) {
            throw new IllegalArgumentException("a document's link is https, not " + url);
        }
    }

    public String anchor() {
        return Material.anchor(id);
    }

    public Optional<String> updatedIso() {
        return updated.map(LocalDate::toString);
    }

    public Optional<String> updatedShown() {
        return updated.map(MaterialFormat::date);
    }
}
