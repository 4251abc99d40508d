/** Search and suggestions: Kazakh and Russian analysis (stemmer, keyboard layout, transliteration, typos), the Lucene index kept in step with PostgreSQL, and the search page and API. */
package kz.komek.search;
