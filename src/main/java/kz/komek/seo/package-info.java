/** Head tags for search engines: title, description, robots, canonical, hreflang, Open Graph and JSON-LD, built purely from page facts. */
package kz.komek.seo;
