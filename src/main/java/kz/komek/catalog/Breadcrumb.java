package kz.komek.catalog;

/** One step of the breadcrumbs; the last one is the current page and is not a link. */
public record Breadcrumb(String label, String href, boolean current) {}
