/** Sitemaps and robots.txt, built from the catalog and cached per content version. */
package kz.komek.sitemap;
