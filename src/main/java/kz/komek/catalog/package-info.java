/** What readers see: sites, sections and questions as read from PostgreSQL, their HTML pages and JSON API, the page cache, and old addresses of moved questions; uses content, seo, http and i18n, and learns votes and views only through {@code ReaderSignals}. */
package kz.komek.catalog;
